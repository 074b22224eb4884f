import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What thread v3's pages read besides the thread index (site, article, created_at, id), which already
 * orders an article's top-level comments for the keyset:
 * - the replies of a comment: the page's reply trees are read down from its top-level comments, level
 *   by level, instead of the whole article;
 * - an article's taken-down comments (few, so a small index): which of them keep their place because a
 *   published reply hangs below them is worked out from these alone, not from every comment.
 * Built concurrently, so a large table keeps taking approvals meanwhile.
 */
export class ThreadPageIndexes1764731000000 implements MigrationInterface {
  name = 'ThreadPageIndexes1764731000000';
  /** CREATE INDEX CONCURRENTLY cannot run inside a transaction. */
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_replies_idx
        ON articles.comments (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_removed_idx
        ON articles.comments (site_id, article_id) WHERE removed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS articles.comments_removed_idx`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS articles.comments_replies_idx`);
  }
}
