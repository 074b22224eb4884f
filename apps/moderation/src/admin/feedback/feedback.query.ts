import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSiteId } from '@replyguard/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class FeedbackQueryV1 {
  @ApiProperty({ enum: ['spam', 'toxicity'] })
  @IsIn(['spam', 'toxicity'])
  task!: 'spam' | 'toxicity';

  @ApiPropertyOptional()
  @IsOptional()
  @IsSiteId()
  siteId?: string;
}
