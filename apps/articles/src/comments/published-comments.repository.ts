import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { claimStatement, type ProcessedMessagesTable } from '@replyguard/messaging';
import { preparedQuery } from '@replyguard/platform';
import type { EntityManager, Repository } from 'typeorm';
import { PublishedCommentEntity } from './published-comment.entity';

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
   * Returns the ids of the events claimed now.
   */
  async publishClaimed(
    manager: EntityManager,
    processedTable: ProcessedMessagesTable,
    consumer: string,
    items: { eventId: string; comment: PublishedCommentEntity }[],
  ): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const rows = await preparedQuery<{ message_id: string }>(
      manager,
      `WITH claimed AS (${claimStatement(processedTable)}
       ), published AS (
         INSERT INTO articles.comments (id, site_id, article_id, parent_id, author_name, author_url, content,
           created_at, published_at)
         SELECT c.id, c.site_id, c.article_id, c.parent_id, COALESCE(e.author_name, c.author_name),
                CASE WHEN e.comment_id IS NULL THEN c.author_url END, c.content, c.created_at, c.published_at
           FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                       $9::text[], $10::timestamptz[], $11::timestamptz[])
                AS c(event_id, id, site_id, article_id, parent_id, author_name, author_url, content,
                     created_at, published_at)
           JOIN claimed ON claimed.message_id = c.event_id
           LEFT JOIN articles.erased_authors e ON e.comment_id = c.id
         ON CONFLICT (id) DO NOTHING
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

  async unpublish(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(PublishedCommentEntity, { id });
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
    await manager.update(PublishedCommentEntity, { id }, { authorName, authorUrl: null });
  }

  /** Every published comment of an article, oldest first. */
  listForArticle(siteId: string, articleId: string): Promise<PublishedCommentEntity[]> {
    return this.comments.find({ where: { siteId, articleId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
