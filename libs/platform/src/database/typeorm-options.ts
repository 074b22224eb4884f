import type { DataSourceOptions } from 'typeorm';

export interface ServiceDatabaseOptions {
  url: string;
  poolSize: number;
  /** The service's own schema; each service owns one. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
}

/**
 * TypeORM options for one service. The schema comes from migrations only (never `synchronize`);
 * migrations run as their own step (`npm start` and the test setup run them before the services).
 */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: `${options.schema}_migrations`,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: options.poolSize, connectionTimeoutMillis: 5000 },
  };
}
