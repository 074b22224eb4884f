import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { eventually, postJson, type RunningSystem, startSystem } from '../support/system';

type LogLine = Record<string, unknown> & { msg?: string; correlationId?: string };

/**
 * What operators see: JSON logs that follow one comment through the three services by its
 * correlation id and never carry the commenter's email or IP, and /metrics on every service.
 */
describe('logs and metrics', () => {
  const logFile = join(mkdtempSync(join(tmpdir(), 'replyguard-logs-')), 'services.log');
  let system: RunningSystem;

  beforeAll(async () => {
    process.env.LOG_FILE = logFile;
    process.env.LOG_LEVEL = 'info';
    // Believe the X-Forwarded-For below, as behind a real proxy, so a client IP reaches ingest.
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
    delete process.env.LOG_FILE;
    delete process.env.TRUSTED_PROXIES;
  });

  const lines = (): LogLine[] =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogLine);

  it('follows a submission by its correlation id, with no email or IP in any line', async () => {
    const email = `private-${Date.now()}@mail.example.org`;
    const ip = '203.0.113.77';
    const articleId = uniqueArticleId('logs');
    const res = await postJson(
      `${system.ingestUrl}/v1/comments`,
      aSubmission({ articleId, authorEmail: email }),
      {
        'x-forwarded-for': ip,
      },
    );
    expect(res.status).toBe(202);
    const id = res.json.id as string;

    // Each service buffers its log lines (LOG_BUFFER_BYTES), so ingest's line may land after the others'.
    const expected = ['request completed', 'submission decided', 'comment published'];
    const trail = await eventually(
      async () => {
        const mine = lines().filter((l) => l.correlationId === id);
        return expected.every((m) => mine.some((l) => l.msg === m)) ? mine : undefined;
      },
      { what: 'the comment in the logs of ingest, moderation and articles' },
    );
    expect(trail.map((l) => l.msg)).toEqual(expect.arrayContaining(expected));

    const all = readFileSync(logFile, 'utf8');
    expect(all).toContain(id);
    expect(all).not.toContain(email);
    expect(all.toLowerCase()).not.toContain(email.split('@')[0]);
    expect(all).not.toContain(ip);
  });

  it('gives a WordPress form post the same correlation id as the comment it makes', async () => {
    const articleId = uniqueArticleId('wp-logs');
    const res = await fetch(`${system.ingestUrl}/v1/sites/default/wp-comments-post`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        comment: 'Posted from the comment form under the article.',
        author: 'Form Reader',
        email: `form-${Date.now()}@mail.example.org`,
        comment_post_ID: articleId,
      }),
    });
    expect([202, 303]).toContain(res.status);
    const trail = await eventually(
      async () => {
        const request = lines().find(
          (l) =>
            l.msg === 'request completed' &&
            String((l.req as { url?: string } | undefined)?.url).includes('/wp-comments-post') &&
            typeof l.correlationId === 'string',
        );
        const id = request?.correlationId;
        return id && lines().some((l) => l.correlationId === id && l.msg === 'comment published')
          ? id
          : undefined;
      },
      { what: "the form post's request line and its comment's publication under one correlation id" },
    );
    expect(trail).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes no API key a client put in the query, and echoes none', async () => {
    const key = `rgk${Date.now().toString(16).padStart(40, '0')}`;
    // verify-key is a POST; a client that puts the key in a GET's query reaches no route.
    const res = await fetch(`${system.moderationUrl}/1.1/verify-key?key=${key}&blog=https://b.example`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain('/1.1/verify-key');
    expect(body).not.toContain(key);
    const line = await eventually(
      async () =>
        lines().find((l) =>
          String((l.req as { url?: string } | undefined)?.url).startsWith('/1.1/verify-key?'),
        ),
      { what: 'the request line of the GET' },
    );
    expect((line.req as { url: string }).url).toBe('/1.1/verify-key?key=[redacted]&blog=https://b.example');
    expect(readFileSync(logFile, 'utf8')).not.toContain(key);
  });

  it('serves Prometheus metrics on every service', async () => {
    const scrape = async (url: string) => {
      const res = await fetch(`${url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
    const bad = await postJson(`${system.ingestUrl}/v1/comments`, { siteId: 'default' });
    expect(bad.status).toBe(400);
    // A threat, so a toxicity signal is counted once it is decided.
    const threat = await postJson(
      `${system.ingestUrl}/v1/comments`,
      aSubmission({ articleId: uniqueArticleId('signals'), content: 'I will find you and kill you.' }),
    );
    expect(threat.status).toBe(202);
    await eventually(
      async () => {
        const res = await fetch(`${system.moderationUrl}/v1/comments/${threat.json.id as string}`);
        const status = res.ok ? ((await res.json()) as { status: string }).status : 'pending';
        return status === 'pending' ? undefined : status;
      },
      { what: 'the threat decided' },
    );

    const ingest = await scrape(system.ingestUrl);
    expect(sample(ingest, 'replyguard_submissions_total', { outcome: 'accepted' })).toBeGreaterThan(0);
    expect(
      sample(ingest, 'replyguard_submissions_total', { outcome: 'refused', reason: 'VALIDATION_FAILED' }),
    ).toBeGreaterThan(0);
    const route = { method: 'POST', route: '/v1/comments', service: 'ingest' };
    expect(
      sample(ingest, 'replyguard_http_request_duration_seconds_count', { ...route, status: '202' }),
    ).toBeGreaterThan(0);
    expect(sample(ingest, 'replyguard_http_requests_total', { ...route, status: '400' })).toBeGreaterThan(0);

    const moderation = await scrape(system.moderationUrl);
    expect(
      sample(moderation, 'replyguard_decisions_total', { decider: 'auto', action: 'approve' }),
    ).toBeGreaterThan(0);
    expect(sample(moderation, 'replyguard_classifier_duration_seconds_count', {})).toBeGreaterThan(0);
    expect(sample(moderation, 'replyguard_toxicity_signals_total', { signal: 'threat-to-reader' })).toBe(1);
    expect(
      sample(moderation, 'replyguard_auto_decision_delay_seconds_count', { action: 'approve' }),
    ).toBeGreaterThan(0);
    expect(sample(moderation, 'replyguard_outbox_backlog', {})).toBeGreaterThanOrEqual(0);
    expect(
      sample(moderation, 'replyguard_queue_depth', { site: 'default', status: 'approved' }),
    ).toBeGreaterThan(0);
    expect(
      sample(moderation, 'replyguard_kafka_consumer_lag', { topic: 'comments.submitted.v1' }),
    ).toBeGreaterThanOrEqual(0);
    expect(moderation).toContain('# TYPE replyguard_time_to_human_decision_seconds histogram');
    expect(moderation).toContain('# TYPE replyguard_kafka_dead_letters_total counter');

    const articles = await scrape(system.articlesUrl);
    // Every topic the service handles has its lag, committed on yet or not.
    for (const topic of ['comments.approved.v1', 'comments.removed.v1', 'comments.author-erased.v1']) {
      expect([topic, sample(articles, 'replyguard_kafka_consumer_lag', { topic })]).toEqual([
        topic,
        expect.any(Number),
      ]);
    }
    // The comment of the first test went all the way: submitted, approved automatically, published.
    for (const since of ['approval', 'submission']) {
      expect(sample(articles, 'replyguard_publication_delay_seconds_count', { since })).toBeGreaterThan(0);
    }
    expect(sample(articles, 'replyguard_process_cpu_seconds_total', { service: 'articles' })).toBeGreaterThan(
      0,
    );
  });
});

/** Sum of the samples of `name` whose labels include `labels`; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum = (sum ?? 0) + Number(m[3]);
  }
  return sum;
}
