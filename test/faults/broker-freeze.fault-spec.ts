import { randomUUID } from 'node:crypto';
import {
  cleanupAll,
  createSite,
  FREEZE_BROKER_PORT,
  freshDatabase,
  type LocalKafka,
  prepareTopicsAndGroups,
  say,
  ServiceProcess,
  sleep,
  startOwnBroker,
} from './support/infra';

jest.setTimeout(180_000);

/** Shorter than the default 5 s, so the client's retries (each as long again) would show at once. */
const ACK_TIMEOUT_MS = 2000;

describe('fault: the Kafka broker freezes (SIGSTOP) and thaws', () => {
  let broker: LocalKafka;
  let databaseUrl: string;
  let ingest: ServiceProcess;

  beforeAll(async () => {
    // Its own broker: this one is stopped, the faults project's shared one must not be.
    [broker, databaseUrl] = await Promise.all([startOwnBroker(FREEZE_BROKER_PORT), freshDatabase('freeze')]);
    const groupPrefix = `faults-freeze-${randomUUID().slice(0, 8)}`;
    await prepareTopicsAndGroups(broker.brokers, groupPrefix);
    ingest = await ServiceProcess.create('ingest', {
      label: 'freeze',
      databaseUrl,
      brokers: broker.brokers,
      groupPrefix,
      extra: { KAFKA_ACK_TIMEOUT_MS: String(ACK_TIMEOUT_MS) },
    });
    await ingest.start();
  });

  afterAll(async () => {
    try {
      process.kill(broker.pid, 'SIGCONT');
    } catch {
      /* gone */
    }
    await cleanupAll();
  });

  it('answers 503 SUBMISSION_NOT_DURABLE within KAFKA_ACK_TIMEOUT_MS, and 202 again once the broker thaws', async () => {
    const siteId = await createSite(databaseUrl, 'freeze');
    const post = async () => {
      const started = Date.now();
      const res = await fetch(`${ingest.url}/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          siteId,
          articleId: 'frozen',
          authorName: 'Ann',
          authorEmail: `ann-${randomUUID().slice(0, 8)}@example.org`,
          content: 'Posted while the broker is frozen.',
        }),
      });
      return {
        status: res.status,
        code: ((await res.json()) as { code?: string }).code,
        ms: Date.now() - started,
      };
    };
    // Connected, with the topic's metadata: what is left to wait for is the broker's answer.
    expect((await post()).status).toBe(202);

    process.kill(broker.pid, 'SIGSTOP');
    say(`broker ${broker.pid} frozen`);
    let frozen: Awaited<ReturnType<typeof post>>[];
    try {
      frozen = await Promise.all([post(), post(), post()]);
    } finally {
      process.kill(broker.pid, 'SIGCONT');
      say('broker thawed');
    }
    say(`answers while frozen: ${JSON.stringify(frozen)}`);
    for (const answer of frozen) {
      expect(answer).toMatchObject({ status: 503, code: 'SUBMISSION_NOT_DURABLE' });
      // The bound, not the bound times the client's tries.
      expect(answer.ms).toBeGreaterThanOrEqual(ACK_TIMEOUT_MS - 250);
      expect(answer.ms).toBeLessThan(ACK_TIMEOUT_MS + 1000);
    }

    const deadline = Date.now() + 60_000;
    let last = await post();
    while (last.status !== 202 && Date.now() < deadline) {
      await sleep(500);
      last = await post();
    }
    expect(last.status).toBe(202);
  });
});
