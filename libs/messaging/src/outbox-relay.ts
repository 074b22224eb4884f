import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TopicMessages } from 'kafkajs';
import type { OutboxTable } from './outbox';
import { CLOUDEVENTS_CONTENT_TYPE } from '@replyguard/contracts';
import { preparedQuery } from '@replyguard/platform';

export interface OutboxRelayOptions {
  table: OutboxTable;
  batchSize?: number;
  /** Idle poll interval; `wake()` short-cuts it after a local commit. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

/** What the relay needs from Kafka: one durable batch send. */
export interface BatchSender {
  sendBatch(topicMessages: TopicMessages[]): Promise<void>;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: string;
}

/**
 * Publishes outbox rows to Kafka. Rows are claimed and deleted by one `DELETE ... RETURNING` over a
 * `FOR UPDATE SKIP LOCKED` selection, sent with acks from all in-sync replicas, and the transaction
 * commits only after the send (a failed send rolls the delete back), so several relays can run side
 * by side and each row is published once; a crash between send and commit republishes the batch
 * (at-least-once), which consumers absorb by deduplicating on the event id.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private running = false;
  private loop?: Promise<void>;
  /** Ends the current sleep early: set while waiting for work, not while backing off. */
  private wakeUp?: () => void;
  /** Ends any sleep: for stop(). */
  private interrupt?: () => void;
  /** A commit added rows since the running drain claimed its rows: drain again before sleeping. */
  private woken = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: BatchSender,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight, then drains what is left once more. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.interrupt?.();
    await this.loop;
    try {
      while ((await this.drainOnce()) > 0);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox not fully drained at shutdown; rows stay for the next start');
    }
  }

  /**
   * Called after a commit that added rows, so they go out without waiting for the poll. A wake
   * that arrives while a drain runs is remembered: those rows may have missed its claim.
   */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Publishes one batch; returns how many rows went out. */
  async drainOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Claimed and deleted in one statement; if the send fails, the rollback puts the rows back.
      const rows = await preparedQuery<OutboxRow>(
        manager,
        `DELETE FROM ${this.options.table} WHERE id IN (
           SELECT id FROM ${this.options.table} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id::text AS id, topic, key, payload`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      // RETURNING follows no order: send in id (commit) order, as they were written.
      rows.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const byTopic = new Map<string, TopicMessages>();
      for (const row of rows) {
        let entry = byTopic.get(row.topic);
        if (!entry) {
          entry = { topic: row.topic, messages: [] };
          byTopic.set(row.topic, entry);
        }
        entry.messages.push({
          key: row.key,
          value: row.payload,
          headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
        });
      }
      await this.sender.sendBatch([...byTopic.values()]);
      return rows.length;
    });
  }

  /** Rows waiting to be published. */
  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${this.options.table}`,
    );
    return row?.n ?? 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      this.woken = false;
      try {
        published = await this.drainOnce();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const backoff = Math.min(this.maxBackoffMs, 100 * 2 ** Math.min(this.failures, 10));
        this.logger.error(
          { err: error, attempt: this.failures, backoffMs: backoff },
          'outbox relay could not publish; will retry',
        );
        // Not cut short by wakes: commits keep coming while the broker or database is down.
        if (this.running) await this.sleep(backoff, false);
        continue;
      }
      if (this.running && published < this.batchSize) await this.sleep(this.pollIntervalMs, true);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = wakeable ? done : undefined;
      this.interrupt = done;
    });
  }
}
