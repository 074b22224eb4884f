import { databaseConfig, serviceDataSourceOptions } from '@replyguard/platform';
import type { DataSourceOptions } from 'typeorm';
import { SiteEntity } from '../sites/site.entity';
import { CreateIngestSchema1764252000000 } from './migrations/1764252000000-CreateIngestSchema';
import { SiteOrigins1764256100000 } from './migrations/1764256100000-SiteOrigins';
import { SitePages1764260100000 } from './migrations/1764260100000-SitePages';

export const INGEST_SCHEMA = 'ingest';

export function ingestDataSourceOptions(db = databaseConfig()): DataSourceOptions {
  return serviceDataSourceOptions({
    ...db,
    schema: INGEST_SCHEMA,
    entities: [SiteEntity],
    migrations: [CreateIngestSchema1764252000000, SiteOrigins1764256100000, SitePages1764260100000],
  });
}
