import { DatabaseLogger } from './database-logger';
import { usePreparedStatements } from './prepared-query';
import type { DataSourceOptions } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  poolSize: number;
  /** The service's own schema; each service owns one. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  /** Whether `preparedQuery` names its statements (DATABASE_PREPARED_STATEMENTS). */
  preparedStatements?: boolean;
}

/**
 * TypeORM options for one service. The schema comes from migrations only (never `synchronize`);
 * migrations run as their own step (`npm start` and the test setup run them before the services).
 */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  if (options.preparedStatements !== undefined) usePreparedStatements(options.preparedStatements);
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: `${options.schema}_migrations`,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries are logged without their parameters (what commenters wrote).
    logging: ['error'],
    logger: new DatabaseLogger(),
    extra: { max: options.poolSize, connectionTimeoutMillis: 5000 },
  };
}
