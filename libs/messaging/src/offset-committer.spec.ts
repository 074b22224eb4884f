import type { TopicPartitionOffsetAndMetadata } from 'kafkajs';
import { OffsetCommitter } from './offset-committer';

/** Lets pending promise callbacks run (fake timers leave promises alone). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function setup(intervalMs = 100) {
  const commits: TopicPartitionOffsetAndMetadata[][] = [];
  const gates: { release: () => void; fail: (e: Error) => void }[] = [];
  let gated = false;
  const errors: unknown[] = [];
  const committer = new OffsetCommitter(
    (offsets) => {
      commits.push(offsets);
      if (!gated) return Promise.resolve();
      return new Promise<void>((resolve, reject) => gates.push({ release: resolve, fail: reject }));
    },
    intervalMs,
    (error) => errors.push(error),
  );
  return { committer, commits, gates, errors, gate: () => (gated = true) };
}

describe(OffsetCommitter.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('commits once per interval, the latest offset of each partition', async () => {
    const { committer, commits } = setup();
    committer.note('t', 0, '11');
    committer.note('t', 1, '5');
    committer.note('t', 0, '13');
    expect(commits).toHaveLength(0);
    jest.advanceTimersByTime(99);
    expect(commits).toHaveLength(0);
    jest.advanceTimersByTime(1);
    await settle();
    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '13' },
        { topic: 't', partition: 1, offset: '5' },
      ],
    ]);
    // Nothing new: no further commit.
    jest.advanceTimersByTime(1000);
    await settle();
    expect(commits).toHaveLength(1);
    expect(committer.size).toBe(0);
  });

  it('flush() commits at once with the commit it is given, and cancels the timer', async () => {
    const { committer, commits } = setup();
    const own: TopicPartitionOffsetAndMetadata[][] = [];
    committer.note('t', 2, '7');
    await committer.flush((offsets) => {
      own.push(offsets);
      return Promise.resolve();
    });
    expect(own).toEqual([[{ topic: 't', partition: 2, offset: '7' }]]);
    jest.advanceTimersByTime(1000);
    await settle();
    expect(commits).toHaveLength(0);
  });

  it('runs one commit at a time, so a later offset never lands before an earlier one', async () => {
    const { committer, commits, gates, gate } = setup();
    gate();
    committer.note('t', 0, '10');
    const first = committer.flush();
    await settle();
    committer.note('t', 0, '20');
    const second = committer.flush();
    await settle();
    expect(commits).toEqual([[{ topic: 't', partition: 0, offset: '10' }]]);
    gates[0].release();
    await settle();
    expect(commits[1]).toEqual([{ topic: 't', partition: 0, offset: '20' }]);
    gates[1].release();
    await Promise.all([first, second]);
  });

  it('retries a failed commit unless a later batch of the partition superseded it, and reports the failure', async () => {
    const { committer, commits, gates, errors, gate } = setup();
    gate();
    committer.note('t', 0, '10');
    committer.note('t', 1, '3');
    const failing = committer.flush();
    await settle();
    committer.note('t', 0, '12'); // handled while the commit was in flight
    gates[0].fail(new Error('coordinator moved'));
    await failing;
    expect(errors).toHaveLength(1);
    jest.advanceTimersByTime(1000);
    await settle();
    expect(commits[1]).toEqual([
      { topic: 't', partition: 0, offset: '12' },
      { topic: 't', partition: 1, offset: '3' },
    ]);
    gates[1].release();
    await settle();
    expect(committer.size).toBe(0);
  });

  it('forgets the partitions a rebalance took away', async () => {
    const { committer, commits } = setup();
    committer.note('a', 0, '4');
    committer.note('a', 1, '9');
    committer.note('b', 0, '2');
    committer.retain({ a: [1] });
    await committer.flush();
    expect(commits).toEqual([[{ topic: 'a', partition: 1, offset: '9' }]]);
  });
});
