import { AUTH_ENTITIES } from '@app/auth';
import { BASE_ENTITIES } from '@app/base';
import { BILLING_ENTITIES } from '@app/billing';
import { BOOKING_ENTITIES } from '@app/booking';
import { EXCHANGE_ENTITIES } from '@app/exchange';
import { ROSTER_ENTITIES } from '@app/roster';
import { STAY_ORDER_ENTITIES } from '@app/stay-order';
import { OutboxEvent, type SchemaSources } from '@app/shared';
import { PLATFORM_ENTITIES } from '@app/platform';
import { MYSQL_MIGRATIONS } from './migrations/mysql/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

/** Every table of every module, and the migrations that create them on each driver. */
export const SCHEMA: SchemaSources = {
  entities: [...AUTH_ENTITIES, ...BASE_ENTITIES, ...BOOKING_ENTITIES, ...ROSTER_ENTITIES, ...BILLING_ENTITIES, ...EXCHANGE_ENTITIES, ...STAY_ORDER_ENTITIES, OutboxEvent, ...PLATFORM_ENTITIES],
  migrations: { sqlite: SQLITE_MIGRATIONS, mysql: MYSQL_MIGRATIONS },
};
