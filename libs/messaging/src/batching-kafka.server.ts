import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage, TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { BatchGatherer, type PartitionChunk } from './batch-gatherer';
import { OffsetCommitter } from './offset-committer';

/** `@EventPattern(topic, BATCH_HANDLER)`: the handler receives a batch (see KafkaBatchContext). */
export const BATCH_HANDLER = { batch: true } as const;

/**
 * What a batch handler gets with `@Ctx()`: the raw messages of one topic, whose deserialized values
 * arrive as the `@Payload()` array (same order, same length), and the partition of each. A batch
 * may hold several partitions' messages; those of one partition are contiguous, in offset order.
 */
export class KafkaBatchContext {
  constructor(
    readonly topic: string,
    readonly messages: readonly KafkaMessage[],
    readonly partitions: readonly number[],
    readonly heartbeat: () => Promise<void>,
  ) {}

  /** Joins chunks of several partitions into one context. */
  static of(topic: string, chunks: readonly PartitionChunk[]): KafkaBatchContext {
    return new KafkaBatchContext(
      topic,
      chunks.flatMap((c) => c.messages),
      chunks.flatMap((c) => c.messages.map(() => c.partition)),
      chunks[0].heartbeat,
    );
  }
}

/**
 * NestJS's Kafka transport, consuming with kafkajs `eachBatch` instead of `eachMessage`. A handler
 * registered with `BATCH_HANDLER` receives up to `maxBatch` messages at a time, gathered from the
 * partitions a fetch delivered together (BatchGatherer), so it can write them in one transaction;
 * every other handler still receives one message at a time.
 * Offsets are resolved only after the handler returns, chunk by chunk, and committed in the
 * background every `commitIntervalMs` (OffsetCommitter), or after every batch when it is 0; a crash
 * redelivers what was handled since the last commit, and order within a partition (one article) is
 * kept. On shutdown every handled offset is committed before the consumer leaves its group.
 */
export class BatchingKafkaServer extends ServerKafka {
  private committer?: OffsetCommitter;
  private closing = false;
  private readonly gatherers = new Map<string, BatchGatherer>();
  private readonly handlersByTopic = new Map<string, ReturnType<ServerKafka['getHandlerByPattern']>>();

  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly maxBatch: number,
    private readonly commitIntervalMs = 0,
  ) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics });
    const committer = new OffsetCommitter(
      (offsets) => consumer.commitOffsets(offsets),
      this.commitIntervalMs,
      (error, offsets) =>
        this.logger.warn({ err: error, offsets }, 'could not commit consumer offsets; will retry'),
    );
    this.committer = committer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => committer.retain(event.payload.memberAssignment));
    await consumer.run({
      ...this.options.run,
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /**
   * Commits what was handled while the consumer still runs, then stops it; batches still in flight
   * commit their own offsets before the consumer leaves its group.
   */
  override async close(): Promise<void> {
    this.closing = true;
    await this.committer?.flush();
    await super.close();
    this.committer?.stop();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const pause = (): (() => void) => payload.pause();
    const handler = this.getHandlerByPattern(topic);
    const batched = handler?.extras?.batch === true;
    const step = batched ? this.maxBatch : 1;
    try {
      for (let start = 0; start < batch.messages.length; start += step) {
        if (!payload.isRunning() || payload.isStale()) return;
        const chunk = batch.messages.slice(start, start + step);
        if (batched) {
          const values = await Promise.all(chunk.map((m) => this.deserialize(topic, partition, m)));
          await this.gathererOf(topic).submit({ partition, messages: chunk, values, heartbeat });
        } else {
          await this.handleMessage({ topic, partition, message: chunk[0], heartbeat, pause });
        }
        const last = chunk[chunk.length - 1].offset;
        payload.resolveOffset(last);
        this.committer?.note(topic, partition, String(BigInt(last) + 1n));
        await heartbeat();
      }
    } finally {
      // Stopping: the consumer's own commit no longer runs, so the batch commits with its payload.
      if (this.commitIntervalMs === 0 || this.closing || !payload.isRunning()) {
        await this.committer?.flush((offsets) => payload.commitOffsetsIfNecessary(byTopic(offsets)));
      }
    }
  }

  /**
   * Nest resolves a pattern by trying `JSON.parse` on it first, and a topic name makes that throw:
   * an exception for every batch, and for every message of a one-at-a-time handler. Topics are the
   * patterns here and the handlers are fixed once bound, so each topic is resolved once.
   */
  override getHandlerByPattern(pattern: string): ReturnType<ServerKafka['getHandlerByPattern']> {
    let handler = this.handlersByTopic.get(pattern);
    if (handler === undefined) {
      handler = super.getHandlerByPattern(pattern);
      if (handler) this.handlersByTopic.set(pattern, handler);
    }
    return handler;
  }

  private gathererOf(topic: string): BatchGatherer {
    let gatherer = this.gatherers.get(topic);
    if (!gatherer) {
      gatherer = new BatchGatherer(this.maxBatch, async (chunks) => {
        const data = chunks.flatMap((c) => c.values);
        await this.handleEvent(topic, { pattern: topic, data }, KafkaBatchContext.of(topic, chunks) as never);
      });
      this.gatherers.set(topic, gatherer);
    }
    return gatherer;
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

/** kafkajs's batch-payload commit takes offsets grouped by topic. */
function byTopic(offsets: TopicPartitionOffsetAndMetadata[]): {
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
} {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    const list = topics.get(topic) ?? [];
    list.push({ partition, offset });
    topics.set(topic, list);
  }
  return { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) };
}
