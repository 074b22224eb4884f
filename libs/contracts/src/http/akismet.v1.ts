import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Form fields of Akismet's `comment-check`, `submit-spam` and `submit-ham`, named as Akismet names
 * them. The key (`api_key`) and the honeypot field itself are read apart from these. Validation
 * messages are Akismet's own wording: they become the `X-akismet-debug-help` header.
 */
export class AkismetCommentV1 {
  /** The site's front page; Akismet requires it. */
  @IsString()
  @IsNotEmpty({ message: 'Missing required field: blog.' })
  @MaxLength(2000)
  blog!: string;

  /** The commenter's IP address; hashed at once, never stored or logged as it is. */
  @IsString()
  @IsNotEmpty({ message: 'Missing required field: user_ip.' })
  @MaxLength(100)
  user_ip!: string;

  @IsOptional() @IsString() @MaxLength(2000) user_agent?: string;
  @IsOptional() @IsString() @MaxLength(2000) referrer?: string;
  @IsOptional() @IsString() @MaxLength(2000) permalink?: string;
  /** comment, reply, forum-post, blog-post, contact-form, signup, message, … */
  @IsOptional() @IsString() @MaxLength(100) comment_type?: string;
  @IsOptional() @IsString() @MaxLength(1000) comment_author?: string;
  @IsOptional() @IsString() @MaxLength(1000) comment_author_email?: string;
  @IsOptional() @IsString() @MaxLength(2000) comment_author_url?: string;
  /** Longer content is accepted; the engine analyses the first 20,000 characters. */
  @IsOptional() @IsString() comment_content?: string;

  @IsOptional()
  @IsISO8601({}, { message: 'comment_date_gmt must be an ISO 8601 date' })
  comment_date_gmt?: string;

  @IsOptional() @IsString() @MaxLength(100) comment_post_modified_gmt?: string;
  @IsOptional() @IsString() @MaxLength(100) blog_lang?: string;
  @IsOptional() @IsString() @MaxLength(100) blog_charset?: string;
  /** `administrator` is never spam, as with Akismet. */
  @IsOptional() @IsString() @MaxLength(100) user_role?: string;
  /** Any value but empty, `0` or `false` marks a test: feedback then trains nothing. */
  @IsOptional() @IsString() @MaxLength(10) is_test?: string;
  @IsOptional() @IsString() @MaxLength(100) recheck_reason?: string;
  /** Name of the form's hidden field; its value is sent under that name. */
  @IsOptional() @IsString() @MaxLength(100) honeypot_field_name?: string;
}

/** The fields of AkismetCommentV1; anything else a client sends is ignored, as Akismet does. */
export const AKISMET_COMMENT_FIELDS: readonly (keyof AkismetCommentV1)[] = [
  'blog',
  'user_ip',
  'user_agent',
  'referrer',
  'permalink',
  'comment_type',
  'comment_author',
  'comment_author_email',
  'comment_author_url',
  'comment_content',
  'comment_date_gmt',
  'comment_post_modified_gmt',
  'blog_lang',
  'blog_charset',
  'user_role',
  'is_test',
  'recheck_reason',
  'honeypot_field_name',
];

/** `POST /v1/admin/sites/{siteId}/api-keys`: an Akismet-compatible key for the site. */
export class IssueApiKeyResponseV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) key!: string;
  @ApiProperty({ description: 'The first characters, to tell keys apart later' }) prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A site's key as listed later: never the key itself. */
export class ApiKeyV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class ApiKeyListV1 {
  @ApiProperty({ type: [ApiKeyV1] }) keys!: ApiKeyV1[];
}

/** Akismet's answer to accepted feedback, which some clients compare against. */
export const AKISMET_FEEDBACK_THANKS = 'Thanks for making the web a better place.';

/** Values of `is_test` that do not mark a test. */
export function isAkismetTest(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());
}
