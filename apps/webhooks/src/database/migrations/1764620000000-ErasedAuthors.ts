import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments whose author had their personal data erased. A decision event of such a comment read after
 * the erasure (they travel on different topics, so their order is not guaranteed) is fanned out
 * with the author's name replaced and the website dropped, as the copies stored before were rewritten.
 */
export class ErasedAuthors1764620000000 implements MigrationInterface {
  name = 'ErasedAuthors1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks.erased_authors (
        comment_id uuid PRIMARY KEY,
        author_name text NOT NULL,
        erased_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhooks.erased_authors`);
  }
}
