import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/*
 * Hand-written SQL over an entity's mapped columns, for the few statements every booking sends.
 * TypeORM's query builder re-derives the SQL text, the aliases and the parameter list on every call:
 * profiled under load (bench/load.bench.mjs), building and mapping took about a quarter of the API's
 * CPU per booking. Here the text is built once per entity (and per set of inserted columns), and
 * values go through the driver's own conversions (prepareHydratedValue, preparePersistentValue, which
 * apply column transformers), so a row reads and writes exactly as through the repository.
 */

interface Shape {
  metadata: EntityMetadata;
  table: string;
  columns: ColumnMetadata[];
  inserts: Map<string, { sql: string; columns: ColumnMetadata[] }>;
  selects: Map<string, string>;
}

const shapes = new WeakMap<EntityMetadata, Shape>();

function shapeOf(em: EntityManager, target: EntityTarget<ObjectLiteral>): Shape {
  const metadata = em.connection.getMetadata(target);
  let shape = shapes.get(metadata);
  if (!shape) {
    shape = { metadata, table: em.connection.driver.escape(metadata.tableName), columns: metadata.columns.filter((c) => !c.isVirtual), inserts: new Map(), selects: new Map() };
    shapes.set(metadata, shape);
  }
  return shape;
}

/** The quoted table name of an entity, for hand-written SQL. */
export function tableOf(em: EntityManager, target: EntityTarget<ObjectLiteral>): string {
  return shapeOf(em, target).table;
}

/** Every column of `target` under `alias`, as `alias.col AS alias_col` (read back by hydrate with the same alias). */
export function selectColumns(em: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
  const shape = shapeOf(em, target);
  let sql = shape.selects.get(alias);
  if (sql === undefined) {
    const q = (name: string) => em.connection.driver.escape(name);
    sql = shape.columns.map((c) => `${q(alias)}.${q(c.databaseName)} AS ${q(`${alias}_${c.databaseName}`)}`).join(', ');
    shape.selects.set(alias, sql);
  }
  return sql;
}

/** The entity selected under `alias` in `row`, or null when a LEFT JOIN found none (its primary key is NULL). */
export function hydrate<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>, alias: string): T | null {
  const shape = shapeOf(em, target);
  const driver = em.connection.driver;
  const primary = shape.metadata.primaryColumns[0];
  if (primary && (row[`${alias}_${primary.databaseName}`] ?? null) === null) return null;
  const entity = shape.metadata.create() as T;
  for (const column of shape.columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[`${alias}_${column.databaseName}`], column));
  return entity;
}

/** Runs one statement; rows for a SELECT, else how many rows changed and (after an INSERT) the new id. */
export async function runSql(em: EntityManager, sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[]; affected: number; insertId: number | null }> {
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    const raw = result.raw as number | bigint | { insertId?: number } | unknown[] | undefined;
    // better-sqlite3 answers an INSERT with the last row id, mysql2 with a result header.
    const insertId =
      typeof raw === 'number' || typeof raw === 'bigint' ? Number(raw) : raw && !Array.isArray(raw) && typeof raw === 'object' && raw.insertId !== undefined ? Number(raw.insertId) : null;
    return { rows: (result.records ?? []) as Record<string, unknown>[], affected: result.affected ?? 0, insertId };
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}

/**
 * INSERTs one row and returns its new id, without the SELECT TypeORM adds afterwards to read
 * database-generated columns back: on the booking path, where capacity rows are about to be locked,
 * every round trip saved is lock time saved. Columns left undefined take their database default
 * (a version column starts at 1, as TypeORM's insert sets it). The caller sets timestamps itself.
 */
export async function insertRow<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, values: QueryDeepPartialEntity<T>): Promise<number> {
  const shape = shapeOf(em, target);
  const given = shape.columns.filter((c) => c.getEntityValue(values) !== undefined || c.isVersion);
  const signature = given.map((c) => c.databaseName).join(',');
  let insert = shape.inserts.get(signature);
  if (!insert) {
    const q = (name: string) => em.connection.driver.escape(name);
    insert = { sql: `INSERT INTO ${shape.table} (${given.map((c) => q(c.databaseName)).join(', ')}) VALUES (${given.map(() => '?').join(', ')})`, columns: given };
    shape.inserts.set(signature, insert);
  }
  const driver = em.connection.driver;
  const params = insert.columns.map((c) => {
    const value: unknown = c.getEntityValue(values);
    return driver.preparePersistentValue(value === undefined && c.isVersion ? 1 : value, c) as unknown;
  });
  const { insertId } = await runSql(em, insert.sql, params);
  if (insertId === null) throw new Error('The database did not report the id of the inserted row');
  return insertId;
}
