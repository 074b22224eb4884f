import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Direct database access for fixtures the admin API (a later issue) will provide. */
export async function withDb<T>(fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** Every test comment comes from 127.0.0.1: a flood limit the tests do not trip over. */
export const NO_FLOOD = { flood: { maxPerWindow: 100_000, windowSeconds: 60 } };

/**
 * Creates a site known to ingest, moderation and webhooks, with a partial policy. Written to each
 * service's copy directly, so no sites.configured record exists for it.
 */
export async function createSite(policy: Record<string, unknown> = {}): Promise<string> {
  const id = `site-${randomUUID().slice(0, 8)}`;
  await withDb(async (db) => {
    await db.query('INSERT INTO ingest.sites (id, name) VALUES ($1, $1)', [id]);
    await db.query('INSERT INTO moderation.sites (id, name, policy) VALUES ($1, $1, $2)', [
      id,
      JSON.stringify(policy),
    ]);
    await db.query('INSERT INTO webhooks.sites (id, name) VALUES ($1, $1)', [id]);
  });
  return id;
}
