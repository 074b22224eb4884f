import type { KafkaMessage } from 'kafkajs';

/** A chunk of one partition's messages, in offset order, with their deserialized values. */
export interface PartitionChunk {
  partition: number;
  messages: readonly KafkaMessage[];
  values: readonly unknown[];
  heartbeat: () => Promise<void>;
}

interface Entry {
  chunk: PartitionChunk;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Joins the chunks that a topic's partitions hand in during one turn of the event loop into one
 * run of at most `maxBatch` messages. kafkajs hands every partition of a fetch to its workers at
 * once; handled apart, each partition's batch paid its own database lookups and transaction, and
 * the next fetch waited for the slowest of them.
 *
 * A chunk is never split, and a partition hands in its next chunk only after the last one was
 * handled, so order within a partition is kept. Each `submit` settles with its run: resolved when
 * the run succeeded, rejected with the run's error otherwise.
 */
export class BatchGatherer {
  private pending: Entry[] = [];
  private scheduled = false;

  constructor(
    private readonly maxBatch: number,
    private readonly run: (chunks: PartitionChunk[]) => Promise<void>,
  ) {}

  submit(chunk: PartitionChunk): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ chunk, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After the I/O callback that delivered the fetch and every microtask it started.
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const entries = this.pending;
    this.pending = [];
    for (const group of pack(entries, this.maxBatch)) {
      this.run(group.map((e) => e.chunk)).then(
        () => group.forEach((e) => e.resolve()),
        (error: unknown) => group.forEach((e) => e.reject(error)),
      );
    }
  }
}

/** Groups entries in arrival order, each group at most `max` messages unless one chunk alone is more. */
function pack(entries: Entry[], max: number): Entry[][] {
  const groups: Entry[][] = [];
  let group: Entry[] = [];
  let size = 0;
  for (const entry of entries) {
    const n = entry.chunk.messages.length;
    if (group.length > 0 && size + n > max) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(entry);
    size += n;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
