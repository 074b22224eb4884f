import { KafkaParser } from '@nestjs/microservices/helpers/kafka-parser';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { BatchingKafkaServer, KafkaBatchContext } from './batching-kafka.server';

const TOPIC = 'comments.submitted.v1';

function message(offset: number): KafkaMessage {
  return {
    key: Buffer.from('site:article'),
    value: Buffer.from(JSON.stringify({ n: offset })),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    headers: {},
  };
}

/** A batch payload as kafkajs hands it over, recording what the server does with it. */
function batchPayload(count: number, opts: { stopAfterResolves?: number } = {}) {
  const resolved: string[] = [];
  const payload = {
    batch: { topic: TOPIC, partition: 3, messages: Array.from({ length: count }, (_, i) => message(i + 10)) },
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: () => Promise.resolve(),
    pause: () => () => undefined,
    isRunning: () => opts.stopAfterResolves === undefined || resolved.length < opts.stopAfterResolves,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { payload, resolved };
}

/** The server with one handler registered for TOPIC, as Nest would register it. */
function serverWith(
  handler: (data: unknown, ctx: unknown) => Promise<unknown>,
  batch: boolean,
  maxBatch = 2,
) {
  const server = new BatchingKafkaServer({ client: { brokers: ['127.0.0.1:1'] } }, maxBatch);
  const registered = Object.assign(handler, { isEventHandler: true, extras: batch ? { batch: true } : {} });
  server.addHandler(TOPIC, registered, true, registered.extras);
  // The parser is created when the server connects; these tests never connect.
  Object.assign(server, { parser: new KafkaParser() });
  return server as unknown as { handleBatch(p: EachBatchPayload): Promise<void> };
}

describe(BatchingKafkaServer.name, () => {
  it('hands a batch handler chunks of at most maxBatch messages, in order, and resolves each chunk after it', async () => {
    const calls: { data: unknown[]; offsets: string[] }[] = [];
    const server = serverWith(async (data, ctx) => {
      const context = ctx as KafkaBatchContext;
      calls.push({ data: data as unknown[], offsets: context.messages.map((m) => m.offset) });
      expect(context).toBeInstanceOf(KafkaBatchContext);
      expect([context.topic, context.partition]).toEqual([TOPIC, 3]);
    }, true);
    const { payload, resolved } = batchPayload(5);
    await server.handleBatch(payload);
    expect(calls.map((c) => c.offsets)).toEqual([['10', '11'], ['12', '13'], ['14']]);
    expect(calls[0].data).toEqual([{ n: 10 }, { n: 11 }]);
    expect(resolved).toEqual(['11', '13', '14']);
  });

  it('gives other handlers one message at a time', async () => {
    const seen: unknown[] = [];
    const server = serverWith(async (data) => void seen.push(data), false);
    const { payload, resolved } = batchPayload(3);
    await server.handleBatch(payload);
    expect(seen).toEqual([{ n: 10 }, { n: 11 }, { n: 12 }]);
    expect(resolved).toEqual(['10', '11', '12']);
  });

  it('stops between chunks when the consumer stops, leaving the rest unresolved for redelivery', async () => {
    const handled: string[][] = [];
    const server = serverWith(async (_data, ctx) => {
      handled.push((ctx as KafkaBatchContext).messages.map((m) => m.offset));
    }, true);
    const { payload, resolved } = batchPayload(6, { stopAfterResolves: 1 });
    await server.handleBatch(payload);
    expect(handled).toEqual([['10', '11']]);
    expect(resolved).toEqual(['11']);
  });

  it('resolves nothing past a chunk whose handler failed, and lets kafkajs see the error', async () => {
    const server = serverWith(async () => {
      throw new Error('database refused the batch');
    }, true);
    const { payload, resolved } = batchPayload(4);
    await expect(server.handleBatch(payload)).rejects.toThrow('database refused the batch');
    expect(resolved).toEqual([]);
  });
});
