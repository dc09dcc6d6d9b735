// For the TypeORM CLI only (migration:generate / migration:run); the app builds its own connection.
import { dataSourceOptions, detectServerFlavour, loadConfig } from '@app/shared';
import { DataSource } from 'typeorm';
import { SCHEMA } from './schema.js';

export default new DataSource(dataSourceOptions(await detectServerFlavour(loadConfig().database), SCHEMA));
