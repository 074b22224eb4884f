import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUTHOR_EVIDENCE_KEYS,
  CommentApprovedV1,
  CommentHeldV1,
  CommentRejectedV1,
  type WebhookDeliveryStatus,
} from '@replyguard/contracts';
import { dropReasonEvidenceSql } from '@replyguard/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** The events that carry a comment's author and text (a removal carries neither). */
export const DECISION_EVENT_TYPES: readonly string[] = [
  CommentApprovedV1.info.type,
  CommentHeldV1.info.type,
  CommentRejectedV1.info.type,
];

/** A delivery claimed by a dispatcher, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  payload: string;
  attempts: number;
  cycleAttempts: number;
  cycleStartedAt: Date;
  url: string;
  secretSealed: string;
  /** The secret a rotation replaced, while it still signs deliveries. */
  previousSecretSealed: string | null;
}

export interface AttemptRow {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  recentAttempts: AttemptRow[];
}

/** The outcome of one attempt and what follows from it. */
export interface AttemptOutcome {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
}

const RECENT_ATTEMPTS = 20;

const DELIVERY_COLUMNS = `d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.status, d.attempts,
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.next_attempt_at AS "nextAttemptAt",
  d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"`;

@Injectable()
export class DeliveriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One pending delivery per subscription; an event seen before for a subscription adds nothing. */
  async insertForEvent(
    manager: EntityManager,
    subscriptionIds: string[],
    event: { id: string; type: string; payload: string },
    now: Date,
  ): Promise<number> {
    if (subscriptionIds.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO webhooks.deliveries
         (id, subscription_id, event_id, event_type, payload, cycle_started_at, next_attempt_at, created_at, updated_at)
       SELECT ids.id, ids.subscription_id, $3, $4, $5, $6, $6, $6, $6
       FROM unnest($1::uuid[], $2::uuid[]) AS ids (id, subscription_id)
       ON CONFLICT (subscription_id, event_id) DO NOTHING
       RETURNING 1`,
      [subscriptionIds.map(() => uuidv7()), subscriptionIds, event.id, event.type, event.payload, now],
    );
    return rows.length;
  }

  /**
   * Claims up to `limit` due deliveries (`FOR UPDATE SKIP LOCKED`, so several dispatchers share the
   * table) by pushing their next attempt to `leaseUntil`: if this process dies mid-request, another
   * one tries again after the lease (at-least-once; receivers deduplicate on `ce-id`).
   */
  /**
   * A comment's author had their personal data erased: the stored deliveries of its decision events
   * (sent or not) lose the author's name, website and the decision evidence taken from them; when the
   * comment was erased too, they are deleted (a replay would send its text again, and a replayed
   * approval could publish it again), except its removal, which subscribers still need. A delivery
   * sent or replayed later carries what is left. The erasure is recorded for events read after it.
   * Returns how many deliveries changed.
   */
  async anonymiseAuthor(
    manager: EntityManager,
    erasure: { commentId: string; authorName: string; erasedAt: Date; commentRemoved: boolean },
  ): Promise<number> {
    const { commentId, authorName, commentRemoved } = erasure;
    await manager.query(
      `INSERT INTO webhooks.erased_authors (comment_id, author_name, erased_at, comment_removed)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (comment_id) DO UPDATE SET comment_removed = erased_authors.comment_removed OR EXCLUDED.comment_removed`,
      [commentId, authorName, erasure.erasedAt.toISOString(), commentRemoved],
    );
    if (commentRemoved) {
      const [, deleted] = await manager.query<[unknown[], number]>(
        `DELETE FROM webhooks.deliveries
          WHERE payload::jsonb #>> '{data,commentId}' = $1 AND event_type IN ($2, $3, $4)`,
        [commentId, ...DECISION_EVENT_TYPES],
      );
      return deleted;
    }
    const decision = `(p.j #> '{data,decision}')`;
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE webhooks.deliveries d
          SET payload = (
            SELECT (CASE WHEN p.j #> '{data,decision}' IS NULL THEN p.j
                         ELSE jsonb_set(p.j, '{data,decision}', ${dropReasonEvidenceSql(decision, AUTHOR_EVIDENCE_KEYS)})
                    END)::text
              FROM (SELECT jsonb_set(jsonb_set(d.payload::jsonb, '{data,authorName}', to_jsonb($2::text)),
                                     '{data,authorUrl}', 'null'::jsonb) AS j) p)
        WHERE d.payload::jsonb #>> '{data,commentId}' = $1 AND d.payload::jsonb -> 'data' ? 'authorName'`,
      [commentId, authorName],
    );
    return affected;
  }

  /** How a comment's author was erased, if they were: the name now, and whether the comment went too. */
  async erasureOf(
    manager: EntityManager,
    commentId: string,
  ): Promise<{ authorName: string; commentRemoved: boolean } | undefined> {
    const [row] = await manager.query<{ author_name: string; comment_removed: boolean }[]>(
      'SELECT author_name, comment_removed FROM webhooks.erased_authors WHERE comment_id = $1',
      [commentId],
    );
    return row ? { authorName: row.author_name, commentRemoved: row.comment_removed } : undefined;
  }

  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows] = await this.db.query<[ClaimedDelivery[], number]>(
      `WITH due AS (
         SELECT id FROM webhooks.deliveries
         WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE webhooks.deliveries d SET next_attempt_at = $3, updated_at = $1
       FROM due, webhooks.subscriptions s
       WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id AS "subscriptionId", d.event_id AS "eventId", d.event_type AS "eventType",
         d.payload, d.attempts, d.cycle_attempts AS "cycleAttempts", d.cycle_started_at AS "cycleStartedAt",
         s.url, s.secret_sealed AS "secretSealed",
         CASE WHEN s.previous_secret_expires_at > $1 THEN s.previous_secret_sealed END AS "previousSecretSealed"`,
      [now, limit, leaseUntil],
    );
    return rows;
  }

  /** Stores an attempt and the delivery's new state; a delivery deleted meanwhile is left alone. */
  async recordAttempt(id: string, o: AttemptOutcome): Promise<void> {
    await this.db.query(
      `WITH updated AS (
         UPDATE webhooks.deliveries SET
           attempts = attempts + 1, cycle_attempts = cycle_attempts + 1,
           status = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5,
           delivered_at = CASE WHEN $2 = 'delivered' THEN $6::timestamptz ELSE delivered_at END,
           updated_at = $6
         WHERE id = $1 AND status = 'pending'
         RETURNING id
       )
       INSERT INTO webhooks.delivery_attempts (delivery_id, at, status_code, error, duration_ms)
       SELECT id, $6, $4, $5, $7 FROM updated`,
      [id, o.status, o.nextAttemptAt, o.statusCode, o.error, o.at, Math.round(o.durationMs)],
    );
  }

  /** The latest deliveries of a subscription, newest first, each with its latest attempts. */
  listForSubscription(subscriptionId: string, limit: number): Promise<DeliveryRow[]> {
    return this.db.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS},
         COALESCE((
           SELECT json_agg(json_build_object('at', a.at, 'statusCode', a.status_code, 'error', a.error,
                                             'durationMs', a.duration_ms) ORDER BY a.id DESC)
           FROM (SELECT * FROM webhooks.delivery_attempts WHERE delivery_id = d.id ORDER BY id DESC LIMIT ${RECENT_ATTEMPTS}) a
         ), '[]'::json) AS "recentAttempts"
       FROM webhooks.deliveries d
       WHERE d.subscription_id = $1
       ORDER BY d.created_at DESC, d.id DESC
       LIMIT $2`,
      [subscriptionId, limit],
    );
  }

  /** Sends a delivery again from now, with a fresh retry window, whatever its status was. */
  async replay(subscriptionId: string, deliveryId: string, now: Date): Promise<boolean> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `UPDATE webhooks.deliveries SET status = 'pending', next_attempt_at = $3, cycle_started_at = $3,
         cycle_attempts = 0, delivered_at = NULL, updated_at = $3
       WHERE id = $2 AND subscription_id = $1
       RETURNING 1`,
      [subscriptionId, deliveryId, now],
    );
    return count === 1;
  }

  /** Deliveries waiting for their next attempt (the partial index keeps this cheap). */
  async countPending(): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM webhooks.deliveries WHERE status = 'pending'`,
    );
    return row?.n ?? 0;
  }

  /** Deletes delivered and dead deliveries last touched before `before`. */
  async prune(before: Date): Promise<number> {
    const [, count] = await this.db.query<[unknown[], number]>(
      `DELETE FROM webhooks.deliveries WHERE status <> 'pending' AND updated_at < $1`,
      [before],
    );
    return count;
  }
}
