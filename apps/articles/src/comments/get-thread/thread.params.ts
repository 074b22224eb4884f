import { ApiProperty } from '@nestjs/swagger';
import { IsArticleId, IsSiteId } from '@replyguard/contracts';

export class ThreadParamsV1 {
  @ApiProperty({ description: 'The site id', example: 'default' })
  @IsSiteId()
  siteId!: string;

  @ApiProperty({ description: "The article's id on its site", example: 'china-russia-ties' })
  @IsArticleId()
  articleId!: string;
}
