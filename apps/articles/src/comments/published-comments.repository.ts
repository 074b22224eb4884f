import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { PublishedCommentEntity } from './published-comment.entity';

@Injectable()
export class PublishedCommentsRepository {
  constructor(
    @InjectRepository(PublishedCommentEntity) private readonly comments: Repository<PublishedCommentEntity>,
  ) {}

  /** Publishes comments in one statement; one already published stays as it is. */
  async publishMany(manager: EntityManager, comments: PublishedCommentEntity[]): Promise<void> {
    if (comments.length === 0) return;
    await manager.query(
      `INSERT INTO articles.comments (id, site_id, article_id, parent_id, author_name, author_url, content,
         created_at, published_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
         $8::timestamptz[], $9::timestamptz[])
       ON CONFLICT (id) DO NOTHING`,
      [
        comments.map((c) => c.id),
        comments.map((c) => c.siteId),
        comments.map((c) => c.articleId),
        comments.map((c) => c.parentId),
        comments.map((c) => c.authorName),
        comments.map((c) => c.authorUrl),
        comments.map((c) => c.content),
        comments.map((c) => c.createdAt.toISOString()),
        comments.map((c) => c.publishedAt.toISOString()),
      ],
    );
  }

  async unpublish(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(PublishedCommentEntity, { id });
  }

  /** Every published comment of an article, oldest first. */
  listForArticle(siteId: string, articleId: string): Promise<PublishedCommentEntity[]> {
    return this.comments.find({ where: { siteId, articleId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
