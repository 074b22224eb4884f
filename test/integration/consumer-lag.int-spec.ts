import type { ConfigType } from '@nestjs/config';
import type { kafkaConfig, MetricsRegistry } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';
import { ConsumerLagMonitor } from '@replyguard/messaging';
import { testKafka } from '../support/kafka';

describe('consumer lag on the real broker', () => {
  const kafka = testKafka();
  const admin = kafka.admin();
  let monitor: ConsumerLagMonitor;

  beforeAll(async () => {
    await admin.connect();
    const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
    monitor = new ConsumerLagMonitor(
      { brokers } as ConfigType<typeof kafkaConfig>,
      {} as MetricsRegistry, // lagOf reads no metric
    );
  });

  afterAll(async () => {
    await monitor?.onModuleDestroy();
    await admin.disconnect();
  });

  it('counts a subscribed topic the group has never committed on from its first record, and a committed one from its offset', async () => {
    const [untouched, consumed] = [`lag-untouched-${randomUUID()}`, `lag-consumed-${randomUUID()}`];
    await admin.createTopics({
      topics: [untouched, consumed].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    const producer = kafka.producer();
    await producer.connect();
    for (const topic of [untouched, consumed]) {
      await producer.send({ topic, acks: -1, messages: [1, 2, 3].map((n) => ({ value: `record ${n}` })) });
    }
    await producer.disconnect();
    const groupId = `lag-group-${randomUUID()}`;
    // The group has handled two of the consumed topic's three records, and nothing of the other.
    await admin.setOffsets({ groupId, topic: consumed, partitions: [{ partition: 0, offset: '2' }] });

    expect(await monitor.lagOf(groupId, [untouched, consumed])).toEqual(
      expect.arrayContaining([
        { topic: untouched, partition: '0', lag: 3 },
        { topic: consumed, partition: '0', lag: 1 },
      ]),
    );
    // Without the topics it subscribes to, only what it committed on can be seen.
    expect(await monitor.lagOf(groupId)).toEqual([{ topic: consumed, partition: '0', lag: 1 }]);
  });
});
