import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ModeratorsQueuesBans1764256000000 implements MigrationInterface {
  name = 'ModeratorsQueuesBans1764256000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE moderation.sites
        ADD COLUMN report_threshold int NOT NULL DEFAULT 3,
        ADD COLUMN unpublish_on_reports boolean NOT NULL DEFAULT false,
        ADD COLUMN active boolean NOT NULL DEFAULT true`);
    // The demo page of the articles service posts from these origins in development.
    await q.query(
      `UPDATE moderation.sites SET allowed_origins = '{http://127.0.0.1:3002,http://localhost:3002}' WHERE id = 'default'`,
    );

    await q.query(`ALTER TABLE moderation.comments DROP CONSTRAINT IF EXISTS comments_status_check`);
    await q.query(`
      ALTER TABLE moderation.comments
        ADD CONSTRAINT comments_status_check CHECK (status IN ('approved', 'held', 'rejected', 'reported')),
        ADD COLUMN published boolean NOT NULL DEFAULT false,
        ADD COLUMN report_count int NOT NULL DEFAULT 0,
        ADD COLUMN author_domain text NULL`);
    await q.query(`UPDATE moderation.comments SET published = (status = 'approved')`);
    await q.query(
      `CREATE INDEX comments_article_queue_idx ON moderation.comments (site_id, article_id, status, submitted_at, id)`,
    );

    await q.query(`
      ALTER TABLE moderation.comment_decisions
        ADD COLUMN reason text NULL,
        ADD COLUMN note text NULL`);

    await q.query(`
      CREATE TABLE moderation.moderators (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('moderator', 'admin')),
        sites text[] NOT NULL DEFAULT '{}',
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE moderation.bans (
        id uuid PRIMARY KEY,
        site_id text NOT NULL REFERENCES moderation.sites(id),
        kind text NOT NULL CHECK (kind IN ('email', 'ipHash', 'domain')),
        value text NOT NULL,
        reason text NOT NULL,
        expires_at timestamptz NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX bans_lookup_idx ON moderation.bans (site_id, kind, value)`);

    await q.query(`
      CREATE TABLE moderation.reports (
        id bigserial PRIMARY KEY,
        comment_id uuid NOT NULL REFERENCES moderation.comments(id),
        reporter_hash text NOT NULL,
        reason text NOT NULL,
        note text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (comment_id, reporter_hash)
      )`);

    await q.query(`
      CREATE TABLE moderation.labeled_examples (
        id bigserial PRIMARY KEY,
        comment_id uuid NOT NULL REFERENCES moderation.comments(id),
        site_id text NOT NULL,
        task text NOT NULL CHECK (task IN ('spam', 'toxicity')),
        label smallint NOT NULL CHECK (label IN (0, 1)),
        text text NOT NULL,
        source text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (comment_id, task)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE moderation.labeled_examples`);
    await q.query(`DROP TABLE moderation.reports`);
    await q.query(`DROP TABLE moderation.bans`);
    await q.query(`DROP TABLE moderation.moderators`);
    await q.query(`ALTER TABLE moderation.comment_decisions DROP COLUMN reason, DROP COLUMN note`);
    await q.query(`DROP INDEX moderation.comments_article_queue_idx`);
    await q.query(`UPDATE moderation.comments SET status = 'held' WHERE status = 'reported'`);
    await q.query(`
      ALTER TABLE moderation.comments
        DROP CONSTRAINT comments_status_check,
        DROP COLUMN published,
        DROP COLUMN report_count,
        DROP COLUMN author_domain`);
    await q.query(
      `ALTER TABLE moderation.comments ADD CONSTRAINT comments_status_check CHECK (status IN ('approved', 'held', 'rejected'))`,
    );
    await q.query(`UPDATE moderation.sites SET allowed_origins = '{}' WHERE id = 'default'`);
    await q.query(
      `ALTER TABLE moderation.sites DROP COLUMN report_threshold, DROP COLUMN unpublish_on_reports, DROP COLUMN active`,
    );
  }
}
