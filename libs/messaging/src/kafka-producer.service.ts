import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { KafkaLogger } from '@nestjs/microservices';
import { kafkaConfig } from '@replyguard/platform';
import { Kafka, logLevel, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { KafkaAckTimeoutError, withDeadline } from './deadline';
import { SendCoalescer } from './send-coalescer';

/**
 * One kafkajs producer per service. Every send waits for all in-sync replicas (acks = -1), so a
 * resolved send means the record is durable; a failed send rejects and nothing is assumed.
 * Concurrent `send`s are coalesced into one produce request (see SendCoalescer): one round trip
 * to the broker then acknowledges many HTTP requests at once.
 */
@Injectable()
export class KafkaProducerService implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducerService.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  private readonly coalescer: SendCoalescer;

  constructor(@Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>) {
    const client = new Kafka({
      clientId: 'replyguard-producer',
      brokers: kafka.brokers,
      logLevel: logLevel.ERROR,
      // Through the service's logger, as Nest's consumer does: kafkajs's own lines bypass LOG_FILE.
      logCreator: KafkaLogger.bind(null, this.logger),
      connectionTimeout: 3000,
      requestTimeout: kafka.ackTimeoutMs,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    this.producer = client.producer({ allowAutoTopicCreation: false });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = undefined;
    });
    this.coalescer = new SendCoalescer((batch) => this.sendBatch(batch), {
      lingerMs: kafka.produceLingerMs,
      maxBatchMessages: kafka.produceMaxBatch,
      // Two batches in flight: one is being acknowledged while the next one fills.
      maxInFlight: 2,
    });
  }

  private async ensureConnected(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  /**
   * Resolves once the broker acknowledged these messages on all in-sync replicas. Rejects with a
   * KafkaAckTimeoutError when that takes longer than KAFKA_ACK_TIMEOUT_MS all told: waiting for a
   * batch, connecting and the client's own retries (each of which may take that long again) included.
   */
  send(topic: string, messages: Message[]): Promise<void> {
    const timeoutMs = this.kafka.ackTimeoutMs;
    return withDeadline(
      this.coalescer.send(topic, messages),
      timeoutMs,
      () => new KafkaAckTimeoutError(timeoutMs),
    );
  }

  async sendBatch(topicMessages: TopicMessages[]): Promise<void> {
    await this.ensureConnected();
    await this.producer.sendBatch({ topicMessages, acks: -1, timeout: this.kafka.ackTimeoutMs });
  }

  /** Last: the outbox relay's final drain and the consumers' dead letters still need the producer. */
  async onApplicationShutdown(): Promise<void> {
    try {
      await this.producer.disconnect();
    } catch (error) {
      this.logger.warn({ err: error }, 'producer did not disconnect cleanly');
    }
  }
}
