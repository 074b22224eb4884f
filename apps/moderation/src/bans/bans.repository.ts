import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@replyguard/platform';
import type { EntityManager } from 'typeorm';

export type BanKind = 'email' | 'ipHash' | 'domain';

/** A ban row as moderators list it. */
export interface BanRow {
  id: string;
  site_id: string;
  kind: BanKind;
  value: string;
  reason: string;
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  lifted_at: Date | null;
  lifted_by: string | null;
  /** Microsecond-exact `created_at`, so a cursor loses nothing. */
  cursor_time: string;
  /** The moderators' names; null for the administrator token. */
  created_by_name: string | null;
  lifted_by_name: string | null;
}

const BAN_COLUMNS = `id, site_id, kind, value, reason, created_by, created_at, expires_at, lifted_at, lifted_by,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time,
  (SELECT m.name FROM moderation.moderators m WHERE m.id::text = bans.created_by) AS created_by_name,
  (SELECT m.name FROM moderation.moderators m WHERE m.id::text = bans.lifted_by) AS lifted_by_name`;

export interface ActiveBans {
  email: boolean;
  ipHash: boolean;
  domain: boolean;
}

/** The identifiers of one submission, and when it was made. */
export interface BanQuery {
  siteId: string;
  emailHash: string;
  ipHash: string | null;
  domains: string[];
  at: Date;
}

@Injectable()
export class BansRepository {
  /** Which of the author's identifiers are banned on the site right now. */
  async activeFor(manager: EntityManager, q: BanQuery): Promise<ActiveBans> {
    const [bans] = await this.activeForMany(manager, [q]);
    return bans;
  }

  /** `activeFor` for a batch of submissions in one round trip; results in the order of `queries`. */
  async activeForMany(manager: EntityManager, queries: BanQuery[]): Promise<ActiveBans[]> {
    if (queries.length === 0) return [];
    const earliest = new Date(Math.min(...queries.map((q) => q.at.getTime())));
    const rows = await preparedQuery<{
      site_id: string;
      kind: BanKind;
      value: string;
      expires_at: Date | null;
    }>(
      manager,
      `SELECT site_id, kind, value, expires_at FROM moderation.bans
        WHERE site_id = ANY($1::text[]) AND (expires_at IS NULL OR expires_at > $5) AND lifted_at IS NULL
          AND ((kind = 'email' AND value = ANY($2::text[])) OR (kind = 'ipHash' AND value = ANY($3::text[]))
               OR (kind = 'domain' AND value = ANY($4::text[])))`,
      [
        [...new Set(queries.map((q) => q.siteId))],
        [...new Set(queries.map((q) => q.emailHash))],
        [...new Set(queries.flatMap((q) => (q.ipHash ? [q.ipHash] : [])))],
        [...new Set(queries.flatMap((q) => q.domains))],
        earliest.toISOString(),
      ],
    );
    return queries.map((q) => {
      const active = rows.filter(
        (r) => r.site_id === q.siteId && (r.expires_at === null || new Date(r.expires_at) > q.at),
      );
      const hit = (kind: BanKind, values: (string | null)[]): boolean =>
        active.some((r) => r.kind === kind && values.includes(r.value));
      return {
        email: hit('email', [q.emailHash]),
        ipHash: hit('ipHash', [q.ipHash]),
        domain: hit('domain', q.domains),
      };
    });
  }

  async create(
    manager: EntityManager,
    ban: {
      id: string;
      siteId: string;
      kind: BanKind;
      value: string;
      reason: string;
      expiresAt: Date | null;
      createdBy: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO moderation.bans (id, site_id, kind, value, reason, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ban.id, ban.siteId, ban.kind, ban.value, ban.reason, ban.expiresAt, ban.createdBy],
    );
  }

  /**
   * A site's bans, newest first, keyset-paginated on (created_at, id); `active` keeps those neither
   * lifted nor expired at `now`. Returns up to `limit + 1` rows, so the caller knows if there is more.
   */
  async list(
    manager: EntityManager,
    q: { siteId: string; active: boolean; now: Date; after?: { t: string; id: string }; limit: number },
  ): Promise<BanRow[]> {
    const params: unknown[] = [q.siteId];
    let where = 'site_id = $1';
    if (q.active) {
      params.push(q.now.toISOString());
      where += ` AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $${params.length})`;
    }
    if (q.after) {
      params.push(q.after.t, q.after.id);
      where += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(q.limit + 1);
    return manager.query<BanRow[]>(
      `SELECT ${BAN_COLUMNS} FROM moderation.bans WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async find(manager: EntityManager, id: string): Promise<BanRow | undefined> {
    const [row] = await manager.query<BanRow[]>(`SELECT ${BAN_COLUMNS} FROM moderation.bans WHERE id = $1`, [
      id,
    ]);
    return row;
  }

  /** Lifts a ban not yet lifted; returns it as lifted, or undefined when it was lifted already. */
  async lift(manager: EntityManager, id: string, by: string, at: Date): Promise<BanRow | undefined> {
    const [rows] = await manager.query<[BanRow[], number]>(
      `UPDATE moderation.bans SET lifted_at = $2, lifted_by = $3 WHERE id = $1 AND lifted_at IS NULL
       RETURNING ${BAN_COLUMNS}`,
      [id, at.toISOString(), by],
    );
    return rows[0];
  }

  /** Held comments on the site from the banned identifier. */
  async heldCommentIds(
    manager: EntityManager,
    siteId: string,
    kind: BanKind,
    value: string,
  ): Promise<string[]> {
    // A domain: the e-mail's domain or the website's host, or a subdomain of either (see `banDomains`).
    const match =
      kind === 'domain'
        ? `EXISTS (SELECT 1 FROM (VALUES (author_domain),
              (lower(substring(author_url FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/@?#]*@)?([^/:?#]+)')))) AS d(host)
            WHERE d.host = $2 OR d.host LIKE '%.' || $2)`
        : `${{ email: 'author_email_hash', ipHash: 'ip_hash' }[kind]} = $2`;
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM moderation.comments WHERE site_id = $1 AND status = 'held' AND ${match}`,
      [siteId, value],
    );
    return rows.map((r) => r.id);
  }
}
