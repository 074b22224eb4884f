import type { INestApplication } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { COMPACTED_TOPICS, deadLetterTopic, Topics } from '@replyguard/contracts';
import { kafkaConfig, outboxConfig } from '@replyguard/platform';
import { ConsumerLagMonitor } from './consumer-lag.monitor';
import { kafkaConsumerStrategy } from './kafka-server-options';
import { ensureTopics } from './topic-provisioner';

/**
 * The topic-level settings a Replyguard topic is created with (the broker's defaults for the rest):
 * the site topics are compacted, and the submission topic and its dead letters, which hold personal
 * data, are kept `personalDataRetentionHours`. docs/asyncapi.yaml describes the same.
 */
export function topicConfig(
  topic: string,
  { personalDataRetentionHours }: { personalDataRetentionHours: number },
): Record<string, string> {
  if (COMPACTED_TOPICS.includes(topic)) return { 'cleanup.policy': 'compact' };
  if (topic === Topics.CommentSubmittedV1 || topic === deadLetterTopic(Topics.CommentSubmittedV1)) {
    return { 'retention.ms': String(personalDataRetentionHours * 3_600_000) };
  }
  return {};
}

/** Creates the Replyguard topics (and their dead-letter topics) that are missing. */
export async function provisionTopics(app: INestApplication): Promise<void> {
  const kafka = app.get<ConfigType<typeof kafkaConfig>>(kafkaConfig.KEY);
  const outbox = app.get<ConfigType<typeof outboxConfig>>(outboxConfig.KEY);
  await ensureTopics(kafka.brokers, {
    topics: Object.values(Topics),
    partitions: outbox.topicPartitions,
    replicationFactor: outbox.replicationFactor,
    withDeadLetters: true,
    configFor: (topic) => topicConfig(topic, outbox),
  });
}

/**
 * Attaches the service's Kafka consumer to its HTTP application (a hybrid app). `service` names the
 * consumer group, so every service reads every topic it handles independently of the others.
 */
export async function startKafkaConsumer(app: INestApplication, service: string): Promise<void> {
  const kafka = app.get<ConfigType<typeof kafkaConfig>>(kafkaConfig.KEY);
  const consumer = kafkaConsumerStrategy({
    brokers: kafka.brokers,
    clientId: `replyguard-${service}`,
    groupId: `${kafka.groupPrefix}-${service}`,
    partitionsConsumedConcurrently: kafka.consumerConcurrency,
    maxBatch: kafka.consumerMaxBatch,
    commitIntervalMs: kafka.consumerCommitIntervalMs,
  });
  app.connectMicroservice(consumer, { inheritAppConfig: false });
  await app.startAllMicroservices();
  // The topics the service handles are the patterns its message controllers registered.
  const topics = [...consumer.strategy.getHandlers().keys()].filter((t) => !t.includes('{'));
  app.get(ConsumerLagMonitor).watch(`${kafka.groupPrefix}-${service}`, topics);
}
