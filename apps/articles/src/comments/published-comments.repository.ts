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
    await manager
      .createQueryBuilder()
      .insert()
      .into(PublishedCommentEntity)
      .values(comments)
      .orIgnore()
      .execute();
  }

  async unpublish(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(PublishedCommentEntity, { id });
  }

  /** Every published comment of an article, oldest first. */
  listForArticle(siteId: string, articleId: string): Promise<PublishedCommentEntity[]> {
    return this.comments.find({ where: { siteId, articleId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
