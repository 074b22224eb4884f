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

/** Adds events to the outbox inside the caller's transaction. */
export async function enqueueOutbox(
  manager: EntityManager,
  table: OutboxTable,
  records: OutboxRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const values: string[] = [];
  const params: string[] = [];
  records.forEach((r, i) => {
    values.push(`($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`);
    params.push(r.topic, r.key, JSON.stringify(r.envelope));
  });
  await manager.query(`INSERT INTO ${table} (topic, key, payload) VALUES ${values.join(', ')}`, params);
}
