import { CommentRemovedV1, createEnvelope, type EventEnvelope } from '@replyguard/contracts';
import { MetricsRegistry } from '@replyguard/platform';
import type { KafkaMessage, Message } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { KafkaBatchContext } from './batching-kafka.server';
import { EventHandlerRunner } from './event-handler-runner';
import type { KafkaProducerService } from './kafka-producer.service';

function removal(): EventEnvelope<CommentRemovedV1> {
  const commentId = uuidv7();
  return createEnvelope(
    CommentRemovedV1.info,
    {
      commentId,
      siteId: 'default',
      articleId: 'a1',
      removedBy: 'mod-1',
      removedAt: new Date().toISOString(),
      reason: 'spam',
    },
    { source: '/test', subject: commentId, correlationId: commentId },
  );
}

function setup() {
  const deadLetters: { topic: string; messages: Message[] }[] = [];
  const producer = {
    send: (topic: string, messages: Message[]) => Promise.resolve(void deadLetters.push({ topic, messages })),
  } as unknown as KafkaProducerService;
  const metrics = new MetricsRegistry('unit-test');
  const runner = new EventHandlerRunner(producer, { handlerAttempts: 2 } as never, metrics);
  return { runner, deadLetters, metrics };
}

function context(count: number): KafkaBatchContext {
  const messages = Array.from(
    { length: count },
    (_, i) => ({ key: Buffer.from('k'), offset: String(100 + i) }) as KafkaMessage,
  );
  return new KafkaBatchContext(
    'comments.removed.v1',
    messages,
    messages.map(() => 0),
    () => Promise.resolve(),
  );
}

describe('EventHandlerRunner.runBatch', () => {
  it('hands the valid events to the batch handler together and dead-letters the invalid one', async () => {
    const { runner, deadLetters, metrics } = setup();
    const events = [removal(), removal()];
    const payloads = [events[0], { not: 'an envelope' }, events[1]];
    const batches: string[][] = [];
    await runner.runBatch(
      context(3),
      payloads,
      CommentRemovedV1,
      (batch) => Promise.resolve(void batches.push(batch.map((e) => e.id))),
      () => Promise.reject(new Error('not called')),
    );
    expect(batches).toEqual([[events[0].id, events[1].id]]);
    expect(deadLetters.map((d) => [d.topic, d.messages[0].headers?.['x-dlq-offset']])).toEqual([
      ['comments.removed.v1.dlq', '101'],
    ]);
    const { body } = await metrics.text();
    expect(body).toMatch(
      /^replyguard_kafka_consumer_batch_size_sum\{[^}]*topic="comments\.removed\.v1"[^}]*\} 2$/m,
    );
    expect(body).toMatch(
      /^replyguard_kafka_consumer_batch_duration_seconds_count\{[^}]*topic="comments\.removed\.v1"[^}]*\} 1$/m,
    );
  });

  it('falls back to one by one when the batch fails, so only the bad event is dead-lettered', async () => {
    const { runner, deadLetters } = setup();
    const [good, bad, alsoGood] = [removal(), removal(), removal()];
    const handled: string[] = [];
    await runner.runBatch(
      context(3),
      [good, bad, alsoGood],
      CommentRemovedV1,
      () => Promise.reject(new Error('one row broke the batch')),
      (event) =>
        event.id === bad.id
          ? Promise.reject(new Error('this one is broken'))
          : Promise.resolve(void handled.push(event.id)),
    );
    expect(handled).toEqual([good.id, alsoGood.id]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].messages[0].headers).toMatchObject({
      'x-dlq-error-code': 'HANDLER_FAILED',
      'x-dlq-offset': '101',
      'x-dlq-attempts': '2',
    });
  });

  it('dead-letters what the database refuses for good after one attempt', async () => {
    const { runner, deadLetters } = setup();
    const refused = Object.assign(new Error('violates foreign key constraint'), { code: '23503' });
    let attempts = 0;
    await runner.runBatch(
      context(1),
      [removal()],
      CommentRemovedV1,
      () => Promise.reject(refused),
      () => {
        attempts += 1;
        return Promise.reject(refused);
      },
    );
    expect(attempts).toBe(1);
    expect(deadLetters[0].messages[0].headers?.['x-dlq-attempts']).toBe('1');
  });

  it('waits out a database outage and retries the whole batch, using up no attempts', async () => {
    const { runner, deadLetters } = setup();
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    let calls = 0;
    await runner.runBatch(
      context(2),
      [removal(), removal()],
      CommentRemovedV1,
      () => (++calls < 2 ? Promise.reject(down) : Promise.resolve()),
      () => Promise.reject(new Error('not called')),
    );
    expect(calls).toBe(2);
    expect(deadLetters).toEqual([]);
  });
});
