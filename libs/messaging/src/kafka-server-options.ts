import type { CustomStrategy, KafkaOptions } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import { BatchingKafkaServer } from './batching-kafka.server';

/** Options for a service's Kafka consumer (NestJS Kafka transport on kafkajs). */
export function kafkaConsumerOptions(params: {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** Partitions handled at once; order within a partition (one article) is kept. */
  partitionsConsumedConcurrently?: number;
}): Required<KafkaOptions>['options'] {
  return {
    // Nest appends "-server" to ids unless told otherwise; keep the ids we chose.
    postfixId: '',
    client: {
      clientId: params.clientId,
      brokers: params.brokers,
      logLevel: logLevel.ERROR,
      retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 },
    },
    consumer: {
      groupId: params.groupId,
      sessionTimeout: 30000,
      // How long the coordinator waits for the members to rejoin in a rebalance (kafkajs: 60 s). A
      // member stopping while its group rebalances (a deploy, a test closing its services) waits for
      // the join in flight, so this bounds a stop; a batch takes milliseconds to seconds to finish.
      rebalanceTimeout: 30000,
      heartbeatInterval: 3000,
      // How long the broker holds a fetch while there is nothing to read (kafkajs default: 5 s).
      // Stopping waits for the fetch in flight, so an idle consumer took up to 5 s to close.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    },
    subscribe: { fromBeginning: true },
    // BatchingKafkaServer turns kafkajs's auto-commit off and commits itself (OffsetCommitter).
    run: { partitionsConsumedConcurrently: params.partitionsConsumedConcurrently ?? 1 },
    // Replies are never used: these are events.
    producerOnlyMode: false,
  };
}

/**
 * The consumer as a NestJS transport strategy: the Kafka transport consuming in batches, so
 * handlers registered with BATCH_HANDLER receive up to `maxBatch` messages at once, gathered from
 * the partitions of a fetch.
 */
export function kafkaConsumerStrategy(
  params: Parameters<typeof kafkaConsumerOptions>[0] & { maxBatch: number; commitIntervalMs?: number },
): CustomStrategy & { strategy: BatchingKafkaServer } {
  return {
    strategy: new BatchingKafkaServer(kafkaConsumerOptions(params), params.maxBatch, params.commitIntervalMs),
  };
}
