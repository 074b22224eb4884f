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
  ShowsSomething,
} from '../fields';

/**
 * The most bytes one character, as the length rules count characters, can take in a request body.
 * validator.js counts a surrogate pair, and a variation selector after a character, as part of that
 * character: an emoji with U+FE0F is 7 bytes of UTF-8. A browser's form post percent-encodes each
 * byte (21 bytes); JSON that escapes non-ASCII writes its three UTF-16 units as `\uXXXX` (18).
 */
const MAX_BODY_BYTES_PER_CHAR = 21;

/** Room for the rest of a body: JSON keys and punctuation, WordPress's other fields and plugins' nonces, `redirect_to`. */
const SUBMISSION_BODY_OVERHEAD_BYTES = 16 * 1024;

/**
 * The body limit of the submission routes (`POST /v1/comments` and the WordPress form): a maximal
 * valid submission in any script fits in either encoding (every text field at its limit, each
 * character at its widest; the ids are ASCII, `:` percent-encoded to 3 bytes) and not much more
 * does: 262,891 bytes, about 257 KiB.
 */
export const SUBMISSION_BODY_LIMIT_BYTES =
  MAX_BODY_BYTES_PER_CHAR *
    (FieldLimits.content +
      FieldLimits.authorName +
      FieldLimits.authorEmail +
      FieldLimits.authorUrl +
      FieldLimits.honeypot) +
  3 * (FieldLimits.siteId + FieldLimits.articleId) +
  36 + // parentId, a UUID
  SUBMISSION_BODY_OVERHEAD_BYTES;

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
  @ShowsSomething()
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
    example: 'https://ann.example.org/',
    maxLength: FieldLimits.authorUrl,
    description:
      'Kept as its WHATWG URL href (punycode host, percent-encoded path): https://bücher.example/straße is https://xn--bcher-kva.example/stra%C3%9Fe; the limit applies to that form',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsAuthorUrl({ normalise: true })
  authorUrl?: string | null;

  @ApiProperty({ example: 'A thoughtful reply.', maxLength: FieldLimits.content })
  @IsCommentContent()
  @ShowsSomething()
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
