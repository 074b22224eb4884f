import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A taken-down comment stays as a placeholder (its id, parent and time; no author, no text), so that
 * thread v2 can show "removed" where its replies hang, and so that its approval and its removal, which
 * travel on different topics, apply in the order they were decided whichever is read first. A removal
 * read before any approval leaves a bare placeholder (no time until the approval brings it).
 */
export class CommentRemovals1764285200000 implements MigrationInterface {
  name = 'CommentRemovals1764285200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE articles.comments
        ADD COLUMN removed_at timestamptz NULL,
        ALTER COLUMN author_name DROP NOT NULL,
        ALTER COLUMN content DROP NOT NULL,
        ALTER COLUMN created_at DROP NOT NULL,
        ALTER COLUMN published_at DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM articles.comments WHERE removed_at IS NOT NULL`);
    await q.query(`
      ALTER TABLE articles.comments
        DROP COLUMN removed_at,
        ALTER COLUMN author_name SET NOT NULL,
        ALTER COLUMN content SET NOT NULL,
        ALTER COLUMN created_at SET NOT NULL,
        ALTER COLUMN published_at SET NOT NULL`);
  }
}
