import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentApprovedV1, EventEnvelope } from '@replyguard/contracts';
import { claimMessage } from '@replyguard/messaging';
import type { DataSource } from 'typeorm';
import { ARTICLES_PROCESSED } from '../../database/database.options';
import { PublishedCommentsRepository } from '../published-comments.repository';

const CONSUMER = 'publish-comment';

/** Publishes an approved comment once: a redelivered approval event changes nothing. */
@Injectable()
export class PublishCommentHandler {
  private readonly logger = new Logger(PublishCommentHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: PublishedCommentsRepository,
  ) {}

  async execute(event: EventEnvelope<CommentApprovedV1>): Promise<boolean> {
    const c = event.data;
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, ARTICLES_PROCESSED, CONSUMER, event.id))) return false;
      // A comment approved again after a removal is published again.
      await this.comments.publish(manager, {
        id: c.commentId,
        siteId: c.siteId,
        articleId: c.articleId,
        parentId: c.parentId,
        authorName: c.authorName,
        authorUrl: c.authorUrl,
        content: c.content,
        createdAt: new Date(c.submittedAt),
        publishedAt: new Date(c.approvedAt),
      });
      return true;
    });
    this.logger.log(
      { commentId: c.commentId, correlationId: event.correlationid, applied },
      applied ? 'comment published' : 'redelivered approval ignored',
    );
    return applied;
  }
}
