import {
  cleanupAll,
  createSite,
  freshDatabase,
  KILL_BROKER_PORT,
  type LocalKafka,
  say,
  type ServiceProcess,
  startOwnBroker,
  startFaultServices,
} from './support/infra';
import { expectOnlyDurableAnswers, postThroughOutage, printCounts, settleAndCount } from './support/load';

jest.setTimeout(180_000);

describe('fault 1: the Kafka broker is SIGKILLed and restarted under load', () => {
  let broker: LocalKafka;
  let databaseUrl: string;
  let services: Record<'ingest' | 'moderation' | 'articles', ServiceProcess>;

  beforeAll(async () => {
    // Its own broker: this one gets killed, the faults project's shared one must not.
    [broker, databaseUrl] = await Promise.all([startOwnBroker(KILL_BROKER_PORT), freshDatabase('broker')]);
    ({ services } = await startFaultServices('broker', databaseUrl, broker.brokers));
  });

  afterAll(cleanupAll);

  it('answers 503 while it cannot make a submission durable, and decides every 202 exactly once', async () => {
    const siteId = await createSite(databaseUrl, 'broker');
    const { load, downMs } = await postThroughOutage({
      ingestUrl: services.ingest.url,
      siteId,
      count: 2000,
      ratePerSecond: 100,
      atSeq: 400,
      outage: async () => {
        process.kill(broker.pid, 'SIGKILL');
        await broker.exited;
        say('broker SIGKILLed; restarting it on its data');
        broker = await startOwnBroker(KILL_BROKER_PORT, { keepData: true });
      },
    });
    const counts = await settleAndCount({
      databaseUrl,
      brokers: broker.brokers,
      articlesUrl: services.articles.url,
      siteId,
      load,
      timeoutMs: 120_000,
    });
    printCounts('broker-kill', counts, { brokerDownMs: downMs, loadMs: load.ms });
    expect(counts.refused).toBeGreaterThan(0);
    expectOnlyDurableAnswers(load, counts);
    for (const s of Object.values(services)) expect(s.running).toBe(true);
  });
});
