interface DriverError {
  code?: string;
  errno?: number;
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
