import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for "has this author an approved comment on this site?", asked for every submission.
 * Without it the planner may answer from the queue index (every approved comment of the site,
 * filtered by author): seen at 15 ms per submission on a freshly filled table whose statistics
 * were not yet gathered. Built concurrently, so a large table keeps taking writes meanwhile.
 */
export class TrustedAuthorIndex1764270000000 implements MigrationInterface {
  name = 'TrustedAuthorIndex1764270000000';
  /** CREATE INDEX CONCURRENTLY cannot run inside a transaction. */
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_trusted_author_idx
        ON moderation.comments (site_id, author_email_hash) WHERE status = 'approved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS moderation.comments_trusted_author_idx`);
  }
}
