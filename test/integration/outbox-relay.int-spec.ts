import { createEnvelope } from '@replyguard/contracts';
import { enqueueOutbox, OutboxRelay, type OutboxRecord } from '@replyguard/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { recordTopics } from '../support/kafka';
import { eventually } from '../support/system';
import { testKafka } from '../support/kafka';

const ROWS = 600;

describe(OutboxRelay.name, () => {
  const schema = `relay_${randomUUID().slice(0, 8)}`;
  const topic = `it.outbox.${schema}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 6 } });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query(
      `CREATE TABLE ${schema}.outbox (id bigserial PRIMARY KEY, topic text NOT NULL, key text NOT NULL,
         payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    const admin = testKafka().admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
  });

  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });

  it('publishes every row exactly once with two relays draining the same table', async () => {
    const records: OutboxRecord[] = Array.from({ length: ROWS }, (_, i) => ({
      topic,
      key: `site:article-${i % 7}`,
      envelope: createEnvelope(
        { type: 'org.replyguard.test.v1', dataschema: 'urn:test' },
        { n: i },
        { source: '/test', subject: String(i), correlationId: String(i) },
      ),
    }));
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < records.length; i += 100) {
        await enqueueOutbox(manager, `${schema}.outbox`, records.slice(i, i + 100));
      }
    });

    const producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const sender = {
      sendBatch: (topicMessages: Parameters<typeof producer.sendBatch>[0]['topicMessages']) =>
        producer.sendBatch({ topicMessages, acks: -1 }).then(() => undefined),
    };
    const relays = [1, 2].map(
      () =>
        new OutboxRelay(dataSource, sender, { table: `${schema}.outbox`, batchSize: 25, pollIntervalMs: 10 }),
    );
    const recorder = await recordTopics([topic]);
    try {
      relays.forEach((r) => r.start());
      await eventually(async () => (recorder.messages.length >= ROWS ? true : undefined), {
        timeoutMs: 30000,
        what: `${ROWS} published rows`,
      });
      await Promise.all(relays.map((r) => r.stop()));
      // Give a duplicate, were there one, the time to arrive.
      await new Promise((r) => setTimeout(r, 1000));

      const ids = recorder.messages.map((m) => (JSON.parse(m.value) as { id: string }).id);
      expect(ids).toHaveLength(ROWS);
      expect(new Set(ids).size).toBe(ROWS);
      expect(new Set(ids)).toEqual(new Set(records.map((r) => r.envelope.id)));
      expect(await relays[0].backlog()).toBe(0);
    } finally {
      await recorder.stop();
      await producer.disconnect();
    }
  });
});
