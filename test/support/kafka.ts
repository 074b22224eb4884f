import { randomUUID } from 'node:crypto';
import { type Consumer, Kafka, logLevel } from 'kafkajs';

export function testKafka(): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set (the global setup sets it)');
  return new Kafka({ clientId: `test-${randomUUID().slice(0, 8)}`, brokers, logLevel: logLevel.NOTHING });
}

export interface RecordedMessage {
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** Records every message on the given topics, from the beginning, for assertions. */
export async function recordTopics(topics: string[]): Promise<{
  messages: RecordedMessage[];
  stop(): Promise<void>;
}> {
  const consumer: Consumer = testKafka().consumer({ groupId: `test-recorder-${randomUUID()}` });
  const messages: RecordedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      messages.push({
        topic,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers,
      });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
