import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A moderator's token can be revoked: the row stays (who revoked it, when) so that the decisions and bans
 * it made keep a name, and the token stops authenticating.
 */
export class ModeratorRevocation1764290000000 implements MigrationInterface {
  name = 'ModeratorRevocation1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE moderation.moderators
        ADD COLUMN revoked_at timestamptz NULL,
        ADD COLUMN revoked_by text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderation.moderators DROP COLUMN revoked_by, DROP COLUMN revoked_at`);
  }
}
