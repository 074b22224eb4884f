import { Logger } from '@nestjs/common';
import { MetricsRegistry } from '@replyguard/platform';
import type { WebhooksConfig } from '../../config/webhooks.config';
import type { Clock } from '../../shared/clock';
import { SecretBox } from '../../shared/secret-box';
import type { AttemptOutcome, ClaimedDelivery, DeliveriesRepository } from '../deliveries.repository';
import { verifySignature } from './signature';
import { WebhookDispatcher } from './webhook-dispatcher';
import type { SendResult } from './webhook-sender';

const S = 1000;
const H = 3600 * S;
const SECRET = 'whsec-unit-0123456789';
const box = new SecretBox('unit-test-key-0123456789');

/** One delivery in memory, claimed and recorded the way the SQL repository does it. */
class FakeDeliveries {
  row = {
    status: 'pending' as AttemptOutcome['status'],
    nextAttemptAt: null as Date | null,
    attempts: 0,
    cycleAttempts: 0,
    cycleStartedAt: new Date(0),
  };
  outcomes: AttemptOutcome[] = [];

  constructor(start: Date) {
    this.row.nextAttemptAt = start;
    this.row.cycleStartedAt = start;
  }

  async claimDue(now: Date, _limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    const r = this.row;
    if (r.status !== 'pending' || !r.nextAttemptAt || r.nextAttemptAt > now) return [];
    r.nextAttemptAt = leaseUntil;
    return [
      {
        id: 'delivery-1',
        subscriptionId: 'subscription-1',
        eventId: 'event-1',
        eventType: 'org.replyguard.comment.approved.v1',
        payload: '{"id":"event-1"}',
        attempts: r.attempts,
        cycleAttempts: r.cycleAttempts,
        cycleStartedAt: r.cycleStartedAt,
        url: 'https://hooks.example/x',
        secretSealed: box.seal(SECRET),
        previousSecretSealed: null,
      },
    ];
  }

  async recordAttempt(_id: string, o: AttemptOutcome): Promise<void> {
    Object.assign(this.row, {
      status: o.status,
      nextAttemptAt: o.nextAttemptAt,
      attempts: this.row.attempts + 1,
      cycleAttempts: this.row.cycleAttempts + 1,
    });
    this.outcomes.push(o);
  }

  async prune(): Promise<number> {
    return 0;
  }

  async countPending(): Promise<number> {
    return this.row.status === 'pending' ? 1 : 0;
  }
}

function config(): WebhooksConfig {
  return {
    port: 0,
    adminToken: undefined,
    secretsKey: 'unit-test-key-0123456789',
    retry: { scheduleMs: [10 * S, 30 * S, 60 * S, 300 * S, 900 * S, H], retryForMs: 24 * H, jitter: 0.1 },
    timeoutMs: 10 * S,
    concurrency: 4,
    pollMs: 2,
    privateTargets: 'refuse',
    retentionDays: 30,
    siteWaitMs: 0,
    authFailuresPerMinute: 10,
  };
}

async function until(probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

describe(WebhookDispatcher.name, () => {
  const start = new Date('2026-01-01T00:00:00Z');
  let now: Date;
  const clock: Clock = { now: () => now };
  let dispatcher: WebhookDispatcher | undefined;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    now = start;
  });

  afterEach(async () => {
    await dispatcher?.onApplicationShutdown();
    dispatcher = undefined;
  });

  function boot(deliveries: FakeDeliveries, answer: (n: number) => SendResult) {
    const sent: { headers: Record<string, string>; body: string }[] = [];
    const sender = {
      post: async (_url: string, body: string, headers: Record<string, string>) => {
        sent.push({ headers, body });
        return answer(sent.length - 1);
      },
    };
    dispatcher = new WebhookDispatcher(
      deliveries as unknown as DeliveriesRepository,
      sender,
      box,
      config(),
      clock,
      new MetricsRegistry('webhooks-test'),
    );
    dispatcher.onApplicationBootstrap();
    return sent;
  }

  const fail: SendResult = { ok: false, statusCode: 503, error: 'HTTP 503', durationMs: 3 };
  const ok: SendResult = { ok: true, statusCode: 200, error: null, durationMs: 3 };

  it('follows the default schedule on the injected clock and dead-letters after 24 hours', async () => {
    const deliveries = new FakeDeliveries(start);
    const sent = boot(deliveries, () => fail);
    for (;;) {
      const seen = deliveries.outcomes.length;
      await until(() => deliveries.outcomes.length > seen);
      const last = deliveries.outcomes[deliveries.outcomes.length - 1];
      if (last.status === 'dead') break;
      now = last.nextAttemptAt!; // jump to the next attempt instead of waiting for it
    }
    const times = deliveries.outcomes.map((o) => o.at.getTime() - start.getTime());
    const waits = times.slice(1).map((t, i) => t - times[i]);
    const expected = [10 * S, 30 * S, 60 * S, 300 * S, 900 * S, H, H];
    for (const [i, base] of expected.entries()) {
      expect(waits[i]).toBeGreaterThanOrEqual(0.9 * base);
      expect(waits[i]).toBeLessThanOrEqual(1.1 * base);
    }
    expect(times[times.length - 1]).toBeGreaterThanOrEqual(24 * H);
    expect(times[times.length - 2]).toBeLessThan(24 * H);
    expect(deliveries.row).toMatchObject({ status: 'dead', nextAttemptAt: null });
    expect(sent).toHaveLength(deliveries.outcomes.length);
    expect(sent.map((s) => s.headers['replyguard-attempt'])).toEqual(sent.map((_, i) => String(i + 1)));
  });

  it('signs every attempt with its own timestamp and stops at the first 2xx', async () => {
    const deliveries = new FakeDeliveries(start);
    const sent = boot(deliveries, (n) => (n < 2 ? fail : ok));
    for (let i = 0; i < 3; i++) {
      await until(() => deliveries.outcomes.length > i);
      now = deliveries.outcomes[i].nextAttemptAt ?? now;
    }
    expect(deliveries.row.status).toBe('delivered');
    for (const s of sent) {
      const t = Number(/^t=(\d+),/.exec(s.headers['replyguard-signature'])![1]);
      expect(verifySignature(SECRET, s.body, s.headers['replyguard-signature'], { nowSeconds: t })).toBe(
        true,
      );
      expect(s.headers['ce-id']).toBe('event-1');
      expect(s.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    }
    expect(new Set(sent.map((s) => s.headers['replyguard-signature'])).size).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(3);
  });
});
