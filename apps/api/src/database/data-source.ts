// For the TypeORM CLI only (migration:generate / migration:run); the app builds its own connection.
import { dataSourceOptions, loadConfig } from '@app/shared';
import { DataSource } from 'typeorm';
import { SCHEMA } from './schema.js';

export default new DataSource(dataSourceOptions(loadConfig().database, SCHEMA));
