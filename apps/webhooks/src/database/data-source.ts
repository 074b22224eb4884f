import { DataSource } from 'typeorm';
import { webhooksDataSourceOptions } from './database.options';

/** For the TypeORM CLI and the migration step. */
export default new DataSource(webhooksDataSourceOptions());
