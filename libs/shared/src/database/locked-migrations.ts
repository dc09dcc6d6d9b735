import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { STARTUP_LOCK_WAIT_SECONDS, withNamedLock } from './named-lock.js';

const logger = new Logger('Migrations');

/**
 * Brings the schema up to date at start-up, once however many processes start together: under
 * the database's `migrations` lock the first one applies what is pending, and the others, waiting
 * their turn, then find nothing left. Without it two processes both ran the first migration and
 * the second died on "table already exists" (MySQL's DDL commits as it goes, so TypeORM's
 * migration transaction cannot keep them apart).
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<number> {
  const outcome = await withNamedLock(
    dataSource,
    'migrations',
    STARTUP_LOCK_WAIT_SECONDS,
    () => dataSource.runMigrations({ transaction: dataSource.options.migrationsTransactionMode ?? 'all' }),
    () => logger.log('another process is migrating this database; waiting for it'),
  );
  if (!outcome.acquired) {
    throw new Error(`another process held the migration lock for ${STARTUP_LOCK_WAIT_SECONDS} s; is a migration stuck?`);
  }
  const applied = outcome.result;
  logger.log(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'none pending');
  return applied.length;
}
