import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueuePageV1, QueueQueryV1 } from '@replyguard/contracts';
import { decodeCursor, DomainError, keysetPage } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { requireSite } from '../../sites/require-site';
import { QUEUE_COLUMNS, QUEUE_WHERE, QueueItems, type QueueRow } from '../queue-items';

/**
 * A site's queue in one status, keyset-paginated on (submitted_at, id) so that a deep page costs
 * the same as the first (the queue index covers the order; no OFFSET). What readers reported and
 * each author's record on the site are read for the whole page by `QueueItems`, so the listing's
 * own plan stays the queue index's.
 */
@Injectable()
export class ListQueueHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: QueueItems,
  ) {}

  async execute(actor: Actor, q: QueueQueryV1): Promise<QueuePageV1> {
    if (!canActOn(actor, q.siteId)) throw new DomainError('FORBIDDEN', 'you may not see this site');
    // An admin may name any site: an unknown one is a 404, as on every route that names a site.
    await requireSite(this.db.manager, q.siteId);
    const limit = q.limit ?? 50;
    const newest = q.order === 'newest';
    const scope = ['queue', q.siteId, q.status, newest ? 'newest' : 'oldest', q.articleId ?? null];
    const cursor = q.cursor ? decodeCursor(q.cursor, scope) : null;
    const params: unknown[] = [q.siteId, q.status];
    let where = QUEUE_WHERE;
    if (q.articleId) {
      params.push(q.articleId);
      where += ` AND article_id = $${params.length}`;
    }
    if (cursor) {
      params.push(cursor.t, cursor.id);
      where += ` AND (submitted_at, id) ${newest ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const dir = newest ? 'DESC' : 'ASC';
    const rows = await this.db.query<QueueRow[]>(
      `SELECT ${QUEUE_COLUMNS}
         FROM moderation.comments
        WHERE ${where}
        ORDER BY submitted_at ${dir}, id ${dir}
        LIMIT $${params.length}`,
      params,
    );
    const { page, nextCursor } = keysetPage(rows, limit, scope);
    return {
      items: await this.items.view(this.db.manager, q.siteId, page),
      nextCursor,
    };
  }
}
