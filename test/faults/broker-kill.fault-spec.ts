import { randomUUID } from 'node:crypto';
import {
  cleanupAll,
  createSite,
  freshDatabase,
  KILL_BROKER_PORT,
  type LocalKafka,
  prepareTopicsAndGroups,
  say,
  type ServiceProcess,
  startOwnBroker,
  startServices,
} from './support/infra';
import {
  expectNothingLostNothingDoubled,
  postSubmissions,
  printCounts,
  settleAndCount,
} from './support/load';

jest.setTimeout(180_000);

describe('fault 1: the Kafka broker is SIGKILLed and restarted under load', () => {
  let broker: LocalKafka;
  let databaseUrl: string;
  let services: Record<'ingest' | 'moderation' | 'articles', ServiceProcess>;

  beforeAll(async () => {
    // Its own broker: this one gets killed, the faults project's shared one must not.
    [broker, databaseUrl] = await Promise.all([startOwnBroker(KILL_BROKER_PORT), freshDatabase('broker')]);
    const groupPrefix = `faults-broker-${randomUUID().slice(0, 8)}`;
    await prepareTopicsAndGroups(broker.brokers, groupPrefix);
    services = await startServices({ label: 'broker', databaseUrl, brokers: broker.brokers, groupPrefix });
  });

  afterAll(cleanupAll);

  it('answers 503 while it cannot make a submission durable, and decides every 202 exactly once', async () => {
    const siteId = await createSite(databaseUrl, 'broker');
    let outage: Promise<{ downMs: number }> | undefined;
    const load = await postSubmissions({
      ingestUrl: services.ingest.url,
      siteId,
      count: 2000,
      ratePerSecond: 100,
      onProgress: (seq) => {
        if (seq !== 400 || outage) return;
        outage = (async () => {
          const killedAt = Date.now();
          process.kill(broker.pid, 'SIGKILL');
          await broker.exited;
          say('broker SIGKILLed; restarting it on its data');
          broker = await startOwnBroker(KILL_BROKER_PORT, { keepData: true });
          return { downMs: Date.now() - killedAt };
        })();
      },
    });
    const { downMs } = await outage!;
    const counts = await settleAndCount({
      databaseUrl,
      brokers: broker.brokers,
      articlesUrl: services.articles.url,
      siteId,
      load,
      timeoutMs: 120_000,
    });
    printCounts('broker-kill', counts, { brokerDownMs: downMs, loadMs: load.ms });
    if (load.other.size > 0)
      say(`other answers: ${[...new Set(load.other.values())].slice(0, 5).join(' | ')}`);
    expect(load.other.size).toBe(0);
    expect(counts.refused).toBeGreaterThan(0);
    expectNothingLostNothingDoubled(counts);
    for (const s of Object.values(services)) expect(s.running).toBe(true);
  });
});
