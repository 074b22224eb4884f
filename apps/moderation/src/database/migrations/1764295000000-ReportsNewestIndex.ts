import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A comment's reports newest first: the queue's report summaries (the newest notes of each comment
 * on a page) and GET /v1/moderation/comments/{id}/reports (keyset on created_at, id) read this
 * index instead of sorting every report of a much-reported comment. Built concurrently, so a large
 * table keeps taking reports meanwhile.
 */
export class ReportsNewestIndex1764295000000 implements MigrationInterface {
  name = 'ReportsNewestIndex1764295000000';
  /** CREATE INDEX CONCURRENTLY cannot run inside a transaction. */
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS reports_comment_newest_idx
        ON moderation.reports (comment_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS moderation.reports_comment_newest_idx`);
  }
}
