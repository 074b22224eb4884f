import { performance } from 'node:perf_hooks';
import { seedComments } from '../../tools/seed/seed-comments';
import { Topics } from '@replyguard/contracts';
import { BENCH_ADMIN_TOKEN, benchInfra, buildAll, log, startService, stopProcess } from '../support/infra';
import { kafkaAdmin, truncateTopic } from '../support/kafka-lag';
import { percentile, round1 } from '../support/load';
import type { BenchResult, BenchSection } from '../types';

const SECTION = 'queue';
const ROWS = Number(process.env.BENCH_QUEUE_ROWS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_QUEUE_SAMPLES ?? 500);
const SITE = 'bench-site-07';
const headers = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

const QUEUE = '/v1/moderation/queue';
const SUMMARY = '/v1/moderation/queue/summary';

async function getPage(base: string, query: Record<string, string>, path = QUEUE): Promise<Page> {
  const res = await fetch(`${base}${path}?${new URLSearchParams(query).toString()}`, { headers });
  if (res.status !== 200)
    throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as Page;
}

/** Latency of one request at a time (what a moderator's click waits for), after a short warm-up. */
async function latencies(
  base: string,
  query: Record<string, string>,
  path = QUEUE,
): Promise<{ p50: number; p99: number; items: number }> {
  let items = 0;
  for (let i = 0; i < 20; i++) items = (await getPage(base, query, path)).items?.length ?? 0;
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await getPage(base, query, path);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: round1(percentile(times, 50)), p99: round1(percentile(times, 99)), items };
}

export const queueBench: BenchSection = {
  name: SECTION,
  description: `GET /v1/moderation/queue with ${ROWS.toLocaleString('en')} seeded comments: first page and a deep cursor; the queue summary`,
  async run(): Promise<BenchResult[]> {
    buildAll();
    const { brokers, databaseUrl } = await benchInfra();
    // Measured alone: the services of earlier sections stop, and their backlog is dropped.
    for (const name of ['ingest', 'articles', 'moderation']) await stopProcess(name);
    const admin = await kafkaAdmin(brokers);
    await truncateTopic(admin, Topics.CommentSubmittedV1);
    await admin.disconnect();
    log(`queue: seeding ${ROWS.toLocaleString('en')} comments`);
    const seeded = await seedComments(databaseUrl, { count: ROWS, sites: 20 });
    const moderation = await startService('moderation');
    const rows: BenchResult[] = [];
    const cases: { label: string; query: Record<string, string> }[] = [
      { label: 'held, oldest first', query: { siteId: SITE, status: 'held', order: 'oldest', limit: '50' } },
      {
        label: 'approved, newest first',
        query: { siteId: SITE, status: 'approved', order: 'newest', limit: '50' },
      },
      // Every item has reports (three each, seeded): the page carries their summaries.
      {
        label: 'reported, oldest first',
        query: { siteId: SITE, status: 'reported', order: 'oldest', limit: '50' },
      },
      {
        label: 'held, one article',
        query: { siteId: SITE, status: 'held', articleId: 'article-1477', limit: '50' },
      },
    ];
    for (const c of cases) {
      log(`queue: ${c.label}`);
      const first = await latencies(moderation, c.query);
      // A deep cursor: walk 40 pages of 200 (8,000 items) and read the page that follows.
      let cursor: string | null = null;
      let depth = 0;
      for (let i = 0; i < 40; i++) {
        const page: Page = await getPage(moderation, {
          ...c.query,
          limit: '200',
          ...(cursor ? { cursor } : {}),
        });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
        depth += page.items.length;
      }
      const deep = cursor ? await latencies(moderation, { ...c.query, cursor }) : undefined;
      rows.push({
        section: SECTION,
        name: `${c.label}: first page p50 / p99`,
        value: first.p99,
        unit: 'ms (p99)',
        target: '≤ 20',
        pass: first.p99 <= 20,
        note: `p50 ${first.p50} ms, ${first.items} items/page, ${SAMPLES} sequential requests`,
      });
      if (deep) {
        rows.push({
          section: SECTION,
          name: `${c.label}: page after ${depth.toLocaleString('en')} items p50 / p99`,
          value: deep.p99,
          unit: 'ms (p99)',
          target: '≤ 20',
          pass: deep.p99 <= 20,
          note: `p50 ${deep.p50} ms`,
        });
      }
    }
    // What each open console asks every 30 s: the held and reported counts (stopping at 10,000).
    log('queue: summary');
    const summary = await latencies(moderation, { siteId: SITE }, SUMMARY);
    rows.push({
      section: SECTION,
      name: 'summary (held and reported counts) p50 / p99',
      value: summary.p99,
      unit: 'ms (p99)',
      note: `p50 ${summary.p50} ms, ${SAMPLES} sequential requests`,
    });
    rows.push({
      section: SECTION,
      name: 'seeding (generate_series, 5 indexes)',
      value: round1(seeded.ms / 1000),
      unit: 's',
      note: `${seeded.inserted.toLocaleString('en')} rows`,
    });
    return rows;
  },
};
