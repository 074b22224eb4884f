import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import {
  FieldLimits,
  IsArticleId,
  IsAuthorEmail,
  IsAuthorName,
  IsAuthorUrl,
  IsCommentContent,
  IsCommentId,
  IsSiteId,
  IsWellFormedText,
} from '../fields';

/** Body of `POST /v1/comments`: the classic "Leave a Reply" form. */
export class SubmitCommentRequestV1 {
  @ApiProperty({ example: 'default' })
  @IsSiteId()
  siteId!: string;

  @ApiProperty({ example: 'china-russia-ties', pattern: '^[A-Za-z0-9._:-]{1,200}$' })
  @IsArticleId()
  articleId!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'An approved comment of the same article',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsCommentId()
  parentId?: string | null;

  @ApiProperty({ example: 'Ann', maxLength: FieldLimits.authorName })
  @IsAuthorName()
  authorName!: string;

  @ApiProperty({
    example: 'ann@example.org',
    maxLength: FieldLimits.authorEmail,
    description: 'Never published',
  })
  @IsAuthorEmail()
  authorEmail!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://ann.example.org',
    maxLength: FieldLimits.authorUrl,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsAuthorUrl()
  authorUrl?: string | null;

  @ApiProperty({ example: 'A thoughtful reply.', maxLength: FieldLimits.content })
  @IsCommentContent()
  content!: string;

  @ApiPropertyOptional({ description: 'Value of a hidden honeypot input; humans leave it empty' })
  @IsOptional()
  @IsString()
  @MaxLength(FieldLimits.honeypot)
  @IsWellFormedText()
  honeypot?: string;
}

/** Answer of `POST /v1/comments`. */
export class SubmitCommentResponseV1 {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['pending'] })
  status!: 'pending';
}
