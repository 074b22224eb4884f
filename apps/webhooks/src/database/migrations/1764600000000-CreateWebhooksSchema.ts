import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooksSchema1764600000000 implements MigrationInterface {
  name = 'CreateWebhooksSchema1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS webhooks`);
    await q.query(`
      CREATE TABLE webhooks.subscriptions (
        id uuid PRIMARY KEY,
        site_id text NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX subscriptions_site_idx ON webhooks.subscriptions (site_id, created_at)`);
    await q.query(`
      CREATE TABLE webhooks.deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhooks.subscriptions (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts int NOT NULL DEFAULT 0,
        cycle_attempts int NOT NULL DEFAULT 0,
        cycle_started_at timestamptz NOT NULL,
        next_attempt_at timestamptz NULL,
        last_status_code int NULL,
        last_error text NULL,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (subscription_id, event_id)
      )`);
    // The dispatcher's poll: only pending rows, by due time.
    await q.query(
      `CREATE INDEX deliveries_due_idx ON webhooks.deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX deliveries_listing_idx ON webhooks.deliveries (subscription_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX deliveries_retention_idx ON webhooks.deliveries (updated_at) WHERE status <> 'pending'`,
    );
    await q.query(`
      CREATE TABLE webhooks.delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhooks.deliveries (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        status_code int NULL,
        error text NULL,
        duration_ms int NOT NULL
      )`);
    await q.query(
      `CREATE INDEX delivery_attempts_delivery_idx ON webhooks.delivery_attempts (delivery_id, id DESC)`,
    );
    await q.query(`
      CREATE TABLE webhooks.processed_messages (
        consumer text NOT NULL,
        message_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhooks.processed_messages`);
    await q.query(`DROP TABLE webhooks.delivery_attempts`);
    await q.query(`DROP TABLE webhooks.deliveries`);
    await q.query(`DROP TABLE webhooks.subscriptions`);
    await q.query(`DROP SCHEMA IF EXISTS webhooks`);
  }
}
