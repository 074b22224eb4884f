import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthorCommentsPageV1, AuthorCommentsQueryV1 } from '@replyguard/contracts';
import { decodeCursor, keysetPage } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { QUEUE_COLUMNS, QueueItems, type QueueRow } from '../queue-items';
import { requireVisibleComment } from '../../comments/require-comment';

/**
 * A comment's author's other comments on its site, newest first, as the queue shows them: the
 * moderator sees the record behind the counts of `author` on a queue item. The author is matched by
 * the keyed hash of their e-mail address, which neither the request nor the answer carries; an
 * erased author has none, and so no other comments. Keyset pagination on comments_author_idx.
 */
@Injectable()
export class AuthorCommentsHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: QueueItems,
  ) {}

  async execute(actor: Actor, id: string, q: AuthorCommentsQueryV1): Promise<AuthorCommentsPageV1> {
    const comment = await requireVisibleComment(this.db, actor, id);
    const scope = ['author', id, q.status ?? null];
    const cursor = q.cursor ? decodeCursor(q.cursor, scope) : null;
    if (comment.author_email_hash === null) return { id, items: [], nextCursor: null };
    const limit = q.limit ?? 50;
    const params: unknown[] = [comment.site_id, comment.author_email_hash, id];
    let where = 'site_id = $1 AND author_email_hash = $2 AND id <> $3';
    if (q.status) {
      params.push(q.status);
      where += ` AND status = $${params.length}`;
    }
    if (cursor) {
      params.push(cursor.t, cursor.id);
      where += ` AND (submitted_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const rows = await this.db.query<QueueRow[]>(
      `SELECT ${QUEUE_COLUMNS}
         FROM moderation.comments
        WHERE ${where}
        ORDER BY submitted_at DESC, id DESC
        LIMIT $${params.length}`,
      params,
    );
    const { page, nextCursor } = keysetPage(rows, limit, scope);
    return {
      id,
      items: await this.items.view(this.db.manager, comment.site_id, page),
      nextCursor,
    };
  }
}
