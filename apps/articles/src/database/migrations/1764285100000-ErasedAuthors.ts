import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments whose author had their personal data erased. Kept so that an approval read after the
 * erasure (the two travel on different topics, so their order is not guaranteed) still publishes the
 * comment without the author's name and website.
 */
export class ErasedAuthors1764285100000 implements MigrationInterface {
  name = 'ErasedAuthors1764285100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE articles.erased_authors (
        comment_id uuid PRIMARY KEY,
        author_name text NOT NULL,
        erased_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE articles.erased_authors`);
  }
}
