import { Topics } from '@replyguard/contracts';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  analyzeBenchDatabase,
  benchInfra,
  buildAll,
  cpuSeconds,
  log,
  postgresCpuSeconds,
  startService,
} from '../support/infra';
import { groupLag, kafkaAdmin, truncateTopic } from '../support/kafka-lag';
import { benignSubmission, percentile, round1 } from '../support/load';
import type { BenchResult, BenchSection } from '../types';

const SECTION = 'e2e';
const DURATION_S = Number(process.env.BENCH_E2E_SECONDS ?? 30);
/**
 * Seconds of load at the measured rate before the measurement, not counted: the broker's JIT and
 * the services' reach their steady state (a cold broker alone costs 0.4 instead of 0.26 ms of CPU
 * per comment, and its first seconds put p99 above a second; after 5 s it still cost 0.78 instead of
 * 0.45-0.65 ms per comment at 500/s).
 */
const WARMUP_S = Number(process.env.BENCH_E2E_WARMUP_SECONDS ?? 10);
const RATES = (process.env.BENCH_E2E_RATES ?? '500,1000').split(',').map(Number);
const DRAIN_TIMEOUT_MS = 30_000;
const ARTICLES = 500;
const PROCESSES = ['ingest', 'moderation', 'articles', 'kafka'];
const GROUPS = [
  { groupId: 'replyguard-moderation', topic: Topics.CommentSubmittedV1 },
  { groupId: 'replyguard-articles', topic: Topics.CommentApprovedV1 },
];

/**
 * Publication is observed in the articles database itself: a statement-level trigger (bench
 * database only) sends one NOTIFY per insert statement, listing the ids it published in chunks,
 * so the clock stops when a reader could see the comment. One notification per batch, not per
 * row: NOTIFY serialises commits on a global lock, and a row-level trigger made the observer
 * itself a cost at 1,000 rows a second. Each notification also carries the time the insert
 * statement ran (`clock_timestamp()`, epoch ms), for the stage breakdown.
 */
async function watchPublications(databaseUrl: string): Promise<{
  seen: Map<string, number>;
  insertedAt: Map<string, number>;
  db: Client;
  close(): Promise<void>;
}> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`
    CREATE OR REPLACE FUNCTION public.bench_notify_published() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE ids text;
    BEGIN
      FOR ids IN
        SELECT string_agg(id::text, ',') FROM (SELECT id, (row_number() OVER () - 1) / 150 AS chunk FROM published) c
         GROUP BY chunk
      LOOP
        PERFORM pg_notify('bench_published', (extract(epoch FROM clock_timestamp()) * 1000)::text || '|' || ids);
      END LOOP;
      RETURN NULL;
    END $$`);
  await db.query(`DROP TRIGGER IF EXISTS bench_published ON articles.comments`);
  await db.query(`CREATE TRIGGER bench_published AFTER INSERT ON articles.comments
                  REFERENCING NEW TABLE AS published
                  FOR EACH STATEMENT EXECUTE FUNCTION public.bench_notify_published()`);
  const seen = new Map<string, number>();
  const insertedAt = new Map<string, number>();
  db.on('notification', (n) => {
    if (!n.payload) return;
    const now = performance.now();
    const [at, ids] = n.payload.split('|');
    for (const id of ids.split(',')) {
      seen.set(id, now);
      insertedAt.set(id, Number(at));
    }
  });
  await db.query('LISTEN bench_published');
  return { seen, insertedAt, db, close: () => db.end() };
}

/** Polls every 50 ms until `done`; the time it was first true, or NaN after `timeoutMs`. */
async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await done()) return performance.now();
    await new Promise((r) => setTimeout(r, 50));
  }
  return NaN;
}

/**
 * Where the time went, per published comment, from clocks on this one machine: the POST leaving
 * the load generator, ingest's `submittedAt`, moderation's `decidedAt` (set as the comment is
 * decided, before its batch is stored), the articles insert statement, and the notification.
 */
async function stages(
  db: Client,
  sentAt: Map<string, number>,
  watch: { seen: Map<string, number>; insertedAt: Map<string, number> },
): Promise<{ name: string; ms: number[] }[]> {
  const ids = [...sentAt.keys()].filter((id) => watch.seen.has(id));
  const { rows } = await db.query<{ id: string; submitted: string; decided: string }>(
    `SELECT id::text, extract(epoch FROM submitted_at) * 1000 AS submitted,
            extract(epoch FROM decided_at) * 1000 AS decided
       FROM moderation.comments WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const wall = (t: number): number => performance.timeOrigin + t;
  const out = [
    { name: 'POST sent → accepted by ingest', ms: [] as number[] },
    { name: 'accepted → decided by moderation', ms: [] as number[] },
    { name: 'decided → stored by articles', ms: [] as number[] },
    { name: 'stored by articles → seen committed', ms: [] as number[] },
  ];
  for (const r of rows) {
    const inserted = watch.insertedAt.get(r.id)!;
    out[0].ms.push(Number(r.submitted) - wall(sentAt.get(r.id)!));
    out[1].ms.push(Number(r.decided) - Number(r.submitted));
    out[2].ms.push(inserted - Number(r.decided));
    out[3].ms.push(wall(watch.seen.get(r.id)!) - inserted);
  }
  for (const stage of out) stage.ms.sort((a, b) => a - b);
  return out;
}

interface Offered {
  sentAt: Map<string, number>;
  refused: number;
  failed: number;
  lastAnswerAt: number;
}

/** Open-loop load: `rate` POSTs a second for `seconds`, whatever the latency (no coordinated omission). */
async function offer(url: string, rate: number, seconds: number, articleId: string): Promise<Offered> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL('/v1/comments', url);
  const result: Offered = { sentAt: new Map(), refused: 0, failed: 0, lastAnswerAt: 0 };
  const pending = new Set<Promise<void>>();
  const total = rate * seconds;
  const start = performance.now();
  let sent = 0;
  const post = (): Promise<void> =>
    new Promise((done) => {
      // Many articles, as on a real site: keys spread over the partitions.
      const { body, ip } = benignSubmission('default', `${articleId}-${sent % ARTICLES}`);
      const t0 = performance.now();
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-forwarded-for': ip,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            result.lastAnswerAt = performance.now();
            if (res.statusCode === 202) result.sentAt.set((JSON.parse(text) as { id: string }).id, t0);
            else result.refused += 1;
            done();
          });
        },
      );
      req.on('error', () => {
        result.failed += 1;
        done();
      });
      req.end(body);
    });
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    while (sent < due) {
      sent += 1;
      const p = post();
      pending.add(p);
      void p.then(() => pending.delete(p));
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
  agent.destroy();
  return result;
}

interface BatchStats {
  batches: number;
  messages: number;
  seconds: number;
}

/** Batches, messages and handler seconds so far, from a consumer's /metrics (all topics summed). */
async function batchStats(baseUrl: string): Promise<BatchStats> {
  const text = await fetch(`${baseUrl}/metrics`).then((r) => r.text());
  const sum = (metric: string): number =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${metric}{`) || line.startsWith(`${metric} `))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return {
    batches: sum('replyguard_kafka_consumer_batch_duration_seconds_count'),
    messages: sum('replyguard_kafka_consumer_batch_size_sum'),
    seconds: sum('replyguard_kafka_consumer_batch_duration_seconds_sum'),
  };
}

export const e2eBench: BenchSection = {
  name: SECTION,
  description: `POST → published by articles at ${RATES.join(' and ')}/s for ${DURATION_S} s; lag when the load stops`,
  async run(): Promise<BenchResult[]> {
    buildAll();
    const { brokers, databaseUrl } = await benchInfra();
    const admin = await kafkaAdmin(brokers);
    const ingest = await startService('ingest', { TRUSTED_PROXIES: '127.0.0.1' });
    // Submissions left by the ingest section would be a backlog here; this section starts clean.
    await truncateTopic(admin, Topics.CommentSubmittedV1);
    const consumers = {
      moderation: await startService('moderation'),
      articles: await startService('articles'),
    };
    const watch = await watchPublications(databaseUrl);
    const rows: BenchResult[] = [];
    try {
      log('e2e: warm-up, 200 submissions at 100/s');
      await offer(ingest, 100, 2, 'bench-e2e-warmup');
      await new Promise((r) => setTimeout(r, 2000));
      const autovacuum = await analyzeBenchDatabase();
      log(`e2e: ANALYZE after the warm-up (this server's autovacuum: ${autovacuum})`);
      for (const rate of RATES) {
        if (WARMUP_S > 0) {
          log(`e2e: ${rate}/s for ${WARMUP_S} s, not measured (warm-up at the rate)`);
          await offer(ingest, rate, WARMUP_S, `bench-e2e-${rate}-warmup`);
          const warmedUp = await waitUntil(
            async () =>
              (await Promise.all(GROUPS.map((g) => groupLag(admin, g.groupId, g.topic)))).every(
                (l) => l === 0,
              ),
            DRAIN_TIMEOUT_MS,
          );
          if (Number.isNaN(warmedUp))
            log(`e2e: the warm-up backlog did not drain within ${DRAIN_TIMEOUT_MS / 1000} s`);
          await new Promise((r) => setTimeout(r, 1000));
        }
        log(`e2e: ${rate}/s for ${DURATION_S} s`);
        watch.seen.clear();
        watch.insertedAt.clear();
        const cpuBefore = PROCESSES.map((p) => cpuSeconds(p) ?? NaN);
        const pgBefore = (await postgresCpuSeconds()) ?? NaN;
        const loadBefore = process.cpuUsage();
        const batchesBefore = await Promise.all(Object.values(consumers).map(batchStats));
        const offerStart = performance.now();
        const offered = await offer(ingest, rate, DURATION_S, `bench-e2e-${rate}`);
        const stoppedAt = offered.lastAnswerAt;
        const lagAtStop = await Promise.all(GROUPS.map((g) => groupLag(admin, g.groupId, g.topic)));
        // Drained: every accepted submission published and both groups' lag back to zero.
        const drainedAt = await waitUntil(async () => {
          const published = [...offered.sentAt.keys()].every((id) => watch.seen.has(id));
          if (!published) return false;
          const lags = await Promise.all(GROUPS.map((g) => groupLag(admin, g.groupId, g.topic)));
          return lags.every((l) => l === 0);
        }, DRAIN_TIMEOUT_MS);
        const cpuUsed = PROCESSES.map((p, i) => (cpuSeconds(p) ?? NaN) - cpuBefore[i]);
        // Backends that existed before the load; new ones are counted from zero, which is what they used.
        cpuUsed.push(((await postgresCpuSeconds()) ?? NaN) - pgBefore);
        // This process: the HTTP client and the publication listener share the same two cores.
        const loadUsed = process.cpuUsage(loadBefore);
        cpuUsed.push((loadUsed.user + loadUsed.system) / 1e6);
        const batchesAfter = await Promise.all(Object.values(consumers).map(batchStats));
        const batchRows: BenchResult[] = Object.keys(consumers).map((name, i) => {
          const batches = batchesAfter[i].batches - batchesBefore[i].batches;
          const messages = batchesAfter[i].messages - batchesBefore[i].messages;
          const seconds = batchesAfter[i].seconds - batchesBefore[i].seconds;
          return {
            section: SECTION,
            name: `${rate}/s: ${name} batch, mean messages`,
            value: round1(messages / Math.max(1, batches)),
            unit: 'messages',
            note: `${batches} batches, ${round1((seconds * 1000) / Math.max(1, batches))} ms each on average`,
          };
        });
        const latencies: number[] = [];
        let lastPublished = 0;
        let publishedDuring = 0;
        for (const [id, t0] of offered.sentAt) {
          const t1 = watch.seen.get(id);
          if (t1 !== undefined) {
            latencies.push(t1 - t0);
            lastPublished = Math.max(lastPublished, t1);
            if (t1 <= stoppedAt) publishedDuring += 1;
          }
        }
        latencies.sort((a, b) => a - b);
        const stageRows: BenchResult[] = (await stages(watch.db, offered.sentAt, watch)).map((stage) => ({
          section: SECTION,
          name: `${rate}/s: stage p50, ${stage.name}`,
          value: round1(percentile(stage.ms, 50)),
          unit: 'ms',
          note: `p99 ${round1(percentile(stage.ms, 99))} ms`,
        }));
        const accepted = offered.sentAt.size;
        const p = (q: number): number => round1(percentile(latencies, q));
        const drainMs = round1(drainedAt - stoppedAt);
        const note = `${accepted} accepted, ${latencies.length} published, ${offered.refused} refused, ${offered.failed} failed`;
        rows.push(
          {
            section: SECTION,
            name: `${rate}/s: POST → published p50`,
            value: p(50),
            unit: 'ms',
            target: rate === 1000 ? '≤ 30' : undefined,
            pass: rate === 1000 ? p(50) <= 30 : undefined,
            note,
          },
          { section: SECTION, name: `${rate}/s: POST → published p95`, value: p(95), unit: 'ms' },
          {
            section: SECTION,
            name: `${rate}/s: POST → published p99`,
            value: p(99),
            unit: 'ms',
            target: rate === 1000 ? '≤ 200' : undefined,
            pass: rate === 1000 ? p(99) <= 200 : undefined,
          },
          { section: SECTION, name: `${rate}/s: POST → published max`, value: p(100), unit: 'ms' },
          {
            section: SECTION,
            name: `${rate}/s: consumer lag when the load stopped`,
            value: lagAtStop.reduce((a, b) => a + b, 0),
            unit: 'messages',
            note: GROUPS.map((g, i) => `${g.groupId} ${lagAtStop[i]}`).join(', '),
          },
          {
            section: SECTION,
            name: `${rate}/s: published while the load ran`,
            value: Math.round(publishedDuring / ((stoppedAt - offerStart) / 1000)),
            unit: 'comments/s',
            note: `offered ${rate}/s`,
          },
          ...[...PROCESSES, 'postgres', 'load generator'].map((name, i) => ({
            section: SECTION,
            name: `${rate}/s: CPU per comment, ${name}`,
            // Ingest did its part for every accepted comment; the others for the published ones.
            value:
              Math.round(
                (cpuUsed[i] * 1000 * 100) / Math.max(1, name === 'ingest' ? accepted : latencies.length),
              ) / 100,
            unit: 'ms',
            note: `≈ ${Math.round((name === 'ingest' ? accepted : latencies.length) / Math.max(0.01, cpuUsed[i]))} comments/s per core`,
          })),
          ...stageRows,
          ...batchRows,
          {
            section: SECTION,
            name: `${rate}/s: last answer → all published, lag 0`,
            value: Number.isNaN(drainMs) ? -1 : drainMs,
            unit: 'ms',
            target: '≤ 2000',
            pass: !Number.isNaN(drainMs) && drainMs <= 2000,
            note: Number.isNaN(drainMs)
              ? `not drained within ${DRAIN_TIMEOUT_MS / 1000} s`
              : `last publication ${round1(lastPublished - stoppedAt)} ms after the last answer`,
          },
        );
      }
    } finally {
      await watch.close();
      await admin.disconnect();
    }
    return rows;
  },
};
