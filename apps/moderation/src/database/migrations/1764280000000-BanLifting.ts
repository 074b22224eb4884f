import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ban can be lifted: it stays in the table (who banned, who lifted, when) and stops matching. The
 * listing index serves a site's bans newest first.
 */
export class BanLifting1764280000000 implements MigrationInterface {
  name = 'BanLifting1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE moderation.bans
        ADD COLUMN lifted_at timestamptz NULL,
        ADD COLUMN lifted_by text NULL`);
    await q.query(
      `CREATE INDEX bans_site_created_idx ON moderation.bans (site_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX moderation.bans_site_created_idx`);
    await q.query(`ALTER TABLE moderation.bans DROP COLUMN lifted_by, DROP COLUMN lifted_at`);
  }
}
