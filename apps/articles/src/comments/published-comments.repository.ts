import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { claimStatement, type ProcessedMessagesTable } from '@replyguard/messaging';
import { preparedQuery } from '@replyguard/platform';
import { type EntityManager, IsNull, Not, type Repository } from 'typeorm';
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
    await manager.update(PublishedCommentEntity, { id, removedAt: IsNull() }, { authorName, authorUrl: null });
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
    const rows = await this.comments.find({
      where: { siteId, articleId, createdAt: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      authorName: r.removedAt ? '' : (r.authorName ?? ''),
      authorUrl: r.removedAt ? null : r.authorUrl,
      content: r.removedAt ? '' : (r.content ?? ''),
      createdAt: r.createdAt!,
      removed: r.removedAt !== null,
    }));
  }
}
