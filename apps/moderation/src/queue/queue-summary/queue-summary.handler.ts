import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  QUEUE_COUNT_CAP,
  QUEUE_SUMMARY_STATUSES,
  type QueueCountV1,
  type QueueSummaryQueryV1,
  type QueueSummaryV1,
} from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { requireSite } from '../../sites/require-site';
import { QUEUE_WHERE } from '../queue-items';

/**
 * One queue's count and span, each a range of comments_queue_idx read index-only, so no new index:
 * the count stops one past the cap (a million held comments cost what 10,001 do: about 2.5 ms,
 * against 41 ms for an exact count of 200,000, on a million comments of one site seeded by
 * tools/seed/seed-comments.ts), and min/max are the range's first and last entries.
 */
const SUMMARY_SQL = `
  SELECT (SELECT count(*)::int FROM (SELECT 1 FROM moderation.comments WHERE ${QUEUE_WHERE} LIMIT $3) AS q) AS count,
         (SELECT min(submitted_at) FROM moderation.comments WHERE ${QUEUE_WHERE}) AS oldest,
         (SELECT max(submitted_at) FROM moderation.comments WHERE ${QUEUE_WHERE}) AS newest`;

interface SummaryRow {
  count: number;
  oldest: Date | null;
  newest: Date | null;
}

/** What waits for a moderator on a site: the held and reported queues' sizes, for the console to poll. */
@Injectable()
export class QueueSummaryHandler {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(actor: Actor, q: QueueSummaryQueryV1): Promise<QueueSummaryV1> {
    if (!canActOn(actor, q.siteId)) throw new DomainError('FORBIDDEN', 'you may not see this site');
    await requireSite(this.db.manager, q.siteId);
    const [held, reported] = await Promise.all(
      QUEUE_SUMMARY_STATUSES.map((status) => this.count(q.siteId, status)),
    );
    return { siteId: q.siteId, held, reported };
  }

  private async count(siteId: string, status: string): Promise<QueueCountV1> {
    const [row] = await this.db.query<SummaryRow[]>(SUMMARY_SQL, [siteId, status, QUEUE_COUNT_CAP + 1]);
    return {
      count: Math.min(row.count, QUEUE_COUNT_CAP),
      capped: row.count > QUEUE_COUNT_CAP,
      oldestSubmittedAt: row.oldest?.toISOString() ?? null,
      newestSubmittedAt: row.newest?.toISOString() ?? null,
    };
  }
}
