import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An author is trusted on a site by an approved comment under the same e-mail *and* name (names
 * compared trimmed and case-insensitively), so the index for "has this author an approved comment
 * here?", asked for every submission, takes the name's expression too. It replaces
 * comments_trusted_author_idx, whose columns lead it. Built concurrently, so a large table keeps
 * taking writes meanwhile.
 */
export class TrustedAuthorNameIndex1764700000000 implements MigrationInterface {
  name = 'TrustedAuthorNameIndex1764700000000';
  /** CREATE INDEX CONCURRENTLY cannot run inside a transaction. */
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_trusted_author_name_idx
        ON moderation.comments (site_id, author_email_hash, lower(btrim(author_name))) WHERE status = 'approved'`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS moderation.comments_trusted_author_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_trusted_author_idx
        ON moderation.comments (site_id, author_email_hash) WHERE status = 'approved'`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS moderation.comments_trusted_author_name_idx`);
  }
}
