import {
  cleanupAll,
  createSite,
  freshDatabase,
  say,
  type ServiceProcess,
  sharedBrokers,
  sleep,
  startFaultServices,
  ThrowawayPostgres,
} from './support/infra';
import { expectOnlyDurableAnswers, postThroughOutage, printCounts, settleAndCount } from './support/load';

jest.setTimeout(180_000);

describe('fault 2: PostgreSQL is restarted under load', () => {
  // Its own cluster: the machine's shared PostgreSQL on 5432 is never restarted.
  const postgres = new ThrowawayPostgres();
  let databaseUrl: string;
  let services: Record<'ingest' | 'moderation' | 'articles', ServiceProcess>;
  const brokers = sharedBrokers();

  beforeAll(async () => {
    postgres.init();
    postgres.start();
    databaseUrl = await freshDatabase('postgres', postgres.url);
    ({ services } = await startFaultServices('postgres', databaseUrl, brokers));
  });

  afterAll(cleanupAll);

  it('answers 503 while it cannot make a submission durable, and decides every 202 exactly once', async () => {
    const siteId = await createSite(databaseUrl, 'pg');
    const { load, downMs } = await postThroughOutage({
      ingestUrl: services.ingest.url,
      siteId,
      count: 2000,
      ratePerSecond: 100,
      atSeq: 400,
      outage: async () => {
        // Immediate: no checkpoint, every connection cut, like a crash; the start recovers from the WAL.
        postgres.stop('immediate');
        say('PostgreSQL stopped (immediate); starting it again in 5 s');
        await sleep(5000);
        postgres.start();
      },
    });
    const counts = await settleAndCount({
      databaseUrl,
      brokers,
      articlesUrl: services.articles.url,
      siteId,
      load,
      timeoutMs: 120_000,
    });
    printCounts('postgres-restart', counts, { postgresDownMs: downMs, loadMs: load.ms });
    expectOnlyDurableAnswers(load, counts);
    for (const s of Object.values(services)) expect(s.running).toBe(true);
  });
});
