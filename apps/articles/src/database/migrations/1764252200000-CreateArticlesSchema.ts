import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticlesSchema1764252200000 implements MigrationInterface {
  name = 'CreateArticlesSchema1764252200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS articles`);
    await q.query(`
      CREATE TABLE articles.comments (
        id uuid PRIMARY KEY,
        site_id text NOT NULL,
        article_id text NOT NULL,
        parent_id uuid NULL,
        author_name text NOT NULL,
        author_url text NULL,
        content text NOT NULL,
        created_at timestamptz NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX comments_thread_idx ON articles.comments (site_id, article_id, created_at, id)`,
    );
    await q.query(`
      CREATE TABLE articles.processed_messages (
        consumer text NOT NULL,
        message_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE articles.processed_messages`);
    await q.query(`DROP TABLE articles.comments`);
    await q.query(`DROP SCHEMA IF EXISTS articles`);
  }
}
