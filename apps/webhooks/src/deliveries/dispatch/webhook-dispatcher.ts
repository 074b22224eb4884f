import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOUDEVENTS_CONTENT_TYPE } from '@replyguard/contracts';
import { MetricsRegistry } from '@replyguard/platform';
import { webhooksConfig, type WebhooksConfig } from '../../config/webhooks.config';
import { CLOCK, type Clock } from '../../shared/clock';
import { SecretBox } from '../../shared/secret-box';
import { type ClaimedDelivery, DeliveriesRepository } from '../deliveries.repository';
import { nextRetry } from './retry-schedule';
import { SIGNATURE_HEADER, signPayload } from './signature';
import { type SendResult, WebhookSender } from './webhook-sender';

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Sends due deliveries: claims them from the table (several processes can run side by side), keeps
 * at most WEBHOOK_CONCURRENCY requests in flight, records each attempt, and schedules the next one
 * with backoff, or dead-letters the delivery once its retry window is over.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private lastPrune = 0;
  private readonly attempts;
  private readonly requestSeconds;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    @Inject(WebhookSender) private readonly sender: Pick<WebhookSender, 'post'>,
    private readonly secrets: SecretBox,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    metrics: MetricsRegistry,
  ) {
    this.attempts = metrics.counter(
      'replyguard_webhook_attempts_total',
      'Webhook delivery attempts by outcome: delivered, retry (failed, tried again later) or dead',
      ['outcome'],
    );
    this.requestSeconds = metrics.histogram(
      'replyguard_webhook_request_seconds',
      'Time receivers took to answer (or the timeout), whatever the answer',
      [],
      [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    );
    metrics.gauge(
      'replyguard_webhook_pending',
      'Webhook deliveries waiting for their next attempt',
      [],
      async function collect() {
        this.set(await deliveries.countPending());
      },
    );
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, and lets the requests in flight finish (each is bounded by the timeout). */
  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** New deliveries, a replay or a free slot: look again without waiting for the poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let claimed = 0;
      try {
        await this.pruneNowAndThen();
        const free = this.config.concurrency - this.inFlight.size;
        if (free > 0) claimed = await this.claimAndSend(free);
        failures = 0;
      } catch (error) {
        failures += 1;
        const backoff = Math.min(30_000, 200 * 2 ** Math.min(failures, 8));
        this.logger.error(
          { err: error, attempt: failures, backoffMs: backoff },
          'webhook dispatcher poll failed',
        );
        await this.sleep(backoff);
        continue;
      }
      // A full batch may mean more is due; otherwise wait for the poll, a wake-up or a free slot.
      if (claimed === 0 || this.inFlight.size >= this.config.concurrency)
        await this.sleep(this.config.pollMs);
    }
  }

  private async claimAndSend(limit: number): Promise<number> {
    const now = this.clock.now();
    // Long enough for the request to finish and its result to be recorded.
    const leaseUntil = new Date(now.getTime() + this.config.timeoutMs + 30_000);
    const due = await this.deliveries.claimDue(now, limit, leaseUntil);
    for (const delivery of due) {
      const task: Promise<void> = this.attempt(delivery)
        .catch((error: unknown) => {
          // The lease runs out and the delivery is tried again: nothing is lost.
          this.logger.error({ err: error, deliveryId: delivery.id }, 'webhook attempt could not be recorded');
        })
        .finally(() => {
          this.inFlight.delete(task);
          this.wake();
        });
      this.inFlight.add(task);
    }
    return due.length;
  }

  private async attempt(d: ClaimedDelivery): Promise<void> {
    const result = await this.send(d);
    const at = this.clock.now();
    let status: 'delivered' | 'pending' | 'dead' = 'delivered';
    let nextAttemptAt: Date | null = null;
    if (!result.ok) {
      const decision = nextRetry(this.config.retry, d.cycleAttempts + 1, new Date(d.cycleStartedAt), at);
      if (decision.kind === 'retry') {
        status = 'pending';
        nextAttemptAt = decision.at;
      } else {
        status = 'dead';
      }
    }
    this.requestSeconds.observe(result.durationMs / 1000);
    this.attempts.inc({ outcome: status === 'pending' ? 'retry' : status });
    await this.deliveries.recordAttempt(d.id, {
      at,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      status,
      nextAttemptAt,
    });
    // Ids and outcome only: never the URL's query, the secret or the body.
    const line = {
      deliveryId: d.id,
      subscriptionId: d.subscriptionId,
      eventId: d.eventId,
      attempt: d.attempts + 1,
      statusCode: result.statusCode,
      error: result.error,
      status,
      nextAttemptAt,
    };
    if (status === 'dead') this.logger.warn(line, 'webhook delivery dead-lettered after its retry window');
    else if (status === 'pending') this.logger.log(line, 'webhook delivery failed; will retry');
    else this.logger.log(line, 'webhook delivered');
  }

  private async send(d: ClaimedDelivery): Promise<SendResult> {
    const secrets: string[] = [];
    try {
      secrets.push(this.secrets.open(d.secretSealed));
      if (d.previousSecretSealed) secrets.push(this.secrets.open(d.previousSecretSealed));
    } catch {
      // Unsigned is never sent; this fails like any attempt and ends dead after the retry window.
      return { ok: false, statusCode: null, error: 'the signing secret cannot be decrypted', durationMs: 0 };
    }
    const sentAt = this.clock.now();
    return this.sender.post(
      d.url,
      d.payload,
      {
        'content-type': CLOUDEVENTS_CONTENT_TYPE,
        'user-agent': 'Replyguard-Webhooks/1',
        // Structured mode: the envelope is the body. ce-id and ce-type are copies for routing and
        // deduplication; there is no ce-specversion, so SDKs do not mistake this for binary mode.
        'ce-id': d.eventId,
        'ce-type': d.eventType,
        'replyguard-delivery': d.id,
        'replyguard-attempt': String(d.attempts + 1),
        [SIGNATURE_HEADER.toLowerCase()]: signPayload(secrets, d.payload, sentAt.getTime() / 1000),
      },
      this.config.timeoutMs,
    );
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const pruned = await this.deliveries.prune(new Date(now - this.config.retentionDays * 86_400_000));
    if (pruned > 0) this.logger.log({ pruned }, 'old webhook deliveries deleted');
  }

  private sleep(ms: number): Promise<void> {
    // A wake-up that came while we were busy is not lost.
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.woken = false;
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
