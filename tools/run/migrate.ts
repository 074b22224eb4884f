import { ensureDatabase, migrateAll } from './database';

/** `tsx tools/run/migrate.ts`: creates the database if missing and applies every migration. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/replyguard';
  await ensureDatabase(url);
  const ran = await migrateAll(url);
  process.stdout.write(ran.length ? `migrations applied: ${ran.join(', ')}\n` : 'database is up to date\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
