import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An erasure keeps the keyed hash of the address it was asked for, for as long as a submission sent
 * before it can still be on its way (`KAFKA_PII_RETENTION_HOURS`, the submission topic's retention):
 * a comment of that address submitted before the erasure and decided after it is erased on arrival.
 * The retention sweep clears the hash after that time; the address itself is never stored.
 */
export class ErasureKeepsHash1764705000000 implements MigrationInterface {
  name = 'ErasureKeepsHash1764705000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE moderation.erasures ADD COLUMN author_email_hash text NULL`);
    await q.query(`
      CREATE INDEX erasures_pending_idx ON moderation.erasures (site_id, author_email_hash)
        WHERE author_email_hash IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX moderation.erasures_pending_idx`);
    await q.query(`ALTER TABLE moderation.erasures DROP COLUMN author_email_hash`);
  }
}
