import { DataSource } from 'typeorm';
import { moderationDataSourceOptions } from './database.options';

/** For the TypeORM CLI and the migration step. */
export default new DataSource(moderationDataSourceOptions());
