import {
  cleanupAll,
  createSite,
  freshDatabase,
  say,
  type ServiceProcess,
  sharedBrokers,
  sleep,
  startFaultServices,
  withDb,
} from './support/infra';
import {
  expectNothingLostNothingDoubled,
  postSubmissions,
  printCounts,
  settleAndCount,
} from './support/load';

jest.setTimeout(180_000);

describe('fault 3: the moderation service is SIGKILLed mid-batch and restarted', () => {
  let databaseUrl: string;
  let services: Record<'ingest' | 'moderation' | 'articles', ServiceProcess>;
  const brokers = sharedBrokers();

  beforeAll(async () => {
    databaseUrl = await freshDatabase('modkill');
    ({ services } = await startFaultServices('modkill', databaseUrl, brokers));
  });

  afterAll(cleanupAll);

  it('loses nothing and decides nothing twice', async () => {
    const siteId = await createSite(databaseUrl, 'modkill');
    // Kill it once it has decided some of the backlog but not all: in the middle of its batches.
    let killedAt = -1;
    let stopWatching = false;
    const watcher = (async () => {
      while (!stopWatching) {
        const decided = await withDb(databaseUrl, (db) =>
          db.query<{ n: number }>('SELECT count(*)::int AS n FROM moderation.comments WHERE site_id = $1', [
            siteId,
          ]),
        ).then((r) => r.rows[0].n);
        if (decided >= 600) {
          const exit = await services.moderation.signal('SIGKILL');
          killedAt = decided;
          say(`moderation SIGKILLed after ${decided} decisions (${exit.signal}); restarting it`);
          await services.moderation.start();
          return;
        }
        await sleep(20);
      }
    })();
    const load = await postSubmissions({
      ingestUrl: services.ingest.url,
      siteId,
      count: 2000,
      ratePerSecond: 400,
    });
    stopWatching = true;
    await watcher;
    const counts = await settleAndCount({
      databaseUrl,
      brokers,
      articlesUrl: services.articles.url,
      siteId,
      load,
      timeoutMs: 120_000,
    });
    printCounts('moderation-kill', counts, { killedAfterDecisions: killedAt, loadMs: load.ms });
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(counts.accepted);
    expect(counts.refused + counts.other).toBe(0);
    expectNothingLostNothingDoubled(counts);
  });
});
