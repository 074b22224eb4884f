import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateWebhookRequestV1,
  RotateWebhookSecretRequestV1,
  WebhookEventTopic,
  WebhookResponseV1,
} from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import { v7 as uuidv7 } from 'uuid';
import { webhooksConfig, type WebhooksConfig } from '../config/webhooks.config';
import { CLOCK, type Clock } from '../shared/clock';
import { refusedTarget } from '../shared/delivery-targets';
import { SecretBox } from '../shared/secret-box';
import { SitesRepository } from '../sites/sites.repository';
import { type SubscriptionRow, SubscriptionsRepository } from './subscriptions.repository';

function toResponse(row: SubscriptionRow): WebhookResponseV1 {
  return {
    id: row.id,
    siteId: row.siteId,
    url: row.url,
    events: row.events as WebhookEventTopic[],
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.secretRotatedAt ? { secretRotatedAt: new Date(row.secretRotatedAt).toISOString() } : {}),
    ...(row.previousSecretExpiresAt
      ? { previousSecretExpiresAt: new Date(row.previousSecretExpiresAt).toISOString() }
      : {}),
  };
}

/** How long a previous secret still signs deliveries when the request does not say. */
const DEFAULT_PREVIOUS_SECRET_SECONDS = 86_400;

/** How long registering a webhook waits for its host's name to resolve. */
const NAME_LOOKUP_MS = 2000;

/** Between two looks for a site that is not known yet. */
const SITE_RECHECK_MS = 200;

/** Create, list and delete subscriptions. The signing secret goes in sealed and never comes out. */
@Injectable()
export class SubscriptionsAdminHandler {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly sites: SitesRepository,
    private readonly secrets: SecretBox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(webhooksConfig.KEY)
    private readonly config: Pick<WebhooksConfig, 'siteWaitMs' | 'privateTargets'>,
  ) {}

  /**
   * Only for a site this service knows (inactive ones included: their comments can still be removed
   * or their authors erased, and a site can be reopened).
   */
  async create(request: CreateWebhookRequestV1): Promise<WebhookResponseV1> {
    await this.requirePublicTarget(request.url);
    await this.requireKnownSite(request.siteId);
    const row = await this.subscriptions.create({
      id: uuidv7(),
      siteId: request.siteId,
      url: request.url,
      events: request.events,
      secretSealed: this.secrets.seal(request.secret),
    });
    return toResponse(row);
  }

  /**
   * A site created moments ago may still be on its way here through `sites.configured`: look again
   * for a short while before saying it is unknown, and say that it may only be unknown *yet*.
   */
  private async requireKnownSite(siteId: string): Promise<void> {
    const deadline = Date.now() + this.config.siteWaitMs;
    for (;;) {
      if (await this.sites.find(siteId)) return;
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(SITE_RECHECK_MS, left)));
    }
    throw new DomainError(
      'SITE_NOT_FOUND',
      `site "${siteId}" is not known to the webhooks service: it does not exist, or it was created ` +
        'moments ago and has not reached this service yet (try again in a few seconds)',
      { field: 'siteId' },
    );
  }

  /**
   * With `WEBHOOK_PRIVATE_TARGETS=refuse`, a URL whose host is, or now resolves to, an address that
   * is not public is refused at once rather than failing every delivery for a day. A name that does
   * not resolve (yet) is accepted: each delivery checks the address it connects to anyway.
   */
  private async requirePublicTarget(url: string): Promise<void> {
    if (this.config.privateTargets !== 'refuse') return;
    const refused = await Promise.race([
      refusedTarget(new URL(url).hostname),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), NAME_LOOKUP_MS).unref()),
    ]);
    if (refused) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `url must reach a public address: ${refused}; this service refuses loopback, private and ` +
          'link-local receivers (WEBHOOK_PRIVATE_TARGETS=refuse)',
        { field: 'url', rule: 'publicAddress' },
      );
    }
  }

  async list(siteId: string): Promise<WebhookResponseV1[]> {
    return (await this.subscriptions.listForSite(siteId)).map(toResponse);
  }

  /**
   * A new signing secret. Deliveries are then signed with both (two `v1=` signatures) until the old
   * one expires, so the receiver can take the new key at its own pace, then drop the old.
   */
  async rotateSecret(id: string, request: RotateWebhookSecretRequestV1): Promise<WebhookResponseV1> {
    // The same request again (a client retrying after a timeout) changes nothing: rotating to the
    // secret in use would make it the "previous" one too and drop the one receivers still verify.
    // The secret in use with a shorter `previousSecretValidForSeconds` (0 once the old one leaked)
    // brings the old one's end forward, never later.
    const current = await this.subscriptions.sealedSecret(id);
    if (current === undefined) throw new DomainError('WEBHOOK_NOT_FOUND', 'no such webhook');
    const seconds = request.previousSecretValidForSeconds ?? DEFAULT_PREVIOUS_SECRET_SECONDS;
    const now = this.clock.now();
    if (this.sameSecret(current, request.secret)) {
      const row =
        request.previousSecretValidForSeconds === undefined
          ? await this.subscriptions.find(id)
          : await this.subscriptions.shortenPreviousSecret(
              id,
              seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
            );
      if (row) return toResponse(row);
    }
    const row = await this.subscriptions.rotateSecret(
      id,
      this.secrets.seal(request.secret),
      seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
      now,
    );
    if (!row) throw new DomainError('WEBHOOK_NOT_FOUND', 'no such webhook');
    return toResponse(row);
  }

  /** Whether a sealed secret is this one, compared in constant time; an unreadable one is not. */
  private sameSecret(sealed: string, secret: string): boolean {
    let current: string;
    try {
      current = this.secrets.open(sealed);
    } catch {
      return false;
    }
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return timingSafeEqual(digest(current), digest(secret));
  }

  async delete(id: string): Promise<void> {
    if (!(await this.subscriptions.delete(id))) throw new DomainError('WEBHOOK_NOT_FOUND', 'no such webhook');
  }
}
