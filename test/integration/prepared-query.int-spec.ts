import { preparedQuery, usePreparedStatements } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

describe('preparedQuery', () => {
  const schema = `prep_${randomUUID().slice(0, 8)}`;
  let dataSource: DataSource;

  const preparedOnThisConnection = (manager: EntityManager) =>
    manager.query<{ name: string; statement: string; executions: number }[]>(
      `SELECT name, statement, (generic_plans + custom_plans)::int AS executions FROM pg_prepared_statements`,
    );

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 2 } });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.query(`CREATE TABLE ${schema}.items (id int PRIMARY KEY, label text NOT NULL)`);
    await dataSource.query(
      `INSERT INTO ${schema}.items SELECT n, 'item ' || n FROM generate_series(1, 50) n`,
    );
  });

  afterAll(async () => {
    usePreparedStatements(true);
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });

  it('prepares a statement once per connection and runs it by name after that', async () => {
    const text = `SELECT id, label FROM ${schema}.items WHERE id = ANY($1::int[]) ORDER BY id`;
    await dataSource.transaction(async (manager) => {
      const first = await preparedQuery<{ id: number; label: string }>(manager, text, [[3, 1]]);
      const second = await preparedQuery<{ id: number; label: string }>(manager, text, [[7]]);
      expect(first).toEqual([
        { id: 1, label: 'item 1' },
        { id: 3, label: 'item 3' },
      ]);
      expect(second).toEqual([{ id: 7, label: 'item 7' }]);
      const mine = (await preparedOnThisConnection(manager)).filter((s) => s.statement === text);
      expect(mine).toHaveLength(1);
      expect(mine[0].name).toMatch(/^rg_[0-9a-f]{24}$/);
      expect(mine[0].executions).toBe(2);
    });
  });

  it('without a transaction, borrows a pooled connection and gives it back', async () => {
    const text = `SELECT count(*)::int AS n FROM ${schema}.items WHERE id <= $1`;
    // Twenty calls through a pool of two: a connection kept after a call would leave the rest waiting.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => preparedQuery<{ n: number }>(dataSource.manager, text, [i + 1])),
    );
    expect(results.map(([row]) => row.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('sends plain queries when prepared statements are turned off (a pooler in transaction mode)', async () => {
    const text = `SELECT label FROM ${schema}.items WHERE id = $1`;
    usePreparedStatements(false);
    try {
      await dataSource.transaction(async (manager) => {
        expect(await preparedQuery<{ label: string }>(manager, text, [5])).toEqual([{ label: 'item 5' }]);
        const mine = (await preparedOnThisConnection(manager)).filter((s) => s.statement === text);
        expect(mine).toEqual([]);
      });
    } finally {
      usePreparedStatements(true);
    }
  });

  it("reports a failure as TypeORM's QueryFailedError carrying the SQLSTATE", async () => {
    const text = `INSERT INTO ${schema}.items (id, label) VALUES ($1, $2)`;
    const failure = await preparedQuery(dataSource.manager, text, [1, 'again']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
    // The connection went back to the pool in a usable state.
    expect(await preparedQuery<{ n: number }>(dataSource.manager, `SELECT $1::int AS n`, [42])).toEqual([
      { n: 42 },
    ]);
  });
});
