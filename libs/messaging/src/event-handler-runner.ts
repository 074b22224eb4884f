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
import { isDependencyUnavailable } from './dependency-errors';
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
  }

  async run<T extends object>(
    context: KafkaContext,
    payload: unknown,
    eventClass: EventClass<T>,
    handle: (event: EventEnvelope<T>) => Promise<void>,
  ): Promise<void> {
    let event: EventEnvelope<T>;
    try {
      event = this.parse(payload, eventClass);
    } catch (error) {
      await this.deadLetter(context, payload, error, 0);
      return;
    }
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
          if (Date.now() - outageSince > DEPENDENCY_WAIT_MS) throw error;
          this.logger.warn(
            { err: error, eventId: event.id, correlationId: event.correlationid },
            'a dependency is unavailable; waiting for it',
          );
          await new Promise((r) => setTimeout(r, 1000));
          await context
            .getHeartbeat()()
            .catch(() => undefined);
          attempt -= 1;
          continue;
        }
        if (error instanceof ContractViolationError || attempt >= attempts) {
          await this.deadLetter(context, payload, error, attempt);
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
    context: KafkaContext,
    payload: unknown,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const message = context.getMessage();
    const topic = context.getTopic();
    const code = error instanceof ContractViolationError ? error.code : 'HANDLER_FAILED';
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(
      { topic, partition: context.getPartition(), offset: message.offset, code, attempts, reason },
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
          'x-dlq-partition': String(context.getPartition()),
          'x-dlq-offset': message.offset,
        },
      },
    ]);
  }
}
