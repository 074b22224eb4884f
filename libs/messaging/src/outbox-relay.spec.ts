import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay';

/** Lets pending promise callbacks run. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

/**
 * A relay whose drains are gated by the test: each drainOnce call waits until the test answers
 * it with the number of rows it "published". Poll interval and backoff are long, so any drain that
 * happens promptly was started by a wake, never by the poll.
 */
function setup() {
  const relay = new OutboxRelay(
    {} as DataSource,
    { sendBatch: () => Promise.resolve() },
    {
      table: 'test.outbox',
      batchSize: 10,
      pollIntervalMs: 60_000,
      maxBackoffMs: 60_000,
    },
  );
  const drains: { answer: (rows: number) => void; fail: (error: Error) => void }[] = [];
  jest.spyOn(relay, 'drainOnce').mockImplementation(
    () =>
      new Promise<number>((resolve, reject) => {
        drains.push({ answer: resolve, fail: reject });
      }),
  );
  // The relay logs failures; keep test output quiet.
  jest.spyOn(relay['logger'], 'error').mockImplementation(() => undefined);
  return { relay, drains };
}

describe(OutboxRelay.name, () => {
  it('drains at once when woken while sleeping', async () => {
    const { relay, drains } = setup();
    relay.start();
    await flush();
    drains[0].answer(0);
    await flush();
    expect(drains).toHaveLength(1); // asleep: the poll is a minute away
    relay.wake();
    await flush();
    expect(drains).toHaveLength(2);
    drains[1].answer(0);
    await flush();
    const stopped = relay.stop();
    await flush();
    drains[2].answer(0); // stop() drains what is left once more
    await stopped;
  });

  it('stops promptly when stop() is called during a drain', async () => {
    const { relay, drains } = setup();
    relay.start();
    await flush();
    const stopped = relay.stop();
    drains[0].answer(0);
    await flush();
    expect(drains).toHaveLength(2); // no sleep until the poll: straight to the final drain
    drains[1].answer(0);
    await stopped;
  });

  it('drains again when a wake arrived during a drain, instead of sleeping until the poll', async () => {
    const { relay, drains } = setup();
    relay.start();
    await flush();
    expect(drains).toHaveLength(1);
    // A commit lands while the drain runs: its rows may have missed the drain's SELECT.
    relay.wake();
    drains[0].answer(3);
    await flush();
    expect(drains).toHaveLength(2);
    // No wake during this one: the relay sleeps until the poll.
    drains[1].answer(0);
    await flush();
    expect(drains).toHaveLength(2);
    const stopped = relay.stop();
    await flush();
    drains[2].answer(0);
    await stopped;
  });

  it('keeps its backoff after a failure even when wakes keep coming, and stop() still ends it', async () => {
    const { relay, drains } = setup();
    relay.start();
    await flush();
    drains[0].fail(new Error('broker down'));
    await flush();
    relay.wake();
    relay.wake();
    await flush();
    expect(drains).toHaveLength(1); // backing off: wakes do not cut it short
    const stopped = relay.stop();
    await flush();
    expect(drains).toHaveLength(2); // the final drain of stop()
    drains[1].answer(0);
    await stopped;
  });
});
