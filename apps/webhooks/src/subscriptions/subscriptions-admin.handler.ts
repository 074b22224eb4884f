import { Injectable } from '@nestjs/common';
import type { CreateWebhookRequestV1, WebhookEventTopic, WebhookResponseV1 } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import { v7 as uuidv7 } from 'uuid';
import { SecretBox } from '../shared/secret-box';
import { type SubscriptionRow, SubscriptionsRepository } from './subscriptions.repository';

function toResponse(row: SubscriptionRow): WebhookResponseV1 {
  return {
    id: row.id,
    siteId: row.siteId,
    url: row.url,
    events: row.events as WebhookEventTopic[],
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Create, list and delete subscriptions. The signing secret goes in sealed and never comes out. */
@Injectable()
export class SubscriptionsAdminHandler {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly secrets: SecretBox,
  ) {}

  async create(request: CreateWebhookRequestV1): Promise<WebhookResponseV1> {
    const row = await this.subscriptions.create({
      id: uuidv7(),
      siteId: request.siteId,
      url: request.url,
      events: request.events,
      secretSealed: this.secrets.seal(request.secret),
    });
    return toResponse(row);
  }

  async list(siteId: string): Promise<WebhookResponseV1[]> {
    return (await this.subscriptions.listForSite(siteId)).map(toResponse);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.subscriptions.delete(id))) throw new DomainError('WEBHOOK_NOT_FOUND', 'no such webhook');
  }
}
