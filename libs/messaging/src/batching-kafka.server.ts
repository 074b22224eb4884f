import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';

/** `@EventPattern(topic, BATCH_HANDLER)`: the handler receives a batch (see KafkaBatchContext). */
export const BATCH_HANDLER = { batch: true } as const;

/**
 * What a batch handler gets with `@Ctx()`: the raw messages of one partition, in offset order,
 * whose deserialized values arrive as the `@Payload()` array (same order, same length).
 */
export class KafkaBatchContext {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly messages: readonly KafkaMessage[],
    readonly heartbeat: () => Promise<void>,
  ) {}
}

/**
 * NestJS's Kafka transport, consuming with kafkajs `eachBatch` instead of `eachMessage`. A handler
 * registered with `BATCH_HANDLER` receives up to `maxBatch` messages of one partition at a time, so
 * it can write them in one transaction; every other handler still receives one message at a time.
 * Offsets are resolved only after the handler returns, chunk by chunk, so a crash redelivers at
 * most the chunk in flight, and order within a partition (one article) is kept.
 */
export class BatchingKafkaServer extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly maxBatch: number,
  ) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics });
    await consumer.run({
      ...this.options.run,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const pause = (): (() => void) => payload.pause();
    const handler = this.getHandlerByPattern(topic);
    const batched = handler?.extras?.batch === true;
    const step = batched ? this.maxBatch : 1;
    for (let start = 0; start < batch.messages.length; start += step) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(start, start + step);
      if (batched) {
        const values = await Promise.all(chunk.map((m) => this.deserialize(topic, partition, m)));
        const context = new KafkaBatchContext(topic, partition, chunk, heartbeat);
        await this.handleEvent(topic, { pattern: topic, data: values }, context as never);
      } else {
        await this.handleMessage({ topic, partition, message: chunk[0], heartbeat, pause });
      }
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  }

  private async deserialize(topic: string, partition: number, message: KafkaMessage): Promise<unknown> {
    const raw = this.parser!.parse<KafkaMessage & { topic: string; partition: number }>({
      ...message,
      topic,
      partition,
    });
    const packet = await this.deserializer.deserialize(raw, { channel: topic });
    return (packet as { data: unknown }).data;
  }
}
