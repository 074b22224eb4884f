import { ApiProperty } from '@nestjs/swagger';
import { IsSiteId } from '@replyguard/contracts';

export class SiteIdParamV1 {
  @ApiProperty({ description: 'The site id', example: 'daily-news' })
  @IsSiteId()
  siteId!: string;
}
