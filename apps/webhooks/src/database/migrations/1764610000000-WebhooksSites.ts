import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhooks service's own copy of the sites, kept from `sites.configured.v1`/`v2`, so that a
 * subscription for a site that does not exist is refused. Existing subscriptions are not touched,
 * whether their site is known or not.
 */
export class WebhooksSites1764610000000 implements MigrationInterface {
  name = 'WebhooksSites1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks.sites (
        id text PRIMARY KEY,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        configured_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Moderation and ingest create the default site in their migrations, never by an event; so here.
    // configured_at NULL: any record of it on the topic replaces this row.
    await q.query(`INSERT INTO webhooks.sites (id, name) VALUES ('default', 'Default site')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhooks.sites`);
  }
}
