import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

let enabled = true;
const names = new Map<string, string>();

/**
 * Process-wide, like node-postgres's own type parsers: set once from DATABASE_PREPARED_STATEMENTS
 * when a service builds its data source options.
 */
export function usePreparedStatements(on: boolean): void {
  enabled = on;
}

/** The statement's name: derived from its text, so one name never stands for two texts. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `rg_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a fixed SQL text on the manager's connection (its transaction, if it has one) as a named
 * prepared statement: PostgreSQL parses and plans it once per connection instead of on every call.
 * End to end at 1,000/s that took PostgreSQL from 0.36 to 0.29 ms of CPU per comment; compare
 * `DATABASE_PREPARED_STATEMENTS=false npm run bench -- --only e2e` with the default.
 * Returns the rows. Errors are TypeORM's QueryFailedError, as from `manager.query`.
 */
export async function preparedQuery<T extends QueryResultRow>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const config = enabled ? { name: statementName(text), text, values } : { text, values };
    try {
      return (await client.query<T>(config)).rows;
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
