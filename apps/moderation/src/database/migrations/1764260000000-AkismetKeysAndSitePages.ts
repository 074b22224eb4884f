import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Akismet-compatible API keys per site (stored as hashes), labeled examples that come from outside
 * (Akismet feedback, not a stored comment), and the site settings of WordPress comment forms.
 */
export class AkismetKeysAndSitePages1764260000000 implements MigrationInterface {
  name = 'AkismetKeysAndSitePages1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE moderation.sites
        ADD COLUMN article_url_template text NULL,
        ADD COLUMN language text NULL`);

    await q.query(`
      CREATE TABLE moderation.site_api_keys (
        id uuid PRIMARY KEY,
        site_id text NOT NULL REFERENCES moderation.sites(id),
        key_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX site_api_keys_site_idx ON moderation.site_api_keys (site_id, created_at)`);

    // An example is about a stored comment, or (Akismet feedback) about a text known by its hash.
    await q.query(`
      ALTER TABLE moderation.labeled_examples
        ALTER COLUMN comment_id DROP NOT NULL,
        ADD COLUMN external_key text NULL,
        ADD CONSTRAINT labeled_examples_subject_check CHECK ((comment_id IS NULL) <> (external_key IS NULL))`);
    await q.query(`
      CREATE UNIQUE INDEX labeled_examples_external_idx
        ON moderation.labeled_examples (site_id, external_key, task) WHERE external_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM moderation.labeled_examples WHERE external_key IS NOT NULL`);
    await q.query(`DROP INDEX moderation.labeled_examples_external_idx`);
    await q.query(`
      ALTER TABLE moderation.labeled_examples
        DROP CONSTRAINT labeled_examples_subject_check,
        DROP COLUMN external_key,
        ALTER COLUMN comment_id SET NOT NULL`);
    await q.query(`DROP TABLE moderation.site_api_keys`);
    await q.query(`ALTER TABLE moderation.sites DROP COLUMN article_url_template, DROP COLUMN language`);
  }
}
