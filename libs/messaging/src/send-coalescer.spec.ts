import type { Message, TopicMessages } from 'kafkajs';
import { SendCoalescer } from './send-coalescer';

const msg = (value: string): Message => ({ key: 'k', value });

function setup(options: Partial<ConstructorParameters<typeof SendCoalescer>[1]> = {}) {
  const batches: TopicMessages[][] = [];
  const gates: { release: () => void; fail: (e: Error) => void }[] = [];
  const coalescer = new SendCoalescer(
    (batch) =>
      new Promise<void>((resolve, reject) => {
        batches.push(batch);
        gates.push({ release: resolve, fail: reject });
      }),
    { lingerMs: 0, maxBatchMessages: 100, maxInFlight: 1, ...options },
  );
  return { coalescer, batches, gates };
}

/** Lets pending callbacks and immediates run (a settled batch schedules the next one). */
const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

describe(SendCoalescer.name, () => {
  it('sends the sends of one tick as one batch, grouped by topic, and settles each after the ack', async () => {
    const { coalescer, batches, gates } = setup();
    let settled = 0;
    const sends = [
      coalescer.send('a', [msg('1')]),
      coalescer.send('b', [msg('2')]),
      coalescer.send('a', [msg('3')]),
    ];
    sends.forEach((s) => void s.then(() => settled++));
    await tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([
      { topic: 'a', messages: [msg('1'), msg('3')] },
      { topic: 'b', messages: [msg('2')] },
    ]);
    await tick();
    expect(settled).toBe(0); // not before the broker acknowledged
    gates[0].release();
    await Promise.all(sends);
    expect(settled).toBe(3);
  });

  it('gathers what arrives while a batch is in flight into the next one', async () => {
    const { coalescer, batches, gates } = setup();
    const first = coalescer.send('a', [msg('1')]);
    await tick();
    const later = [coalescer.send('a', [msg('2')]), coalescer.send('a', [msg('3')])];
    await tick();
    expect(batches).toHaveLength(1);
    gates[0].release();
    await first;
    await tick();
    expect(batches).toHaveLength(2);
    expect(batches[1][0].messages.map((m) => m.value)).toEqual(['2', '3']);
    gates[1].release();
    await Promise.all(later);
  });

  it('rejects every caller of a failed batch, and only those', async () => {
    const { coalescer, gates } = setup();
    const failed = [coalescer.send('a', [msg('1')]), coalescer.send('a', [msg('2')])];
    await tick();
    const next = coalescer.send('a', [msg('3')]);
    gates[0].fail(new Error('broker down'));
    await expect(failed[0]).rejects.toThrow('broker down');
    await expect(failed[1]).rejects.toThrow('broker down');
    await tick();
    gates[1].release();
    await expect(next).resolves.toBeUndefined();
  });

  it('caps a batch at maxBatchMessages', async () => {
    const { coalescer, batches, gates } = setup({ maxBatchMessages: 2, maxInFlight: 2 });
    const sends = [1, 2, 3].map((i) => coalescer.send('a', [msg(String(i))]));
    await tick();
    expect(batches.map((b) => b[0].messages.length)).toEqual([2, 1]);
    gates.forEach((g) => g.release());
    await Promise.all(sends);
  });
});
