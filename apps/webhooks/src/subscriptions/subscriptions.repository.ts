import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface SubscriptionRow {
  id: string;
  siteId: string;
  url: string;
  events: string[];
  createdAt: Date;
  secretRotatedAt: Date | null;
  /** Null once it has expired. */
  previousSecretExpiresAt: Date | null;
}

const COLUMNS = `id, site_id AS "siteId", url, events, created_at AS "createdAt",
  secret_rotated_at AS "secretRotatedAt",
  CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS "previousSecretExpiresAt"`;

@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(s: { id: string; siteId: string; url: string; events: string[]; secretSealed: string }) {
    const [row] = await this.db.query<SubscriptionRow[]>(
      `INSERT INTO webhooks.subscriptions (id, site_id, url, events, secret_sealed)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [s.id, s.siteId, s.url, s.events, s.secretSealed],
    );
    return row;
  }

  listForSite(siteId: string): Promise<SubscriptionRow[]> {
    return this.db.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM webhooks.subscriptions WHERE site_id = $1 ORDER BY created_at, id`,
      [siteId],
    );
  }

  /**
   * Replaces the signing secret; the one it replaces stays valid until `previousExpiresAt` (null: not
   * at all). A second rotation within that time drops the oldest secret: two at most.
   */
  async rotateSecret(
    id: string,
    secretSealed: string,
    previousExpiresAt: Date | null,
    at: Date,
  ): Promise<SubscriptionRow | undefined> {
    const [rows] = await this.db.query<[SubscriptionRow[], number]>(
      `UPDATE webhooks.subscriptions SET
         previous_secret_sealed = CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE secret_sealed END,
         previous_secret_expires_at = $3, secret_sealed = $2, secret_rotated_at = $4
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, secretSealed, previousExpiresAt, at],
    );
    return rows[0];
  }

  /**
   * Brings the previous secret's expiry forward to `expiresAt` (null: drops it now), never later than
   * it was, so a retried request changes nothing; the current secret stays.
   */
  async shortenPreviousSecret(id: string, expiresAt: Date | null): Promise<SubscriptionRow | undefined> {
    const [rows] = await this.db.query<[SubscriptionRow[], number]>(
      `UPDATE webhooks.subscriptions SET
         previous_secret_expires_at = CASE WHEN $2::timestamptz IS NULL OR previous_secret_expires_at IS NULL
           THEN NULL ELSE LEAST(previous_secret_expires_at, $2) END,
         previous_secret_sealed = CASE WHEN $2::timestamptz IS NULL THEN NULL ELSE previous_secret_sealed END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, expiresAt],
    );
    return rows[0];
  }

  /** The subscription's current signing secret, sealed; undefined for an unknown subscription. */
  async sealedSecret(id: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ sealed: string }[]>(
      'SELECT secret_sealed AS sealed FROM webhooks.subscriptions WHERE id = $1',
      [id],
    );
    return row?.sealed;
  }

  async find(id: string): Promise<SubscriptionRow | undefined> {
    const [row] = await this.db.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM webhooks.subscriptions WHERE id = $1`,
      [id],
    );
    return row;
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM webhooks.subscriptions WHERE id = $1', [id]);
    return rows.length === 1;
  }

  /** Deletes the subscription and, with it, its deliveries. */
  async delete(id: string): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      'DELETE FROM webhooks.subscriptions WHERE id = $1',
      [id],
    );
    return count === 1;
  }

  /** Subscriptions of a site to a topic, inside the caller's transaction. */
  async idsForEvent(manager: EntityManager, siteId: string, topic: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM webhooks.subscriptions WHERE site_id = $1 AND $2 = ANY (events)',
      [siteId, topic],
    );
    return rows.map((r) => r.id);
  }
}
