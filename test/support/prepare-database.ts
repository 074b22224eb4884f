import { ensureDatabase, migrateAll } from '../../tools/run/database';

/** Recreates the test database and applies every migration (run by the global setup). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  await ensureDatabase(url, { recreate: true });
  await migrateAll(url);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `test database setup failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
