import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface KnownSite {
  id: string;
  active: boolean;
}

/** The webhooks service's copy of the sites (`webhooks.sites`), kept from `sites.configured.*`. */
@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(id: string): Promise<KnownSite | null> {
    const rows = await this.db.query<KnownSite[]>('SELECT id, active FROM webhooks.sites WHERE id = $1', [
      id,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Stores a site's configuration unless a later one is stored already: `configuredAt` is the
   * event's time, so a redelivered or late record (v1 and v2 are separate topics, read independently)
   * changes nothing. Equal times apply: a change's v1 and v2 records carry the same fields.
   */
  async upsert(site: { id: string; name: string; active: boolean; configuredAt: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO webhooks.sites AS s (id, name, active, configured_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE
         SET name = EXCLUDED.name, active = EXCLUDED.active, configured_at = EXCLUDED.configured_at,
             updated_at = now()
         WHERE s.configured_at IS NULL OR s.configured_at <= EXCLUDED.configured_at`,
      [site.id, site.name, site.active, site.configuredAt],
    );
  }
}
