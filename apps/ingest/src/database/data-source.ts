import { DataSource } from 'typeorm';
import { ingestDataSourceOptions } from './database.options';

/** For the TypeORM CLI and the migration step. */
export default new DataSource(ingestDataSourceOptions());
