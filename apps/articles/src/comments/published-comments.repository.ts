import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { claimStatement, type ProcessedMessagesTable } from '@replyguard/messaging';
import type { ThreadOrderV3 } from '@replyguard/contracts';
import { type KeysetCursor, keysetCursorTime, preparedQuery } from '@replyguard/platform';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import type { FlatComment } from './get-thread/build-thread';
import { PublishedCommentEntity } from './published-comment.entity';

/** What an approval event publishes. */
export interface ApprovedComment {
  id: string;
  siteId: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  content: string;
  createdAt: Date;
  publishedAt: Date;
}

/** A top-level comment of a thread page, with its keyset position. */
export interface PageRootComment extends FlatComment {
  cursor_time: string;
}

/** One read of a thread page: the article's published count and the page's top-level comments. */
export interface ThreadPageRoots {
  count: number;
  /** In the order asked for; one more than `limit` when another page follows. */
  roots: PageRootComment[];
}

interface CommentRow {
  id: string;
  parent_id: string | null;
  author_name: string | null;
  author_url: string | null;
  content: string | null;
  created_at: Date;
  removed_at: Date | null;
}

const COMMENT_COLUMNS =
  'c.id, c.parent_id, c.author_name, c.author_url, c.content, c.created_at, c.removed_at';

/** A comment of an article's thread as v2 has it: published, or taken down and kept as a placeholder. */
const IN_THREAD = (alias: string) =>
  `${alias}.site_id = $1 AND ${alias}.article_id = $2 AND ${alias}.created_at IS NOT NULL`;

/**
 * An article's top-level comments as thread v2 places them, keyset-paginated on (created_at, id):
 * - top level: no parent in the thread (none, or one never published there: v2 shows such a reply at
 *   the top level rather than lose it), by an anti-join on the primary key;
 * - a taken-down comment only when a published comment hangs somewhere below it, as v2 prunes: worked
 *   out once per read by walking up from the taken-down comments with a published reply, through
 *   taken-down parents only (`kept`), so the cost follows the article's few taken-down comments and
 *   the planner sees no recursion per row;
 * - `count` beside the page, also when the page is empty.
 * The thread index (site, article, created_at, id) gives the order; a page reads the comments of its
 * own stretch of time, not the article's.
 */
function pageRootsSql(order: ThreadOrderV3, after: boolean): string {
  const dir = order === 'newest' ? 'DESC' : 'ASC';
  const keyset = after
    ? `AND (c.created_at, c.id) ${order === 'newest' ? '<' : '>'} ($3::timestamptz, $4::uuid)`
    : '';
  const limit = after ? '$5' : '$3';
  return `WITH RECURSIVE kept AS (
      SELECT r.id, r.parent_id FROM articles.comments r
       WHERE ${IN_THREAD('r')} AND r.removed_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM articles.comments d
                      WHERE d.parent_id = r.id AND ${IN_THREAD('d')} AND d.removed_at IS NULL)
      UNION
      SELECT r.id, r.parent_id FROM kept k JOIN articles.comments r ON r.id = k.parent_id
       WHERE ${IN_THREAD('r')} AND r.removed_at IS NOT NULL
    )
    SELECT n.count, page.*
      FROM (SELECT count(*)::int AS count FROM articles.comments c
             WHERE ${IN_THREAD('c')} AND c.removed_at IS NULL) n
      LEFT JOIN LATERAL (
        SELECT ${COMMENT_COLUMNS}, ${keysetCursorTime('c.created_at')} AS cursor_time
          FROM articles.comments c
          LEFT JOIN articles.comments p ON p.id = c.parent_id AND ${IN_THREAD('p')}
         WHERE ${IN_THREAD('c')} AND p.id IS NULL ${keyset}
           AND (c.removed_at IS NULL OR c.id IN (SELECT id FROM kept))
         ORDER BY c.created_at ${dir}, c.id ${dir}
         LIMIT ${limit}
      ) page ON true
     ORDER BY page.created_at ${dir}, page.id ${dir}`;
}

const PAGE_ROOTS_SQL = {
  oldest: { first: pageRootsSql('oldest', false), after: pageRootsSql('oldest', true) },
  newest: { first: pageRootsSql('newest', false), after: pageRootsSql('newest', true) },
} as const;

/**
 * Every comment below the given top-level comments, level by level over the replies index. No
 * cycle can be reached: a top-level comment has no parent in the thread, and each comment one
 * parent. Oldest first, as each level of a thread is.
 */
const REPLIES_SQL = `WITH RECURSIVE tree AS (
      SELECT ${COMMENT_COLUMNS} FROM articles.comments c
       WHERE c.parent_id = ANY($3::uuid[]) AND ${IN_THREAD('c')}
      UNION ALL
      SELECT ${COMMENT_COLUMNS} FROM tree t JOIN articles.comments c ON c.parent_id = t.id
       WHERE ${IN_THREAD('c')}
    )
    SELECT * FROM tree ORDER BY created_at, id`;

/** An article's whole thread as v2 has it, oldest first (thread v1 and v2, the demo page). */
const THREAD_SQL = `SELECT ${COMMENT_COLUMNS} FROM articles.comments c WHERE ${IN_THREAD('c')} ORDER BY c.created_at, c.id`;

/** A thread row as the thread builders take it: a taken-down comment keeps no author and no text. */
function flatComment(r: CommentRow): FlatComment {
  const removed = r.removed_at !== null;
  return {
    id: r.id,
    parentId: r.parent_id,
    authorName: removed ? '' : (r.author_name ?? ''),
    authorUrl: removed ? null : r.author_url,
    content: removed ? '' : (r.content ?? ''),
    createdAt: r.created_at,
    removed,
  };
}

@Injectable()
export class PublishedCommentsRepository {
  constructor(
    @InjectRepository(PublishedCommentEntity) private readonly comments: Repository<PublishedCommentEntity>,
  ) {}

  /**
   * Claims each approval event for `consumer` in `processedTable` and publishes the comments of
   * the events claimed now, in one statement (so atomically, without a transaction around it):
   * an event processed before publishes nothing again, and a comment already published stays as
   * it is. A comment whose author was erased before its approval was read is published anonymised.
   * A taken-down comment is published again only by an approval decided after its removal (a
   * moderator's second thought); an older one, read late, only gives the placeholder its parent and
   * time. Returns the ids of the events claimed now.
   */
  async publishClaimed(
    manager: EntityManager,
    processedTable: ProcessedMessagesTable,
    consumer: string,
    items: { eventId: string; comment: ApprovedComment }[],
  ): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const rows = await preparedQuery<{ message_id: string }>(
      manager,
      `WITH claimed AS (${claimStatement(processedTable)}
       ), published AS (
         INSERT INTO articles.comments AS cur (id, site_id, article_id, parent_id, author_name, author_url, content,
           created_at, published_at)
         -- One row per comment (ON CONFLICT DO UPDATE may touch a row once): its latest approval.
         SELECT DISTINCT ON (c.id) c.id, c.site_id, c.article_id, c.parent_id, COALESCE(e.author_name, c.author_name),
                CASE WHEN e.comment_id IS NULL THEN c.author_url END, c.content, c.created_at, c.published_at
           FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                       $9::text[], $10::timestamptz[], $11::timestamptz[])
                AS c(event_id, id, site_id, article_id, parent_id, author_name, author_url, content,
                     created_at, published_at)
           JOIN claimed ON claimed.message_id = c.event_id
           LEFT JOIN articles.erased_authors e ON e.comment_id = c.id
          ORDER BY c.id, c.published_at DESC
         ON CONFLICT (id) DO UPDATE SET
           parent_id = EXCLUDED.parent_id,
           created_at = EXCLUDED.created_at,
           author_name = CASE WHEN EXCLUDED.published_at > cur.removed_at THEN EXCLUDED.author_name END,
           author_url = CASE WHEN EXCLUDED.published_at > cur.removed_at THEN EXCLUDED.author_url END,
           content = CASE WHEN EXCLUDED.published_at > cur.removed_at THEN EXCLUDED.content END,
           published_at = CASE WHEN EXCLUDED.published_at > cur.removed_at
                               THEN EXCLUDED.published_at ELSE cur.published_at END,
           removed_at = CASE WHEN EXCLUDED.published_at > cur.removed_at THEN NULL ELSE cur.removed_at END
         WHERE cur.removed_at IS NOT NULL
       )
       SELECT message_id FROM claimed`,
      [
        consumer,
        items.map((i) => i.eventId),
        items.map((i) => i.comment.id),
        items.map((i) => i.comment.siteId),
        items.map((i) => i.comment.articleId),
        items.map((i) => i.comment.parentId),
        items.map((i) => i.comment.authorName),
        items.map((i) => i.comment.authorUrl),
        items.map((i) => i.comment.content),
        items.map((i) => i.comment.createdAt.toISOString()),
        items.map((i) => i.comment.publishedAt.toISOString()),
      ],
    );
    return new Set(rows.map((r) => r.message_id));
  }

  /**
   * Takes a comment down to a placeholder (no author, no text), unless it was approved again after
   * this removal was decided (the two are read in either order). Read before any approval, the
   * removal leaves a bare placeholder that the approval, when it comes, cannot bring back.
   */
  async unpublish(
    manager: EntityManager,
    removal: { id: string; siteId: string; articleId: string; removedAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO articles.comments AS cur (id, site_id, article_id, removed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET removed_at = EXCLUDED.removed_at, author_name = NULL, author_url = NULL,
                                      content = NULL
       WHERE cur.removed_at IS NULL
         AND (cur.published_at IS NULL OR cur.published_at <= EXCLUDED.removed_at)`,
      [removal.id, removal.siteId, removal.articleId, removal.removedAt.toISOString()],
    );
  }

  /**
   * The author's name replaced and their website dropped (their personal data was erased), now and for
   * an approval of the comment read later.
   */
  async anonymise(manager: EntityManager, id: string, authorName: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO articles.erased_authors (comment_id, author_name, erased_at) VALUES ($1, $2, $3)
       ON CONFLICT (comment_id) DO NOTHING`,
      [id, authorName, at.toISOString()],
    );
    await manager.update(
      PublishedCommentEntity,
      { id, removedAt: IsNull() },
      { authorName, authorUrl: null },
    );
  }

  /** Every published comment of an article, oldest first. */
  async listForArticle(siteId: string, articleId: string): Promise<FlatComment[]> {
    const rows = await this.comments.find({
      where: { siteId, articleId, removedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      // A published row always has them; the columns allow null for placeholders only.
      authorName: r.authorName ?? '',
      authorUrl: r.authorUrl,
      content: r.content ?? '',
      createdAt: r.createdAt ?? new Date(0),
      removed: false,
    }));
  }

  /**
   * An article's comments, published and taken down, oldest first: the taken-down ones as placeholders
   * without author or text (thread v2 shows them where replies hang). Bare placeholders, whose approval
   * has not been read, have no place yet and are left out.
   */
  async listWithRemoved(siteId: string, articleId: string): Promise<FlatComment[]> {
    const rows = await preparedQuery<CommentRow>(this.comments.manager, THREAD_SQL, [siteId, articleId]);
    return rows.map(flatComment);
  }

  /**
   * A page of an article's top-level comments (thread v3), `limit` of them and one more when another
   * page follows, after the `after` position in `order`, with the article's published count.
   */
  async listPageRoots(
    siteId: string,
    articleId: string,
    page: { order: ThreadOrderV3; after?: KeysetCursor; limit: number },
  ): Promise<ThreadPageRoots> {
    const sql = PAGE_ROOTS_SQL[page.order];
    // One row with only the count when the page is empty (the LEFT JOIN LATERAL finds nothing).
    const rows = await preparedQuery<
      { count: number } & ({ id: null } | (CommentRow & { cursor_time: string }))
    >(
      this.comments.manager,
      page.after ? sql.after : sql.first,
      page.after
        ? [siteId, articleId, page.after.t, page.after.id, page.limit + 1]
        : [siteId, articleId, page.limit + 1],
    );
    return {
      count: rows[0]?.count ?? 0,
      roots: rows.flatMap((r) => (r.id === null ? [] : [{ ...flatComment(r), cursor_time: r.cursor_time }])),
    };
  }

  /** Every comment of the article below the given ones (published or placeholders), oldest first. */
  async listReplies(siteId: string, articleId: string, rootIds: string[]): Promise<FlatComment[]> {
    if (rootIds.length === 0) return [];
    const rows = await preparedQuery<CommentRow>(this.comments.manager, REPLIES_SQL, [
      siteId,
      articleId,
      rootIds,
    ]);
    return rows.map(flatComment);
  }
}
