interface DriverError {
  code?: string;
  errno?: number;
  fatal?: boolean;
  message?: string;
}

function driverError(error: unknown): DriverError {
  const e = error as { driverError?: DriverError } & DriverError;
  return e?.driverError ?? e ?? {};
}

/** A unique index refused a second row (MySQL 1062, SQLite's constraint codes). */
export function isUniqueViolation(error: unknown): boolean {
  const e = driverError(error);
  return e.errno === 1062 || e.code === 'ER_DUP_ENTRY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** InnoDB chose this transaction as a deadlock victim (1213) or it waited too long for a lock (1205). */
export function isLockConflict(error: unknown): boolean {
  const e = driverError(error);
  return e.errno === 1213 || e.errno === 1205 || e.code === 'ER_LOCK_DEADLOCK' || e.code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** Socket and server codes of a database that is down, restarting, refusing connections or gone mid-query. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN', // 1053: the server is shutting down
  'ER_CON_COUNT_ERROR', // 1040: too many connections
  'ER_CONNECTION_KILLED', // 1927 (MariaDB): its connection was killed, e.g. at shutdown
  'ER_QUERY_INTERRUPTED', // 1317: interrupted, e.g. at shutdown
]);

/** mysql2's own words for a pool or connection that cannot take the query (no code of their own). */
const UNAVAILABLE_MESSAGES = /^(Pool is closed|Queue limit reached|Can't add new command when connection is in closed state)/;

/**
 * The database did not answer at all, as opposed to refusing the statement: the process cannot do
 * the work now, but the request was fine and may be sent again. mysql2 marks an error that ended its
 * connection `fatal`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = driverError(error);
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if (e.errno === 1053 || e.errno === 1040 || e.errno === 1927 || e.errno === 2006 || e.errno === 2013) return true;
  if (e.fatal === true) return true;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}
