// Proves that kafkajs 2.2.4 (the client NestJS's Kafka transport uses) talks to the local Kafka 4.x
// broker that the integration global setup starts (tools/kafka/local-kafka.cjs) and exports as
// KAFKA_BROKERS: create a topic, produce with acks=-1, consume the same messages back in order.
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Kafka, logLevel, Producer } from 'kafkajs';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

describe('local Kafka broker', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const runId = randomUUID().slice(0, 8);
  const topic = `local-kafka-it-${runId}`;
  let kafka: Kafka;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  beforeAll(() => {
    if (brokers.length === 0) {
      throw new Error(
        'KAFKA_BROKERS is not set: the integration global setup should start Kafka and export it',
      );
    }
    kafka = new Kafka({ clientId: `local-kafka-it-${runId}`, brokers, logLevel: logLevel.WARN });
  });

  afterEach(async () => {
    await Promise.allSettled([consumer?.disconnect(), producer?.disconnect(), admin?.disconnect()]);
    consumer = producer = admin = undefined;
  });

  it('answers describeCluster with one broker', async () => {
    admin = kafka.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    expect(cluster.brokers).toHaveLength(1);
    expect(cluster.clusterId).toEqual(expect.any(String));
  });

  it('round-trips three messages in order (acks=-1 producer, group consumer)', async () => {
    admin = kafka.admin();
    await admin.connect();
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    expect(created).toBe(true);

    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const sent = [
      { key: 'article-1', value: 'first comment' },
      { key: 'article-1', value: 'second comment' },
      { key: 'article-1', value: 'third comment', headers: { 'event-type': 'comment.created' } },
    ];
    const metadata = await producer.send({ topic, acks: -1, messages: sent });
    expect(metadata).toEqual([expect.objectContaining({ topicName: topic, partition: 0, errorCode: 0 })]);

    consumer = kafka.consumer({ groupId: `local-kafka-it-${runId}`, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });

    const received: { key: string; value: string; offset: string; eventType?: string }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`received only ${received.length} of 3 messages`)),
        30_000,
      );
      void consumer!.run({
        eachMessage: async ({ message }) => {
          received.push({
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            offset: message.offset,
            eventType: message.headers?.['event-type']?.toString(),
          });
          if (received.length >= sent.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await done;

    expect(received).toEqual([
      { key: 'article-1', value: 'first comment', offset: '0', eventType: undefined },
      { key: 'article-1', value: 'second comment', offset: '1', eventType: undefined },
      { key: 'article-1', value: 'third comment', offset: '2', eventType: 'comment.created' },
    ]);
  });
});
