import { Topics } from '@replyguard/contracts';
import {
  cleanupAll,
  committedOffsets,
  createSite,
  type ExitInfo,
  freshDatabase,
  say,
  type ServiceProcess,
  sharedBrokers,
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

describe('graceful shutdown: SIGTERM under load', () => {
  let databaseUrl: string;
  let services: Record<'ingest' | 'moderation' | 'articles', ServiceProcess>;
  let groupPrefix: string;
  let submittedStart: number;
  const brokers = sharedBrokers();

  beforeAll(async () => {
    databaseUrl = await freshDatabase('graceful');
    ({ groupPrefix, submittedStart, services } = await startFaultServices('graceful', databaseUrl, brokers));
  });

  afterAll(cleanupAll);

  it('drains requests and batches, commits offsets, flushes the outbox and exits 0 within 10 s', async () => {
    const siteId = await createSite(databaseUrl, 'graceful');
    const exits: Record<string, ExitInfo> = {};
    let afterModerationExit: { stored: number; outbox: number; committed: number } | undefined;
    const faults: Promise<void>[] = [];
    const load = await postSubmissions({
      ingestUrl: services.ingest.url,
      siteId,
      count: 1500,
      ratePerSecond: 300,
      onProgress: (seq) => {
        if (seq === 500) {
          // Moderation mid-backlog: its batch in flight finishes, offsets are committed, outbox flushed.
          faults.push(
            (async () => {
              exits.moderation = await services.moderation.signal('SIGTERM');
              const [stored, outbox] = await withDb(databaseUrl, async (db) => [
                (await db.query('SELECT count(*)::int AS n FROM moderation.comments')).rows[0].n as number,
                (await db.query('SELECT count(*)::int AS n FROM moderation.outbox')).rows[0].n as number,
              ]);
              const committed =
                (await committedOffsets(brokers, `${groupPrefix}-moderation`, Topics.CommentSubmittedV1)) -
                submittedStart;
              afterModerationExit = { stored, outbox, committed };
              await services.moderation.start();
            })(),
          );
        }
        if (seq === 1000) {
          // Ingest with requests in flight: each one gets its answer before the process exits.
          faults.push(
            (async () => {
              exits.ingest = await services.ingest.signal('SIGTERM');
              await services.ingest.start();
            })(),
          );
        }
      },
    });
    await Promise.all(faults);
    const counts = await settleAndCount({
      databaseUrl,
      brokers,
      articlesUrl: services.articles.url,
      siteId,
      load,
      timeoutMs: 90_000,
    });
    exits.articles = await services.articles.signal('SIGTERM');
    const refusedConnections = [...load.other.values()].filter((d) => d === 'network: ECONNREFUSED').length;
    // A keep-alive connection closed by the server as the client sends on it: no answer at all.
    const resetConnections =
      [...load.other.values()].filter((d) => d.startsWith('network:')).length - refusedConnections;
    printCounts('graceful-shutdown', counts, {
      refusedConnections,
      resetConnections,
      ...Object.fromEntries(
        Object.entries(exits).map(([name, e]) => [`${name}Exit`, `${e.code ?? e.signal}@${e.ms}ms`]),
      ),
      moderationAtExit: JSON.stringify(afterModerationExit),
    });
    if (load.other.size > refusedConnections + resetConnections)
      say(`other answers: ${[...new Set(load.other.values())].slice(0, 5).join(' | ')}`);
    for (const exit of Object.values(exits)) {
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(10_000);
    }
    // Flushed and committed: nothing left in the outbox, offsets committed exactly up to the work done.
    expect(afterModerationExit?.outbox).toBe(0);
    expect(afterModerationExit?.committed).toBe(afterModerationExit?.stored);
    // Every HTTP answer was a 202 or a 503; the rest found the port closed or their connection reset.
    expect(load.other.size).toBe(refusedConnections + resetConnections);
    expectNothingLostNothingDoubled(counts);
  });
});
