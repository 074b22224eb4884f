import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { FieldLimits, IsAuthorEmail, IsWellFormedText } from '../fields';
import { CommentPublicFieldsV1 } from './comment-published-fields';

/** Context of the HTTP request that submitted the comment, for moderation only. */
export class SubmissionClientV1 {
  /** HMAC-SHA256 of the client IP (keyed by the deployment's secret); the IP itself never leaves ingest. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  ipHash?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  userAgent?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  referer?: string | null;
}

/**
 * A reader submitted a reply; ingest has made it durable. INTERNAL: holds personal data (the
 * commenter's email and an IP hash). Only the moderation service reads it.
 */
export class CommentSubmittedV1 extends CommentPublicFieldsV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.comment.submitted.v1',
    dataschema: 'urn:replyguard:asyncapi:comments.submitted.v1',
  };

  /** Personal data: only moderation reads it, and keeps only a keyed hash of it. */
  @IsAuthorEmail()
  authorEmail!: string;

  /** Value of the form's honeypot field, if the site renders one. Filled means a bot. */
  @IsOptional()
  @IsString()
  @MaxLength(FieldLimits.honeypot)
  @IsWellFormedText()
  honeypot?: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => SubmissionClientV1)
  client!: SubmissionClientV1;
}
