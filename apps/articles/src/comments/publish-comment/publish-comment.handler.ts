import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentApprovedV1, EventEnvelope } from '@replyguard/contracts';
import { claimMessages } from '@replyguard/messaging';
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
    return (await this.executeBatch([event])).has(event.id);
  }

  /** Publishes a batch of approvals in one transaction; returns the ids of the events applied. */
  async executeBatch(events: EventEnvelope<CommentApprovedV1>[]): Promise<Set<string>> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const claimed = await claimMessages(
        manager,
        ARTICLES_PROCESSED,
        CONSUMER,
        events.map((e) => e.id),
      );
      const fresh = [...new Map(events.filter((e) => claimed.has(e.id)).map((e) => [e.id, e])).values()];
      // A comment approved again after a removal is published again.
      await this.comments.publishMany(
        manager,
        fresh.map(({ data: c }) => ({
          id: c.commentId,
          siteId: c.siteId,
          articleId: c.articleId,
          parentId: c.parentId,
          authorName: c.authorName,
          authorUrl: c.authorUrl,
          content: c.content,
          createdAt: new Date(c.submittedAt),
          publishedAt: new Date(c.approvedAt),
        })),
      );
      return claimed;
    });
    const logged = new Set<string>();
    for (const event of events) {
      // The first delivery of an event in the batch applied it; a repeat of it did nothing.
      const done = applied.has(event.id) && !logged.has(event.id);
      logged.add(event.id);
      this.logger.log(
        { commentId: event.data.commentId, correlationId: event.correlationid, applied: done },
        done ? 'comment published' : 'redelivered approval ignored',
      );
    }
    return applied;
  }
}
