import type { IMemberAssignment, TopicPartitionOffsetAndMetadata } from 'kafkajs';

/** Commits offsets (the next offset to read, per partition). */
export type CommitOffsets = (offsets: TopicPartitionOffsetAndMetadata[]) => Promise<void>;

const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * Commits consumed offsets in the background, at most once per interval, as the Java consumer
 * does: kafkajs's auto-commit sent one commit after every batch, and the next fetch of the
 * partition waited for it. A crash redelivers what was handled since the last commit (at most an
 * interval's worth); the handlers recognise redeliveries and skip them.
 *
 * Commits run one at a time, so a later offset of a partition never lands before an earlier one.
 * A failed commit is retried unless a later batch of that partition superseded it.
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, TopicPartitionOffsetAndMetadata>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: CommitOffsets,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown, offsets: TopicPartitionOffsetAndMetadata[]) => void,
  ) {}

  /** Records that a partition was handled up to `offset` (exclusive) and schedules its commit. */
  note(topic: string, partition: number, offset: string): void {
    this.pending.set(key(topic, partition), { topic, partition, offset });
    this.schedule(this.intervalMs);
  }

  /**
   * Commits everything pending now, with `commit` if given (a batch's own commit works while the
   * consumer stops, where the consumer's public one no longer commits).
   */
  flush(commit: CommitOffsets = this.commit): Promise<void> {
    const run = async (): Promise<void> => {
      const offsets = [...this.pending.values()];
      this.pending.clear();
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      if (offsets.length === 0) return;
      try {
        await commit(offsets);
      } catch (error) {
        for (const o of offsets) {
          const k = key(o.topic, o.partition);
          if (!this.pending.has(k)) this.pending.set(k, o);
        }
        this.schedule(RETRY_AFTER_FAILURE_MS);
        this.onError(error, offsets);
      }
    };
    this.flushing = this.flushing.then(run, run);
    return this.flushing;
  }

  /** After a rebalance: forgets the partitions this member no longer owns; their new owner commits. */
  retain(assignment: IMemberAssignment): void {
    for (const [k, o] of this.pending) {
      if (!assignment[o.topic]?.includes(o.partition)) this.pending.delete(k);
    }
  }

  /** Offsets waiting to be committed. */
  get size(): number {
    return this.pending.size;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }
}

function key(topic: string, partition: number): string {
  return `${topic}|${partition}`;
}
