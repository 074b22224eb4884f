import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createArticlesApp } from '../../apps/articles/src/articles.app';
import { createIngestApp } from '../../apps/ingest/src/ingest.app';
import { createModerationApp } from '../../apps/moderation/src/moderation.app';
import { createWebhooksApp } from '../../apps/webhooks/src/webhooks.app';
import { NO_FLOOD, withDb } from './fixtures';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface RunningSystem {
  ingestUrl: string;
  moderationUrl: string;
  articlesUrl: string;
  webhooksUrl: string;
  close(): Promise<void>;
}

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return app.getUrl();
}

/**
 * Boots the four services in this process against the run's real Postgres and Kafka (set up by
 * the global setup), each on a free port, exactly as their main files do.
 */
export async function startSystem(): Promise<RunningSystem> {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.NODE_ENV ??= 'test';
  process.env.OUTBOX_POLL_MS ??= '50';
  process.env.POLICY_CACHE_MS ??= '200';
  process.env.ADMIN_TOKEN ??= TEST_ADMIN_TOKEN;
  process.env.WEBHOOK_POLL_MS ??= '50';
  // Every test request comes from 127.0.0.1; the rate-limit tests boot their own ingest.
  process.env.INGEST_RATE_LIMIT_PER_IP ??= '1000000';
  // Tests try bad tokens on purpose, all from 127.0.0.1 (moderation-rate-limits.e2e-spec.ts sets its own).
  process.env.MODERATION_AUTH_FAILURES_PER_MIN ??= '1000000';
  process.env.WEBHOOK_AUTH_FAILURES_PER_MIN ??= '1000000';
  // Every test comment comes from 127.0.0.1; the default site must not hold them as a flood.
  await withDb((db) =>
    db.query(`UPDATE moderation.sites SET policy = policy || $1::jsonb WHERE id = 'default'`, [
      JSON.stringify(NO_FLOOD),
    ]),
  );
  const apps: NestFastifyApplication[] = [];
  try {
    const moderation = await createModerationApp();
    apps.push(moderation);
    const articles = await createArticlesApp();
    apps.push(articles);
    const ingest = await createIngestApp();
    apps.push(ingest);
    const webhooks = await createWebhooksApp();
    apps.push(webhooks);
    return {
      ingestUrl: await listen(ingest),
      moderationUrl: await listen(moderation),
      articlesUrl: await listen(articles),
      webhooksUrl: await listen(webhooks),
      // Side by side: each may wait for its consumer group (a stop during a rebalance waits for the
      // join in flight), and one after the other those waits added up past the hook's timeout.
      close: async () => {
        await Promise.all(apps.map((app) => app.close()));
      },
    };
  } catch (error) {
    for (const app of apps.reverse()) await app.close();
    throw error;
  }
}

/** Polls until `probe` returns a value, or fails after `timeoutMs` with what it last saw. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 15000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json: json as Record<string, unknown>, text, headers: response.headers };
}

export async function getJson(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
