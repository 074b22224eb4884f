import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface SubscriptionRow {
  id: string;
  siteId: string;
  url: string;
  events: string[];
  createdAt: Date;
}

const COLUMNS = `id, site_id AS "siteId", url, events, created_at AS "createdAt"`;

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
