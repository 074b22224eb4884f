import type { Message, TopicMessages } from 'kafkajs';

export interface SendCoalescerOptions {
  /** How long the first message of a batch may wait for others; 0: only those of the same tick. */
  lingerMs: number;
  /** Most messages in one batch. */
  maxBatchMessages: number;
  /** Batches in flight at once; more wait and grow (natural batching under load). */
  maxInFlight: number;
}

interface Pending {
  topic: string;
  messages: Message[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers concurrent sends into one batch send. Each caller's promise settles with the batch that
 * carried its messages, so a caller still hears back only once the broker acknowledged them; a
 * failed batch rejects every caller in it. Under light load a send goes out at once (same tick);
 * under heavy load the sends that arrive while batches are in flight go out together next.
 */
export class SendCoalescer {
  private queue: Pending[] = [];
  private queued = 0;
  private inFlight = 0;
  private timer?: NodeJS.Timeout;
  private scheduled = false;

  constructor(
    private readonly sendBatch: (batch: TopicMessages[]) => Promise<void>,
    private readonly options: SendCoalescerOptions,
  ) {}

  send(topic: string, messages: Message[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ topic, messages, resolve, reject });
      this.queued += messages.length;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight >= this.options.maxInFlight) return; // the batch in flight flushes when done
    if (this.queued >= this.options.maxBatchMessages) {
      this.flush();
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.options.lingerMs > 0) this.timer = setTimeout(() => this.flush(), this.options.lingerMs);
    else setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    const batch: Pending[] = [];
    let count = 0;
    while (
      this.queue.length > 0 &&
      (batch.length === 0 || count + this.queue[0].messages.length <= this.options.maxBatchMessages)
    ) {
      const next = this.queue.shift()!;
      batch.push(next);
      count += next.messages.length;
    }
    this.queued -= count;
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) {
      const list = byTopic.get(p.topic);
      if (list) list.push(...p.messages);
      else byTopic.set(p.topic, [...p.messages]);
    }
    this.inFlight += 1;
    this.sendBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })))
      .then(
        () => batch.forEach((p) => p.resolve()),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        this.inFlight -= 1;
        if (this.queue.length > 0) this.schedule();
      });
  }
}
