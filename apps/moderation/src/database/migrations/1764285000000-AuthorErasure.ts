import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A commenter's personal data can be erased: an erased comment keeps no e-mail hash (so it counts for
 * no trust, flood, duplicate or ban check), and says when it was erased. Each erasure is recorded
 * without the address it was asked for: which site, who asked, when, and how many comments it touched.
 */
export class AuthorErasure1764285000000 implements MigrationInterface {
  name = 'AuthorErasure1764285000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE moderation.comments
        ALTER COLUMN author_email_hash DROP NOT NULL,
        ADD COLUMN erased_at timestamptz NULL`);
    await q.query(`
      CREATE TABLE moderation.erasures (
        id uuid PRIMARY KEY,
        site_id text NOT NULL REFERENCES moderation.sites(id),
        requested_by text NOT NULL,
        remove_comments boolean NOT NULL,
        comments int NOT NULL,
        removed int NOT NULL,
        erased_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX erasures_site_idx ON moderation.erasures (site_id, erased_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE moderation.erasures`);
    // Erased comments have no hash to restore; an empty one matches no author.
    await q.query(`UPDATE moderation.comments SET author_email_hash = '' WHERE author_email_hash IS NULL`);
    await q.query(`
      ALTER TABLE moderation.comments
        DROP COLUMN erased_at,
        ALTER COLUMN author_email_hash SET NOT NULL`);
  }
}
