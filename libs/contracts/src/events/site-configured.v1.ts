import { ArrayMaxSize, IsArray, IsBoolean, IsString, MaxLength } from 'class-validator';
import type { EventTypeInfo } from '../envelope';
import { IsSiteId } from '../fields';

/**
 * A site was created or changed. Keyed by site id on a compacted topic: the latest record per site
 * is its current configuration, which ingest keeps to accept submissions and answer CORS.
 */
export class SiteConfiguredV1 {
  static readonly info: EventTypeInfo = {
    type: 'org.replyguard.site.configured.v1',
    dataschema: 'urn:replyguard:asyncapi:sites.configured.v1',
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
}
