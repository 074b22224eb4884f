import { preparedQuery } from '@replyguard/platform';
import type { EntityManager } from 'typeorm';

/** A service's processed-messages table, e.g. `articles.processed_messages`. */
export type ProcessedMessagesTable = `${string}.processed_messages`;

/**
 * Claims a message for a consumer inside the caller's transaction. Returns false when it was
 * already processed: the caller then does nothing, and the redelivery changes nothing.
 */
export async function claimMessage(
  manager: EntityManager,
  table: ProcessedMessagesTable,
  consumer: string,
  messageId: string,
): Promise<boolean> {
  return (await claimMessages(manager, table, consumer, [messageId])).has(messageId);
}

/** `claimMessage` for a batch, in one statement: returns the ids not processed before. */
export async function claimMessages(
  manager: EntityManager,
  table: ProcessedMessagesTable,
  consumer: string,
  messageIds: string[],
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await preparedQuery<{ message_id: string }>(manager, claimStatement(table), [
    consumer,
    messageIds,
  ]);
  return new Set(rows.map((r) => r.message_id));
}

/**
 * The claim itself, with the consumer as `$1` and the message ids as `$2` (repeats allowed): returns
 * `message_id` of each message claimed now. Also usable as a CTE, so a handler can claim and apply
 * in one statement.
 */
export function claimStatement(table: ProcessedMessagesTable): string {
  return `INSERT INTO ${table} (consumer, message_id)
     SELECT $1, id FROM unnest($2::text[]) AS t(id)
     ON CONFLICT DO NOTHING RETURNING message_id`;
}
