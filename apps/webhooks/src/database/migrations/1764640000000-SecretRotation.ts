import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's previous signing secret, kept for a while after a rotation so that deliveries
 * carry a signature with each and the receiver can switch keys without losing one.
 */
export class SecretRotation1764640000000 implements MigrationInterface {
  name = 'SecretRotation1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhooks.subscriptions
      ADD COLUMN previous_secret_sealed text,
      ADD COLUMN previous_secret_expires_at timestamptz,
      ADD COLUMN secret_rotated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhooks.subscriptions
      DROP COLUMN previous_secret_sealed,
      DROP COLUMN previous_secret_expires_at,
      DROP COLUMN secret_rotated_at`);
  }
}
