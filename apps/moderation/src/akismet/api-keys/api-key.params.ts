import { ApiProperty } from '@nestjs/swagger';
import { IsSiteId } from '@replyguard/contracts';
import { IsUUID } from 'class-validator';

export class ApiKeyParamsV1 {
  @ApiProperty({ description: 'The site id', example: 'daily-news' })
  @IsSiteId()
  siteId!: string;

  @ApiProperty({ format: 'uuid', description: 'The id the key was issued with' })
  @IsUUID('all')
  keyId!: string;
}
