import { ServerKafka } from '@nestjs/microservices';
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
function batchPayload(count: number, opts: { stopAfterResolves?: number; partition?: number } = {}) {
  const resolved: string[] = [];
  const payload = {
    batch: {
      topic: TOPIC,
      partition: opts.partition ?? 3,
      messages: Array.from({ length: count }, (_, i) => message(i + 10)),
    },
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
      expect(context.topic).toBe(TOPIC);
      expect(context.partitions).toEqual(context.messages.map(() => 3));
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

  it("joins the partitions' batches of one fetch into one handler call, each partition in order", async () => {
    const calls: { data: unknown[]; partitions: readonly number[] }[] = [];
    const server = serverWith(
      async (data, ctx) => {
        calls.push({ data: data as unknown[], partitions: (ctx as KafkaBatchContext).partitions });
      },
      true,
      5,
    );
    const first = batchPayload(3, { partition: 1 });
    const second = batchPayload(4, { partition: 2 });
    // kafkajs's workers start every batch of a fetch in the same turn of the event loop.
    await Promise.all([server.handleBatch(first.payload), server.handleBatch(second.payload)]);
    // 5 at most: partition 1's first chunk of 3 cannot take partition 2's chunk of 4 along.
    expect(calls).toEqual([
      { data: [{ n: 10 }, { n: 11 }, { n: 12 }], partitions: [1, 1, 1] },
      { data: [{ n: 10 }, { n: 11 }, { n: 12 }, { n: 13 }], partitions: [2, 2, 2, 2] },
    ]);
    expect([first.resolved, second.resolved]).toEqual([['12'], ['13']]);

    calls.length = 0;
    const small = [batchPayload(2, { partition: 4 }), batchPayload(3, { partition: 5 })];
    await Promise.all(small.map((b) => server.handleBatch(b.payload)));
    expect(calls).toEqual([
      { data: [{ n: 10 }, { n: 11 }, { n: 10 }, { n: 11 }, { n: 12 }], partitions: [4, 4, 5, 5, 5] },
    ]);
    expect(small.map((b) => b.resolved)).toEqual([['11'], ['12']]);
  });

  it('fails every partition of a joined call when it fails, resolving none of them', async () => {
    const server = serverWith(async () => {
      throw new Error('database unreachable for too long');
    }, true);
    const batches = [batchPayload(1, { partition: 0 }), batchPayload(1, { partition: 1 })];
    const results = await Promise.allSettled(batches.map((b) => server.handleBatch(b.payload)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(batches.map((b) => b.resolved)).toEqual([[], []]);
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

describe(`${BatchingKafkaServer.name}: handler lookup`, () => {
  it("resolves each topic's handler once, and still finds a handler added later", () => {
    const server = new BatchingKafkaServer({ client: { brokers: ['127.0.0.1:1'] } }, 2);
    const handler = Object.assign(async () => undefined, { isEventHandler: true, extras: { batch: true } });
    server.addHandler(TOPIC, handler, true, handler.extras);
    const nest = jest.spyOn(ServerKafka.prototype, 'getHandlerByPattern');
    try {
      expect(server.getHandlerByPattern(TOPIC)).toBe(handler);
      expect(server.getHandlerByPattern(TOPIC)).toBe(handler);
      expect(nest).toHaveBeenCalledTimes(1);
      expect(server.getHandlerByPattern('comments.removed.v1')).toBeNull();
      server.addHandler('comments.removed.v1', handler, true, handler.extras);
      expect(server.getHandlerByPattern('comments.removed.v1')).toBe(handler);
    } finally {
      nest.mockRestore();
    }
  });
});

describe(`${BatchingKafkaServer.name}: offset commits`, () => {
  // setImmediate stays real: the server gathers a fetch's batches until the next turn of the loop.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  /** The server bound to a fake consumer that records commits; kafkajs's own auto-commit is off. */
  async function bound(commitIntervalMs: number) {
    const server = new BatchingKafkaServer({ client: { brokers: ['127.0.0.1:1'] } }, 2, commitIntervalMs);
    const handler = Object.assign(async () => undefined, { isEventHandler: true, extras: { batch: true } });
    server.addHandler(TOPIC, handler, true, handler.extras);
    Object.assign(server, { parser: new KafkaParser() });
    const commits: unknown[] = [];
    let runOptions: { autoCommit?: boolean; eachBatch?: (p: EachBatchPayload) => Promise<void> } = {};
    const consumer = {
      events: { GROUP_JOIN: 'consumer.group_join' },
      on: () => undefined,
      subscribe: () => Promise.resolve(),
      run: (options: typeof runOptions) => {
        runOptions = options;
        return Promise.resolve();
      },
      commitOffsets: (offsets: unknown) => {
        commits.push(offsets);
        return Promise.resolve();
      },
      disconnect: () => Promise.resolve(),
    };
    await server.bindEvents(consumer as never);
    Object.assign(server, { consumer });
    return { server, commits, runOptions };
  }

  /** A batch payload whose own commit (the one that still works while the consumer stops) is recorded. */
  function payloadWithCommit(count: number, running: boolean) {
    const { payload } = batchPayload(count, running ? {} : { stopAfterResolves: 0 });
    const ownCommits: unknown[] = [];
    Object.assign(payload, {
      commitOffsetsIfNecessary: (offsets: unknown) => {
        ownCommits.push(offsets);
        return Promise.resolve();
      },
    });
    return { payload, ownCommits };
  }

  it('turns kafkajs auto-commit off and commits the next offset in the background, once per interval', async () => {
    const { commits, runOptions } = await bound(100);
    expect(runOptions.autoCommit).toBe(false);
    const first = payloadWithCommit(3, true);
    await runOptions.eachBatch!(first.payload);
    const second = payloadWithCommit(1, true);
    Object.assign(second.payload.batch, { messages: [message(13)] });
    await runOptions.eachBatch!(second.payload);
    expect(commits).toHaveLength(0);
    jest.advanceTimersByTime(100);
    await Promise.resolve();
    expect(commits).toEqual([[{ topic: TOPIC, partition: 3, offset: '14' }]]);
    expect(first.ownCommits).toHaveLength(0);
  });

  it('with an interval of 0, commits after every batch before handing it back', async () => {
    const { commits, runOptions } = await bound(0);
    const { payload, ownCommits } = payloadWithCommit(3, true);
    await runOptions.eachBatch!(payload);
    expect(ownCommits).toEqual([
      { topics: [{ topic: TOPIC, partitions: [{ partition: 3, offset: '13' }] }] },
    ]);
    expect(commits).toHaveLength(0);
  });

  it('commits what was handled before close() lets the consumer leave its group', async () => {
    const { server, commits, runOptions } = await bound(60_000);
    await runOptions.eachBatch!(payloadWithCommit(2, true).payload);
    expect(commits).toHaveLength(0);
    await server.close();
    expect(commits).toEqual([[{ topic: TOPIC, partition: 3, offset: '12' }]]);
  });

  it('commits with the batch payload when the consumer stops during the batch', async () => {
    const { commits, runOptions } = await bound(60_000);
    const earlier = payloadWithCommit(2, true);
    Object.assign(earlier.payload.batch, { partition: 1 });
    await runOptions.eachBatch!(earlier.payload);
    const stopping = payloadWithCommit(2, false);
    await runOptions.eachBatch!(stopping.payload);
    // Nothing of the stopping batch was handled; what was pending goes out with its payload.
    expect(stopping.ownCommits).toEqual([
      { topics: [{ topic: TOPIC, partitions: [{ partition: 1, offset: '12' }] }] },
    ]);
    expect(commits).toHaveLength(0);
  });
});
