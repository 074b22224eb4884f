import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentAuthorErasedV1, EventEnvelope } from '@replyguard/contracts';
import { claimMessage } from '@replyguard/messaging';
import type { DataSource } from 'typeorm';
import { ARTICLES_PROCESSED } from '../../database/database.options';
import { PublishedCommentsRepository } from '../published-comments.repository';

const CONSUMER = 'erase-author';

/**
 * The author of a comment had their personal data erased: the thread shows the comment signed with the
 * event's name and without a website. A comment not (or no longer) published changes nothing; a
 * redelivered event changes nothing.
 */
@Injectable()
export class EraseAuthorHandler {
  private readonly logger = new Logger(EraseAuthorHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: PublishedCommentsRepository,
  ) {}

  async execute(event: EventEnvelope<CommentAuthorErasedV1>): Promise<void> {
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, ARTICLES_PROCESSED, CONSUMER, event.id))) return false;
      await this.comments.anonymise(
        manager,
        event.data.commentId,
        event.data.authorName,
        new Date(event.data.erasedAt),
      );
      return true;
    });
    this.logger.log(
      { commentId: event.data.commentId, correlationId: event.correlationid, applied },
      applied ? 'comment author erased' : 'redelivered erasure ignored',
    );
  }
}
