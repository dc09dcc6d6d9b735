import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * INSERTs one row and returns its new id, without the SELECT TypeORM adds afterwards to read
 * database-generated columns back: on the booking path, where capacity rows are about to be locked,
 * every round trip saved is lock time saved. The caller sets timestamps itself.
 */
export async function insertRow<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, values: QueryDeepPartialEntity<T>): Promise<number> {
  const result = await em.createQueryBuilder().insert().into(target).values(values).updateEntity(false).execute();
  const raw = result.raw as number | bigint | { insertId?: number };
  // better-sqlite3 answers with the last row id, mysql2 with a result header.
  const id = typeof raw === 'object' ? raw.insertId : raw;
  if (id === undefined || id === null) throw new Error('The database did not report the id of the inserted row');
  return Number(id);
}

/**
 * Now, to the whole second: what a MySQL DATETIME keeps, so a re-read returns exactly what we
 * answered. Timestamps are written by the app in UTC rather than by the server's CURRENT_TIMESTAMP,
 * which follows the server's own time zone (often +08:00 here) and would shift them.
 */
export function nowToTheSecond(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
