import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentRemovedV1, EventEnvelope } from '@replyguard/contracts';
import { claimMessage } from '@replyguard/messaging';
import type { DataSource } from 'typeorm';
import { ARTICLES_PROCESSED } from '../../database/database.options';
import { PublishedCommentsRepository } from '../published-comments.repository';

const CONSUMER = 'unpublish-comment';

/**
 * Takes a comment out of its thread (a placeholder stays for thread v2); a redelivered removal changes
 * nothing, and a removal older than the comment's latest approval does not undo it.
 */
@Injectable()
export class UnpublishCommentHandler {
  private readonly logger = new Logger(UnpublishCommentHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: PublishedCommentsRepository,
  ) {}

  async execute(event: EventEnvelope<CommentRemovedV1>): Promise<void> {
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, ARTICLES_PROCESSED, CONSUMER, event.id))) return false;
      await this.comments.unpublish(manager, {
        id: event.data.commentId,
        siteId: event.data.siteId,
        articleId: event.data.articleId,
        removedAt: new Date(event.data.removedAt),
      });
      return true;
    });
    this.logger.log(
      { commentId: event.data.commentId, correlationId: event.correlationid, applied },
      applied ? 'comment unpublished' : 'redelivered removal ignored',
    );
  }
}
