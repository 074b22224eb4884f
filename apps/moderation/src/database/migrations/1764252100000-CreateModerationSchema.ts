import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateModerationSchema1764252100000 implements MigrationInterface {
  name = 'CreateModerationSchema1764252100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS moderation`);
    await q.query(`
      CREATE TABLE moderation.sites (
        id text PRIMARY KEY,
        name text NOT NULL,
        allowed_origins text[] NOT NULL DEFAULT '{}',
        policy jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO moderation.sites (id, name) VALUES ('default', 'Default site')`);
    await q.query(`
      CREATE TABLE moderation.comments (
        id uuid PRIMARY KEY,
        site_id text NOT NULL REFERENCES moderation.sites(id),
        article_id text NOT NULL,
        parent_id uuid NULL,
        depth int NOT NULL,
        author_name text NOT NULL,
        author_email_hash text NOT NULL,
        author_url text NULL,
        content text NOT NULL,
        content_hash text NOT NULL,
        ip_hash text NULL,
        user_agent text NULL,
        referer text NULL,
        status text NOT NULL CHECK (status IN ('approved', 'held', 'rejected')),
        decision jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz NOT NULL,
        decided_by text NOT NULL,
        version int NOT NULL DEFAULT 1
      )`);
    // Queues: one site's comments in one status, in time order, cursor-paginated.
    await q.query(
      `CREATE INDEX comments_queue_idx ON moderation.comments (site_id, status, submitted_at, id)`,
    );
    // Trusted authors, duplicates and floods, all scoped by site and author.
    await q.query(
      `CREATE INDEX comments_author_idx ON moderation.comments (site_id, author_email_hash, submitted_at)`,
    );
    await q.query(
      `CREATE INDEX comments_ip_idx ON moderation.comments (site_id, ip_hash, submitted_at) WHERE ip_hash IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE moderation.comment_decisions (
        id bigserial PRIMARY KEY,
        comment_id uuid NOT NULL REFERENCES moderation.comments(id),
        actor text NOT NULL,
        action text NOT NULL,
        previous_status text NULL,
        new_status text NOT NULL,
        decision jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX comment_decisions_comment_idx ON moderation.comment_decisions (comment_id, id)`,
    );
    await q.query(`
      CREATE TABLE moderation.outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE moderation.outbox`);
    await q.query(`DROP TABLE moderation.comment_decisions`);
    await q.query(`DROP TABLE moderation.comments`);
    await q.query(`DROP TABLE moderation.sites`);
    await q.query(`DROP SCHEMA IF EXISTS moderation`);
  }
}
