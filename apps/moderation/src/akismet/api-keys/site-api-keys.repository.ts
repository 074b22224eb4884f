import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface StoredApiKey {
  id: string;
  siteId: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The key a request presented, once found: which site it speaks for. */
export interface KeyHolder {
  keyId: string;
  siteId: string;
}

interface KeyRow {
  id: string;
  site_id: string;
  prefix: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

/** Akismet-compatible API keys, one site each, stored only as SHA-256 hashes. */
@Injectable()
export class SiteApiKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(key: { id: string; siteId: string; keyHash: string; prefix: string; createdBy: string }) {
    const [row] = await this.db.query<{ created_at: Date }[]>(
      `INSERT INTO moderation.site_api_keys (id, site_id, key_hash, prefix, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING created_at`,
      [key.id, key.siteId, key.keyHash, key.prefix, key.createdBy],
    );
    return row.created_at;
  }

  /** A key that is not revoked, of a site that is active. */
  async holderOf(keyHash: string): Promise<KeyHolder | null> {
    const [row] = await this.db.query<{ id: string; site_id: string }[]>(
      `SELECT k.id, k.site_id FROM moderation.site_api_keys k
         JOIN moderation.sites s ON s.id = k.site_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.active`,
      [keyHash],
    );
    return row ? { keyId: row.id, siteId: row.site_id } : null;
  }

  async listForSite(siteId: string): Promise<StoredApiKey[]> {
    const rows = await this.db.query<KeyRow[]>(
      `SELECT id, site_id, prefix, created_by, created_at, revoked_at FROM moderation.site_api_keys
        WHERE site_id = $1 ORDER BY created_at, id`,
      [siteId],
    );
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      prefix: r.prefix,
      createdBy: r.created_by,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }));
  }

  /** True when the site had that key; revoking twice keeps the first time. */
  async revoke(siteId: string, id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected]: reading it as the rows made every revoke "found".
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE moderation.site_api_keys SET revoked_at = COALESCE(revoked_at, now())
        WHERE site_id = $1 AND id = $2 RETURNING id`,
      [siteId, id],
    );
    return rows.length > 0;
  }
}
