import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { IsSiteId } from '../fields';
import { IsArticleUrlTemplate, SITE_LANGUAGES, type SiteLanguage } from '../http/site-presentation';

/**
 * A site was created or changed: v1's fields plus what ingest needs to answer a WordPress comment
 * form (where to send the reader back, in which language). Published beside v1 on its own compacted
 * topic, keyed by site id; consumers that know v2 read it, older ones keep reading v1.
 */
export class SiteConfiguredV2 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.site.configured.v2',
    dataschema: 'urn:replyguard:asyncapi:sites.configured.v2',
  };

  @IsSiteId()
  siteId!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  allowedOrigins!: string[];

  @IsBoolean()
  active!: boolean;

  /** Article page address with `{articleId}` (and optionally `{siteId}`) in it; null: none. */
  @ValidateIf((_, v) => v !== null)
  @IsArticleUrlTemplate()
  articleUrlTemplate!: string | null;

  /** Language of the pages ingest renders for the site's readers; null: English. */
  @ValidateIf((_, v) => v !== null)
  @IsIn(SITE_LANGUAGES)
  language!: SiteLanguage | null;
}
