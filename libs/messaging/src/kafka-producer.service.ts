import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { kafkaConfig } from '@replyguard/platform';
import { Kafka, logLevel, type Message, type Producer, type TopicMessages } from 'kafkajs';

/**
 * One kafkajs producer per service. Every send waits for all in-sync replicas (acks = -1), so a
 * resolved send means the record is durable; a failed send rejects and nothing is assumed.
 */
@Injectable()
export class KafkaProducerService implements OnModuleDestroy {
  private readonly logger = new Logger(KafkaProducerService.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;

  constructor(@Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>) {
    const client = new Kafka({
      clientId: 'replyguard-producer',
      brokers: kafka.brokers,
      logLevel: logLevel.ERROR,
      connectionTimeout: 3000,
      requestTimeout: kafka.ackTimeoutMs,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    this.producer = client.producer({ allowAutoTopicCreation: false });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = undefined;
    });
  }

  private async ensureConnected(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async send(topic: string, messages: Message[]): Promise<void> {
    await this.ensureConnected();
    await this.producer.send({ topic, messages, acks: -1, timeout: this.kafka.ackTimeoutMs });
  }

  async sendBatch(topicMessages: TopicMessages[]): Promise<void> {
    await this.ensureConnected();
    await this.producer.sendBatch({ topicMessages, acks: -1, timeout: this.kafka.ackTimeoutMs });
  }

  async onModuleDestroy(): Promise<void> {
    try {
      await this.producer.disconnect();
    } catch (error) {
      this.logger.warn({ err: error }, 'producer did not disconnect cleanly');
    }
  }
}
