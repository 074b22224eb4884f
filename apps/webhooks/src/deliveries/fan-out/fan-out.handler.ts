import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommentAuthorErasedV1,
  type EventEnvelope,
  Topics,
  type WebhookEventTopic,
  withoutAuthorEvidence,
} from '@replyguard/contracts';
import { claimMessage } from '@replyguard/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { WEBHOOKS_PROCESSED } from '../../database/database.options';
import { CLOCK, type Clock } from '../../shared/clock';
import { SubscriptionsRepository } from '../../subscriptions/subscriptions.repository';
import { DECISION_EVENT_TYPES, DeliveriesRepository } from '../deliveries.repository';
import { WebhookDispatcher } from '../dispatch/webhook-dispatcher';

const CONSUMER = 'fan-out';

/** The part of a decision event's `decision` an erasure touches. */
interface StoredDecisionLike {
  reasons: { evidence?: Record<string, unknown> }[];
}

/**
 * Turns one decision event into one pending delivery per matching subscription of its site, in the
 * transaction that claims the message: a redelivered event adds nothing, a crash adds nothing twice.
 */
@Injectable()
export class FanOutHandler {
  private readonly logger = new Logger(FanOutHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(topic: WebhookEventTopic, event: EventEnvelope<{ siteId: string }>): Promise<number> {
    return this.fanOut(topic, event);
  }

  /**
   * An author's personal data was erased: the stored deliveries of their comment lose it (in the same
   * transaction), then the event fans out like the others.
   */
  eraseAuthor(event: EventEnvelope<CommentAuthorErasedV1>): Promise<number> {
    return this.fanOut(Topics.CommentAuthorErasedV1, event, (manager) =>
      this.deliveries.anonymiseAuthor(manager, {
        commentId: event.data.commentId,
        authorName: event.data.authorName,
        erasedAt: new Date(event.data.erasedAt),
        commentRemoved: event.data.commentRemoved,
      }),
    );
  }

  /**
   * A decision event of a comment whose author was erased before it was read here goes out as the
   * stored copies were rewritten: the erased name, no website, no evidence from them; not at all
   * (undefined) if the comment was erased too.
   */
  private async withoutErasedAuthor<T extends { siteId: string }>(
    manager: EntityManager,
    event: EventEnvelope<T>,
  ): Promise<EventEnvelope<T> | undefined> {
    // Only the decision events carry the author and the text; the erasure event itself goes out as sent.
    if (!DECISION_EVENT_TYPES.includes(event.type)) return event;
    const data = event.data as T & {
      commentId?: unknown;
      authorName?: unknown;
      decision?: StoredDecisionLike;
    };
    if (typeof data.commentId !== 'string' || typeof data.authorName !== 'string') return event;
    const erasure = await this.deliveries.erasureOf(manager, data.commentId);
    if (erasure === undefined) return event;
    if (erasure.commentRemoved) return undefined;
    const decision = data.decision && withoutAuthorEvidence(data.decision);
    return {
      ...event,
      data: { ...data, authorName: erasure.authorName, authorUrl: null, ...(decision ? { decision } : {}) },
    };
  }

  private async fanOut(
    topic: WebhookEventTopic,
    event: EventEnvelope<{ siteId: string }>,
    before?: (manager: EntityManager) => Promise<unknown>,
  ): Promise<number> {
    const created = await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, WEBHOOKS_PROCESSED, CONSUMER, event.id))) return 0;
      await before?.(manager);
      const ids = await this.subscriptions.idsForEvent(manager, event.data.siteId, topic);
      // The validated envelope, as sent to every subscriber: the public decision event, no email, no IP.
      const sent = await this.withoutErasedAuthor(manager, event);
      if (!sent) return 0;
      const payload = JSON.stringify(sent);
      return this.deliveries.insertForEvent(
        manager,
        ids,
        { id: event.id, type: event.type, payload },
        this.clock.now(),
      );
    });
    if (created > 0) {
      this.dispatcher.wake();
      this.logger.log(
        { eventId: event.id, correlationId: event.correlationid, deliveries: created },
        'webhook deliveries queued',
      );
    }
    return created;
  }
}
