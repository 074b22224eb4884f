import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIngestSchema1764252000000 implements MigrationInterface {
  name = 'CreateIngestSchema1764252000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS ingest`);
    await q.query(`
      CREATE TABLE ingest.sites (
        id text PRIMARY KEY,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO ingest.sites (id, name) VALUES ('default', 'Default site')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ingest.sites`);
    await q.query(`DROP SCHEMA IF EXISTS ingest`);
  }
}
