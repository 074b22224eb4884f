import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an erasure deleted the comment's text too: then no decision event of it read later is fanned
 * out at all (it would carry the text), rather than fanned out with the erased name.
 */
export class ErasedCommentRemoved1764630000000 implements MigrationInterface {
  name = 'ErasedCommentRemoved1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE webhooks.erased_authors ADD COLUMN comment_removed boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhooks.erased_authors DROP COLUMN comment_removed`);
  }
}
