import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What ingest needs to answer a WordPress comment form: the article address and the language. */
export class SitePages1764260100000 implements MigrationInterface {
  name = 'SitePages1764260100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ingest.sites
        ADD COLUMN article_url_template text NULL,
        ADD COLUMN language text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingest.sites DROP COLUMN article_url_template, DROP COLUMN language`);
  }
}
