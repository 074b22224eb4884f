import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsEmailAddress, IsOmittable, IsSiteId } from '../fields';
import { PageCursor, PageLimit } from './paging';
import { IsArticleUrlTemplate, SITE_LANGUAGES, type SiteLanguage } from './site-presentation';

/** OpenAPI 3.0's `nullable` does not add null to an `enum`: a nullable enum lists it itself. */
const LANGUAGES_OR_NULL = [...SITE_LANGUAGES, null];

const IsOrigin = () =>
  IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      require_valid_protocol: true,
    },
    { each: true, message: 'allowedOrigins must hold origins such as https://news.example' },
  );

/** `POST /v1/admin/sites`. */
export class CreateSiteRequestV1 {
  @ApiProperty({ example: 'daily-news' })
  @IsSiteId()
  id!: string;

  @ApiProperty({ example: 'The Daily News' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: [String], example: ['https://news.example'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsOrigin()
  allowedOrigins?: string[];

  @ApiPropertyOptional({ description: 'Partial moderation policy; missing values take the defaults' })
  @IsOptional()
  @IsObject()
  policy?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Reader reports that put a comment in the reported queue', default: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  reportThreshold?: number;

  @ApiPropertyOptional({
    description: 'Unpublish a comment when it reaches the report threshold',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  unpublishOnReports?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://news.example/articles/{articleId}',
    description:
      'Where a WordPress comment form sends the reader back to: the article page, {articleId} filled in',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsArticleUrlTemplate()
  articleUrlTemplate?: string | null;

  @ApiPropertyOptional({
    enum: LANGUAGES_OR_NULL,
    nullable: true,
    description: 'Language of the pages shown to readers (comment form errors); default English',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(SITE_LANGUAGES)
  language?: SiteLanguage | null;
}

/** `PATCH /v1/admin/sites/{id}`: any subset; `policy` is merged into the stored partial policy. */
export class UpdateSiteRequestV1 {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsOrigin()
  allowedOrigins?: string[];

  @ApiPropertyOptional({
    description:
      'Merged into the stored policy (JSON merge patch): objects key by key, lists replaced, null resets a setting to its default',
    example: { thresholds: { toxicity: { hold: 0.4 } }, bannedWords: null },
  })
  @IsOmittable()
  @IsObject()
  policy?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(1000)
  reportThreshold?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  unpublishOnReports?: boolean;

  @ApiPropertyOptional({ description: 'An inactive site accepts no submissions' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsArticleUrlTemplate()
  articleUrlTemplate?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES_OR_NULL, nullable: true, description: 'null: English' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(SITE_LANGUAGES)
  language?: SiteLanguage | null;
}

export class SiteResponseV1 {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) allowedOrigins!: string[];
  @ApiProperty({ description: 'The stored partial policy' }) policy!: Record<string, unknown>;
  @ApiProperty({ description: 'The policy in force, defaults included' }) effectivePolicy!: Record<
    string,
    unknown
  >;
  @ApiProperty() reportThreshold!: number;
  @ApiProperty() unpublishOnReports!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) articleUrlTemplate!: string | null;
  @ApiProperty({ enum: LANGUAGES_OR_NULL, nullable: true }) language!: SiteLanguage | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** `POST /v1/admin/moderators`. */
export class CreateModeratorRequestV1 {
  @ApiProperty({ example: 'Maria' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'maria@news.example' })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ enum: ['moderator', 'admin'] })
  @IsIn(['moderator', 'admin'])
  role!: 'moderator' | 'admin';

  @ApiProperty({ type: [String], description: 'Sites the moderator may act on (admins act on all)' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  sites!: string[];
}

export class CreateModeratorResponseV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) token!: string;
}

/** Query of `GET /v1/admin/sites`: every site, by id. */
export class SiteListQueryV1 {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: active sites only; false: inactive ones only; left out: all of them',
  })
  @IsOptional()
  // A query string is text: "true" and "false" are read as booleans, anything else stays text and fails.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @PageCursor() cursor?: string;

  @PageLimit() limit?: number;
}

export class SitePageV1 {
  @ApiProperty({ type: [SiteResponseV1] }) items!: SiteResponseV1[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** Query of `GET /v1/admin/moderators`: newest first. */
export class ModeratorListQueryV1 {
  @ApiPropertyOptional({
    description: 'Those who may act on the site: its moderators, and admins (who act on every site)',
  })
  @IsOptional()
  @IsSiteId()
  siteId?: string;

  @ApiPropertyOptional({
    enum: ['active', 'all'],
    default: 'active',
    description: 'active: not revoked; all: revoked ones too',
  })
  @IsOptional()
  @IsIn(['active', 'all'])
  include?: 'active' | 'all';

  @PageCursor() cursor?: string;

  @PageLimit() limit?: number;
}

/** A moderator as administrators see them: what was given at creation, never the token or its hash. */
export class ModeratorV1 {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'As given at creation' }) email!: string;
  @ApiProperty({ enum: ['moderator', 'admin'] }) role!: 'moderator' | 'admin';
  @ApiProperty({ type: [String] }) sites!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who revoked the token' }) revokedBy!:
    string | null;
  @ApiProperty({ description: 'Not revoked: the token is accepted' }) active!: boolean;
}

export class ModeratorPageV1 {
  @ApiProperty({ type: [ModeratorV1] }) items!: ModeratorV1[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MeResponseV1 {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['moderator', 'admin'] }) role!: 'moderator' | 'admin';
  @ApiProperty({ type: [String] }) sites!: string[];
}
