import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SiteOrigins1764256100000 implements MigrationInterface {
  name = 'SiteOrigins1764256100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingest.sites ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE ingest.sites ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    // The demo page of the articles service posts from these origins in development.
    await q.query(
      `UPDATE ingest.sites SET allowed_origins = '{http://127.0.0.1:3002,http://localhost:3002}' WHERE id = 'default'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingest.sites DROP COLUMN allowed_origins, DROP COLUMN updated_at`);
  }
}
