import type { EventEnvelope } from '@replyguard/contracts';
import type { EntityManager } from 'typeorm';

/** A row of a service's outbox table: written with the state change, published by the relay. */
export interface OutboxRecord {
  topic: string;
  key: string;
  envelope: EventEnvelope;
}

/** Where a service keeps its outbox, e.g. `moderation.outbox`. Only known table names, never input. */
export type OutboxTable = `${string}.outbox`;

/** An outbox row as stored: the envelope serialised once, as the relay publishes it. */
export interface OutboxRow {
  topic: string;
  key: string;
  payload: string;
}

export function outboxRow(record: OutboxRecord): OutboxRow {
  return { topic: record.topic, key: record.key, payload: JSON.stringify(record.envelope) };
}

/** Adds events to the outbox inside the caller's transaction. */
export async function enqueueOutbox(
  manager: EntityManager,
  table: OutboxTable,
  records: OutboxRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const values: string[] = [];
  const params: string[] = [];
  records.map(outboxRow).forEach((r, i) => {
    values.push(`($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`);
    params.push(r.topic, r.key, r.payload);
  });
  await manager.query(`INSERT INTO ${table} (topic, key, payload) VALUES ${values.join(', ')}`, params);
}
