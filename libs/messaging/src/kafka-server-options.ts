import { type KafkaOptions, Transport } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';

/** Options for a service's Kafka consumer (NestJS Kafka transport on kafkajs). */
export function kafkaConsumerOptions(params: {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** Partitions handled at once; order within a partition (one article) is kept. */
  partitionsConsumedConcurrently?: number;
}): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
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
        heartbeatInterval: 3000,
        allowAutoTopicCreation: false,
      },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, partitionsConsumedConcurrently: params.partitionsConsumedConcurrently ?? 1 },
      // Replies are never used: these are events.
      producerOnlyMode: false,
    },
  };
}
