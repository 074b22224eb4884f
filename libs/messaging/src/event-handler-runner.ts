import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { KafkaContext } from '@nestjs/microservices';
import {
  ContractViolationError,
  deadLetterTopic,
  EventEnvelope,
  parseContract,
  type EventTypeInfo,
} from '@replyguard/contracts';
import { kafkaConfig, MetricsRegistry } from '@replyguard/platform';
import type { ClassConstructor } from 'class-transformer';
import type { KafkaMessage } from 'kafkajs';
import type { KafkaBatchContext } from './batching-kafka.server';
import { isDependencyUnavailable, isPermanentDataError } from './dependency-errors';
import { KafkaProducerService } from './kafka-producer.service';

/** How long one message waits for an unavailable database before it fails (uncommitted). */
const DEPENDENCY_WAIT_MS = 120_000;

/** An event class: validated by class-validator, and knows its CloudEvents type. */
export type EventClass<T extends object> = ClassConstructor<T> & { info: EventTypeInfo };

/**
 * Runs a Kafka handler the same way for every consumer: the envelope and its data are validated
 * against the contract; a transient failure is retried a bounded number of times with backoff; a
 * message that is invalid or keeps failing goes to `<topic>.dlq` with the error, and the partition
 * moves on. An unreachable database is not the message's fault: the partition waits for it. Only when the dead-letter topic itself cannot be written does the error escape, so the
 * offset is not committed past lost work.
 */
@Injectable()
export class EventHandlerRunner {
  private readonly logger = new Logger(EventHandlerRunner.name);
  private readonly deadLetters;
  private readonly batchSizes;
  private readonly batchSeconds;

  constructor(
    private readonly producer: KafkaProducerService,
    @Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>,
    metrics: MetricsRegistry,
  ) {
    this.deadLetters = metrics.counter(
      'replyguard_kafka_dead_letters_total',
      'Consumed messages sent to the dead-letter topic, by source topic and error code',
      ['topic', 'code'],
    );
    this.batchSizes = metrics.histogram(
      'replyguard_kafka_consumer_batch_size',
      'Messages handed to a batch handler at once (stored together), by topic',
      ['topic'],
      [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    );
    this.batchSeconds = metrics.histogram(
      'replyguard_kafka_consumer_batch_duration_seconds',
      "Time a batch handler took, by topic; while it runs, the partition's next fetch waits",
      ['topic'],
    );
  }

  async run<T extends object>(
    context: KafkaContext,
    payload: unknown,
    eventClass: EventClass<T>,
    handle: (event: EventEnvelope<T>) => Promise<void>,
  ): Promise<void> {
    const source: MessageSource = {
      topic: context.getTopic(),
      partition: context.getPartition(),
      message: context.getMessage(),
      heartbeat: context.getHeartbeat(),
    };
    let event: EventEnvelope<T>;
    try {
      event = this.parse(payload, eventClass);
    } catch (error) {
      await this.deadLetter(source, payload, error, 0);
      return;
    }
    await this.handleWithRetries(source, payload, event, handle);
  }

  /**
   * Runs a batch (of one or several partitions): invalid messages go to the dead-letter topic, the
   * valid ones are handled together by `handleBatch` (one transaction), waiting out a database
   * outage. If the batch fails for another reason, each message is handled alone by `handleOne`,
   * with the usual retries and dead-lettering, so one bad message cannot hold back the others.
   */
  async runBatch<T extends object>(
    context: KafkaBatchContext,
    payloads: unknown[],
    eventClass: EventClass<T>,
    handleBatch: (events: EventEnvelope<T>[]) => Promise<void>,
    handleOne: (event: EventEnvelope<T>) => Promise<void>,
  ): Promise<void> {
    const valid: { source: MessageSource; payload: unknown; event: EventEnvelope<T> }[] = [];
    for (let i = 0; i < payloads.length; i++) {
      const source: MessageSource = {
        topic: context.topic,
        partition: context.partitions[i],
        message: context.messages[i],
        heartbeat: context.heartbeat,
      };
      try {
        valid.push({ source, payload: payloads[i], event: this.parse(payloads[i], eventClass) });
      } catch (error) {
        await this.deadLetter(source, payloads[i], error, 0);
      }
    }
    if (valid.length === 0) return;
    this.batchSizes.observe({ topic: context.topic }, valid.length);
    let outageSince: number | undefined;
    for (;;) {
      try {
        const stopTimer = this.batchSeconds.startTimer({ topic: context.topic });
        await handleBatch(valid.map((v) => v.event));
        stopTimer();
        return;
      } catch (error) {
        if (!isDependencyUnavailable(error)) {
          this.logger.warn(
            {
              err: error,
              topic: context.topic,
              partitions: distinct(context.partitions),
              size: valid.length,
            },
            'batch failed; handling its messages one by one',
          );
          break;
        }
        outageSince ??= Date.now();
        await this.waitForDependency(error, outageSince, context.heartbeat, {
          topic: context.topic,
          partitions: distinct(context.partitions),
        });
      }
    }
    for (const v of valid) await this.handleWithRetries(v.source, v.payload, v.event, handleOne);
  }

  private async handleWithRetries<T extends object>(
    source: MessageSource,
    payload: unknown,
    event: EventEnvelope<T>,
    handle: (event: EventEnvelope<T>) => Promise<void>,
  ): Promise<void> {
    const attempts = this.kafka.handlerAttempts;
    let outageSince: number | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        await handle(event);
        return;
      } catch (error) {
        if (isDependencyUnavailable(error)) {
          // The database is down: every message would fail alike. Wait for it (staying in the group)
          // without using up attempts; past the limit, fail without committing, to be redelivered.
          outageSince ??= Date.now();
          await this.waitForDependency(error, outageSince, source.heartbeat, {
            eventId: event.id,
            correlationId: event.correlationid,
          });
          attempt -= 1;
          continue;
        }
        if (error instanceof ContractViolationError || isPermanentDataError(error) || attempt >= attempts) {
          await this.deadLetter(source, payload, error, attempt);
          return;
        }
        const backoff = Math.min(5000, 100 * 2 ** (attempt - 1));
        this.logger.warn(
          { err: error, eventId: event.id, correlationId: event.correlationid, attempt, backoffMs: backoff },
          'event handler failed; retrying',
        );
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  }

  /** Waits a second for an unavailable dependency, heartbeating; rethrows past the limit. */
  private async waitForDependency(
    error: unknown,
    outageSince: number,
    heartbeat: () => Promise<void>,
    log: Record<string, unknown>,
  ): Promise<void> {
    if (Date.now() - outageSince > DEPENDENCY_WAIT_MS) throw error;
    this.logger.warn({ err: error, ...log }, 'a dependency is unavailable; waiting for it');
    await new Promise((r) => setTimeout(r, 1000));
    await heartbeat().catch(() => undefined);
  }

  private parse<T extends object>(payload: unknown, eventClass: EventClass<T>): EventEnvelope<T> {
    const envelope: EventEnvelope<unknown> = parseContract(EventEnvelope, payload);
    if (envelope.type !== eventClass.info.type) {
      throw new ContractViolationError(eventClass.name, [
        {
          field: 'type',
          rules: ['equals'],
          messages: [`type must be ${eventClass.info.type}, got ${String(envelope.type).slice(0, 100)}`],
        },
      ]);
    }
    const data = parseContract(eventClass, envelope.data);
    return Object.assign(envelope, { data });
  }

  private async deadLetter(
    source: MessageSource,
    payload: unknown,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const { topic, partition, message } = source;
    const code = error instanceof ContractViolationError ? error.code : 'HANDLER_FAILED';
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(
      { topic, partition, offset: message.offset, code, attempts, reason },
      'message sent to the dead-letter topic',
    );
    this.deadLetters.inc({ topic, code });
    const value = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
    await this.producer.send(deadLetterTopic(topic), [
      {
        key: message.key ?? null,
        value,
        headers: {
          'x-dlq-error-code': code,
          'x-dlq-error': reason.slice(0, 2000),
          'x-dlq-attempts': String(attempts),
          'x-dlq-topic': topic,
          'x-dlq-partition': String(partition),
          'x-dlq-offset': message.offset,
        },
      },
    ]);
  }
}

/** Where a consumed message came from: for dead letters and heartbeats. */
interface MessageSource {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'key' | 'offset'>;
  heartbeat: () => Promise<void>;
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)];
}
