import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from './actor';

interface ModeratorRow {
  id: string;
  name: string;
  role: 'moderator' | 'admin';
  sites: string[];
}

/** A moderator as administrators list them: everything but the token hash. */
export interface StoredModerator {
  id: string;
  name: string;
  email: string;
  role: 'moderator' | 'admin';
  sites: string[];
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  /** Microsecond-exact `created_at`, so a cursor loses nothing. */
  cursor_time: string;
}

// Named columns, never `*`: the token hash is not read outside authentication.
const MODERATOR_COLUMNS = `id, name, email, role, sites, created_at, revoked_at, revoked_by,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time`;

@Injectable()
export class ModeratorsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The moderator a token belongs to, unless revoked. Read from the database on every request, with no
   * cache, so that a revocation holds from the next request on.
   */
  async findByTokenHash(tokenHash: string): Promise<Actor | null> {
    const [row] = await this.db.query<ModeratorRow[]>(
      'SELECT id, name, role, sites FROM moderation.moderators WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return row ? { id: row.id, name: row.name, role: row.role, sites: row.sites } : null;
  }

  async create(m: {
    id: string;
    name: string;
    email: string;
    role: string;
    sites: string[];
    tokenHash: string;
  }) {
    await this.db.query(
      `INSERT INTO moderation.moderators (id, name, email, role, sites, token_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
      [m.id, m.name, m.email, m.role, m.sites, m.tokenHash],
    );
  }

  /**
   * Moderators newest first, keyset-paginated on (created_at, id). `siteId` keeps those who may act on
   * the site: assigned to it, or admins. Returns up to `limit + 1` rows, so the caller knows if there is more.
   */
  async list(q: {
    siteId?: string;
    active: boolean;
    after?: { t: string; id: string };
    limit: number;
  }): Promise<StoredModerator[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.siteId !== undefined) {
      params.push(q.siteId);
      where.push(`(role = 'admin' OR $${params.length} = ANY(sites))`);
    }
    if (q.active) where.push('revoked_at IS NULL');
    if (q.after) {
      params.push(q.after.t, q.after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(q.limit + 1);
    return this.db.query<StoredModerator[]>(
      `SELECT ${MODERATOR_COLUMNS} FROM moderation.moderators
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async find(id: string): Promise<StoredModerator | undefined> {
    const [row] = await this.db.query<StoredModerator[]>(
      `SELECT ${MODERATOR_COLUMNS} FROM moderation.moderators WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** Revokes a moderator not yet revoked; returns them as revoked, or undefined when there was none to revoke. */
  async revoke(id: string, by: string): Promise<StoredModerator | undefined> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await this.db.query<[StoredModerator[], number]>(
      `UPDATE moderation.moderators SET revoked_at = now(), revoked_by = $2
        WHERE id = $1 AND revoked_at IS NULL RETURNING ${MODERATOR_COLUMNS}`,
      [id, by],
    );
    return rows[0];
  }
}
