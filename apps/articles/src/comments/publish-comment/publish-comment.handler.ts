import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentApprovedV1, EventEnvelope } from '@replyguard/contracts';
import type { DataSource } from 'typeorm';
import { ARTICLES_PROCESSED } from '../../database/database.options';
import { PublicationMetrics } from '../publication.metrics';
import { PublishedCommentsRepository } from '../published-comments.repository';

const CONSUMER = 'publish-comment';

/** Publishes an approved comment once: a redelivered approval event changes nothing. */
@Injectable()
export class PublishCommentHandler {
  private readonly logger = new Logger(PublishCommentHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: PublishedCommentsRepository,
    private readonly metrics: PublicationMetrics,
  ) {}

  async execute(event: EventEnvelope<CommentApprovedV1>): Promise<boolean> {
    return (await this.executeBatch([event])).has(event.id);
  }

  /**
   * Publishes a batch of approvals in one statement (claim and publish together, atomically);
   * returns the ids of the events applied.
   */
  async executeBatch(events: EventEnvelope<CommentApprovedV1>[]): Promise<Set<string>> {
    // An event delivered twice in the batch is published once, by its first delivery.
    const unique = [...new Map(events.map((e) => [e.id, e])).values()];
    // A comment approved again after a removal is published again (a new event id).
    const applied = await this.comments.publishClaimed(
      this.dataSource.manager,
      ARTICLES_PROCESSED,
      CONSUMER,
      unique.map(({ id, data: c }) => ({
        eventId: id,
        comment: {
          id: c.commentId,
          siteId: c.siteId,
          articleId: c.articleId,
          parentId: c.parentId,
          authorName: c.authorName,
          authorUrl: c.authorUrl,
          content: c.content,
          createdAt: new Date(c.submittedAt),
          publishedAt: new Date(c.approvedAt),
        },
      })),
    );
    const logged = new Set<string>();
    for (const event of events) {
      // The first delivery of an event in the batch applied it; a repeat of it did nothing.
      const done = applied.has(event.id) && !logged.has(event.id);
      logged.add(event.id);
      if (done) this.metrics.published(event.data);
      this.logger.log(
        { commentId: event.data.commentId, correlationId: event.correlationid, applied: done },
        done ? 'comment published' : 'redelivered approval ignored',
      );
    }
    return applied;
  }
}
