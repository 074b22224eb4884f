import { DataSource } from 'typeorm';
import { articlesDataSourceOptions } from './database.options';

/** For the TypeORM CLI and the migration step. */
export default new DataSource(articlesDataSourceOptions());
