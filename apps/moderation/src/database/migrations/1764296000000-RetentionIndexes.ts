import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retention sweep finds what it has to clear through two partial indexes that hold only the rows
 * still keeping the data in question, so each sweep reads what is due and nothing it cleared before.
 * Built concurrently, so a large table keeps taking comments meanwhile.
 */
export class RetentionIndexes1764296000000 implements MigrationInterface {
  name = 'RetentionIndexes1764296000000';
  /** CREATE INDEX CONCURRENTLY cannot run inside a transaction. */
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_client_data_idx ON moderation.comments (submitted_at)
        WHERE ip_hash IS NOT NULL OR user_agent IS NOT NULL OR referer IS NOT NULL`);
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_rejected_author_idx ON moderation.comments (submitted_at)
        WHERE status = 'rejected' AND erased_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS moderation.comments_rejected_author_idx`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS moderation.comments_client_data_idx`);
  }
}
