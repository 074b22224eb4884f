import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';
import { articlesDataSourceOptions } from '../../apps/articles/src/database/database.options';
import { ingestDataSourceOptions } from '../../apps/ingest/src/database/database.options';
import { moderationDataSourceOptions } from '../../apps/moderation/src/database/database.options';
import { webhooksDataSourceOptions } from '../../apps/webhooks/src/database/database.options';

/** Creates the database named in `url` when it is missing (optionally dropping it first). */
export async function ensureDatabase(url: string, options: { recreate?: boolean } = {}): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (options.recreate) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** Runs every service's pending migrations, each service in its own schema. */
export async function migrateAll(url: string): Promise<string[]> {
  const db = { url, poolSize: 2, preparedStatements: true };
  const ran: string[] = [];
  const all: DataSourceOptions[] = [
    ingestDataSourceOptions(db),
    moderationDataSourceOptions(db),
    articlesDataSourceOptions(db),
    webhooksDataSourceOptions(db),
  ];
  for (const options of all) {
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    try {
      const migrations = await dataSource.runMigrations({ transaction: 'each' });
      ran.push(...migrations.map((m) => m.name));
    } finally {
      await dataSource.destroy();
    }
  }
  return ran;
}
