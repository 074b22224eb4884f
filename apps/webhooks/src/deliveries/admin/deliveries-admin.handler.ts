import { Inject, Injectable } from '@nestjs/common';
import type { WebhookDeliveryV1 } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import { CLOCK, type Clock } from '../../shared/clock';
import { SubscriptionsRepository } from '../../subscriptions/subscriptions.repository';
import { DeliveriesRepository, type DeliveryRow } from '../deliveries.repository';
import { WebhookDispatcher } from '../dispatch/webhook-dispatcher';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toResponse(row: DeliveryRow): WebhookDeliveryV1 {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    createdAt: iso(row.createdAt)!,
    deliveredAt: iso(row.deliveredAt),
    recentAttempts: row.recentAttempts.map((a) => ({ ...a, at: iso(a.at)! })),
  };
}

/** What was sent to a webhook and how it went; sending one again. */
@Injectable()
export class DeliveriesAdminHandler {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(subscriptionId: string, limit: number): Promise<WebhookDeliveryV1[]> {
    if (!(await this.subscriptions.exists(subscriptionId))) {
      throw new DomainError('WEBHOOK_NOT_FOUND', 'no such webhook');
    }
    return (await this.deliveries.listForSubscription(subscriptionId, limit)).map(toResponse);
  }

  async replay(subscriptionId: string, deliveryId: string): Promise<void> {
    if (!(await this.deliveries.replay(subscriptionId, deliveryId, this.clock.now()))) {
      // Say which of the two is unknown, as listing the deliveries does.
      if (!(await this.subscriptions.exists(subscriptionId))) {
        throw new DomainError('WEBHOOK_NOT_FOUND', 'no such webhook');
      }
      throw new DomainError('DELIVERY_NOT_FOUND', 'no such delivery for this webhook');
    }
    this.dispatcher.wake();
  }
}
