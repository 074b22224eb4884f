import { Topics } from '@replyguard/contracts';
import { readTopics, say, sleep, withDb } from './infra';

export interface LoadOptions {
  ingestUrl: string;
  siteId: string;
  count: number;
  /** Submissions started per second (open loop), as long as fewer than `maxInFlight` are waiting. */
  ratePerSecond: number;
  maxInFlight?: number;
  articles?: number;
  /** Called as submissions are started (index of the next one), to trigger a fault mid-load. */
  onProgress?: (started: number) => void;
}

export interface LoadResult {
  sent: number;
  /** Comment id by submission number, for every 202. */
  accepted: Map<number, string>;
  /** Submission numbers answered 503. */
  refused: Set<number>;
  /** Anything else (status or network error), by submission number. */
  other: Map<number, string>;
  articleIds: string[];
  ms: number;
}

/** Each submission's content carries its number, so one that was refused can still be found later. */
export function marker(siteId: string, seq: number): string {
  return `[${siteId}#${seq}]`;
}

/** Posts `count` submissions to ingest, each once (no client retry), and records every answer. */
export async function postSubmissions(options: LoadOptions): Promise<LoadResult> {
  const { ingestUrl, siteId, count, ratePerSecond } = options;
  const maxInFlight = options.maxInFlight ?? 64;
  const articleIds = Array.from({ length: options.articles ?? 20 }, (_, i) => `article-${i}`);
  const result: LoadResult = {
    sent: 0,
    accepted: new Map(),
    refused: new Set(),
    other: new Map(),
    articleIds,
    ms: 0,
  };
  const started = Date.now();
  const inFlight = new Set<Promise<void>>();
  for (let seq = 0; seq < count; seq++) {
    const due = started + (seq * 1000) / ratePerSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    options.onProgress?.(seq);
    result.sent += 1;
    const request = submitOne(ingestUrl, siteId, articleIds[seq % articleIds.length], seq).then((answer) => {
      if (answer.status === 202 && answer.id) result.accepted.set(seq, answer.id);
      else if (answer.status === 503) result.refused.add(seq);
      else result.other.set(seq, answer.detail);
    });
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  result.ms = Date.now() - started;
  return result;
}

async function submitOne(
  ingestUrl: string,
  siteId: string,
  articleId: string,
  seq: number,
): Promise<{ status: number; id?: string; detail: string }> {
  try {
    const res = await fetch(`${ingestUrl}/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        siteId,
        articleId,
        parentId: null,
        authorName: `Reader ${seq}`,
        authorEmail: `reader-${seq}@example.org`,
        authorUrl: null,
        content: `Thanks for the clear explanation of the trade figures, it helped me a lot. ${marker(siteId, seq)}`,
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let id: string | undefined;
    try {
      id = (JSON.parse(text) as { id?: string }).id;
    } catch {
      id = undefined;
    }
    return { status: res.status, id, detail: `${res.status} ${text.slice(0, 200)}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: 0,
      detail: `network: ${cause ?? (error instanceof Error ? error.message : String(error))}`,
    };
  }
}

/** What the tests print and assert on. */
/**
 * The load every outage test sends: `count` submissions at `ratePerSecond`, with `outage` started
 * when submission `atSeq` goes out. Returns the load and how long the outage lasted.
 */
export async function postThroughOutage(
  options: Omit<LoadOptions, 'onProgress'> & { atSeq: number; outage: () => Promise<void> },
): Promise<{ load: LoadResult; downMs: number }> {
  let outage: Promise<number> | undefined;
  const load = await postSubmissions({
    ...options,
    onProgress: (seq) => {
      if (seq !== options.atSeq || outage) return;
      const startedAt = Date.now();
      outage = options.outage().then(() => Date.now() - startedAt);
    },
  });
  if (!outage) throw new Error(`the load never reached submission ${options.atSeq}`);
  return { load, downMs: await outage };
}

/** What an outage test asserts once its counts are in: only 202 or 503, nothing lost or doubled. */
export function expectOnlyDurableAnswers(load: LoadResult, counts: Counts): void {
  if (load.other.size > 0) say(`other answers: ${[...new Set(load.other.values())].slice(0, 5).join(' | ')}`);
  expect(load.other.size).toBe(0);
  expectNothingLostNothingDoubled(counts);
}

export interface Counts {
  sent: number;
  accepted: number;
  refused: number;
  other: number;
  /** Accepted ids stored by moderation with exactly one decision event. */
  decided: number;
  approved: number;
  held: number;
  rejected: number;
  /** Approved ids published in their article's thread. */
  published: number;
  /** Ids decided twice (two different decision events) or shown twice in a thread. */
  duplicates: number;
  /** Accepted ids with no stored comment or no decision event, or approved but not published. */
  lost: number;
  /** The same decision event delivered again (at-least-once; consumers dedupe by event id). */
  redeliveredEvents: number;
  /** 503 answers whose submission nevertheless reached Kafka (an ambiguous produce). */
  refusedButStored: number;
  /** Requests that got no answer (connection reset) whose submission nevertheless reached Kafka. */
  unansweredButStored: number;
}

interface Envelope {
  id: string;
  type: string;
  data: { commentId: string; siteId: string; content?: string };
}

const DECISION_TOPICS = [Topics.CommentApprovedV1, Topics.CommentHeldV1, Topics.CommentRejectedV1];

/**
 * Waits until moderation has stored every accepted id, its outbox is empty and the articles service
 * has published every approved one (or the timeout passes), then counts from the database, the
 * decision topics and the article threads.
 */
export async function settleAndCount(params: {
  databaseUrl: string;
  brokers: string[];
  articlesUrl: string;
  siteId: string;
  load: LoadResult;
  timeoutMs?: number;
}): Promise<Counts> {
  const { databaseUrl, brokers, siteId, load } = params;
  const ids = [...load.accepted.values()];
  const deadline = Date.now() + (params.timeoutMs ?? 60_000);
  for (;;) {
    const state = await withDb(databaseUrl, async (db) => {
      const stored = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM moderation.comments WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const approved = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM moderation.comments WHERE site_id = $1 AND status = 'approved'`,
        [siteId],
      );
      const published = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM articles.comments WHERE site_id = $1',
        [siteId],
      );
      const outbox = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM moderation.outbox');
      return {
        stored: stored.rows[0].n,
        approved: approved.rows[0].n,
        published: published.rows[0].n,
        outbox: outbox.rows[0].n,
      };
    }).catch(() => undefined);
    if (state && state.stored >= ids.length && state.outbox === 0 && state.published >= state.approved) break;
    if (Date.now() > deadline) {
      say(`settling timed out: ${JSON.stringify(state)} of ${ids.length} accepted`);
      break;
    }
    await sleep(250);
  }

  const rows = await withDb(databaseUrl, (db) =>
    db.query<{ id: string; status: string }>(
      'SELECT id, status FROM moderation.comments WHERE site_id = $1',
      [siteId],
    ),
  );
  const statusOf = new Map(rows.rows.map((r) => [r.id, r.status]));
  const publishedRows = await withDb(databaseUrl, (db) =>
    db.query<{ id: string }>('SELECT id FROM articles.comments WHERE site_id = $1', [siteId]),
  );
  const published = new Set(publishedRows.rows.map((r) => r.id));

  const records = await readTopics(brokers, [...DECISION_TOPICS, Topics.CommentSubmittedV1]);
  const decisionEvents = new Map<string, Set<string>>();
  let decisionRecords = 0;
  const submittedMarkers = new Set<string>();
  for (const r of records) {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(r.value) as Envelope;
    } catch {
      continue;
    }
    if (envelope?.data?.siteId !== siteId) continue;
    if (r.topic === Topics.CommentSubmittedV1) {
      const m = /\[[^\]]+#\d+\]$/.exec(envelope.data.content ?? '');
      if (m) submittedMarkers.add(m[0]);
      continue;
    }
    decisionRecords += 1;
    const set = decisionEvents.get(envelope.data.commentId) ?? new Set<string>();
    set.add(envelope.id);
    decisionEvents.set(envelope.data.commentId, set);
  }

  // Every thread, as a reader sees it: no comment twice.
  let shownTwice = 0;
  for (const articleId of load.articleIds) {
    const res = await fetch(`${params.articlesUrl}/v1/sites/${siteId}/articles/${articleId}/comments`);
    const thread = (await res.json()) as { comments: { id: string; replies: unknown[] }[] };
    const seen = new Set<string>();
    const walk = (list: { id: string; replies: unknown[] }[]): void => {
      for (const c of list) {
        if (seen.has(c.id)) shownTwice += 1;
        seen.add(c.id);
        walk(c.replies as { id: string; replies: unknown[] }[]);
      }
    };
    walk(thread.comments ?? []);
  }

  let decided = 0;
  let lost = 0;
  let doubled = 0;
  const byStatus = { approved: 0, held: 0, rejected: 0 };
  for (const id of ids) {
    const status = statusOf.get(id);
    const events = decisionEvents.get(id)?.size ?? 0;
    if (events > 1) doubled += 1;
    if (!status || events === 0) {
      lost += 1;
      continue;
    }
    if (events === 1) decided += 1;
    if (status === 'approved' || status === 'held' || status === 'rejected') byStatus[status] += 1;
    if (status === 'approved' && !published.has(id)) lost += 1;
  }
  const distinctEvents = [...decisionEvents.values()].reduce((n, s) => n + s.size, 0);
  let refusedButStored = 0;
  for (const seq of load.refused) if (submittedMarkers.has(marker(siteId, seq))) refusedButStored += 1;
  let unansweredButStored = 0;
  for (const seq of load.other.keys())
    if (submittedMarkers.has(marker(siteId, seq))) unansweredButStored += 1;
  return {
    sent: load.sent,
    accepted: load.accepted.size,
    refused: load.refused.size,
    other: load.other.size,
    decided,
    ...byStatus,
    published: ids.filter((id) => published.has(id)).length,
    duplicates: doubled + shownTwice,
    lost,
    redeliveredEvents: decisionRecords - distinctEvents,
    refusedButStored,
    unansweredButStored,
  };
}

export function printCounts(test: string, counts: Counts, extra: Record<string, unknown> = {}): void {
  const fields = { ...counts, ...extra };
  const line = Object.entries(fields)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  process.stdout.write(`[faults] ${test}: ${line}\n`);
}

/** The guarantees every fault test asserts. */
export function expectNothingLostNothingDoubled(counts: Counts): void {
  expect(counts.accepted).toBeGreaterThan(0);
  expect(counts.lost).toBe(0);
  expect(counts.duplicates).toBe(0);
  expect(counts.decided).toBe(counts.accepted);
  expect(counts.published).toBe(counts.approved);
}
