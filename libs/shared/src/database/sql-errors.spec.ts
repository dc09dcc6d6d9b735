import { isDatabaseUnavailable, isLockConflict } from './sql-errors.js';

/** A driver error as TypeORM wraps it (QueryFailedError keeps mysql2's error as driverError). */
const wrapped = (driverError: object) => Object.assign(new Error('query failed'), { driverError });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3407'), { code: 'ECONNREFUSED' })],
    ['a connection lost mid-query', wrapped({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['a server shutting down', wrapped({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
    ['a connection killed at shutdown (MariaDB)', wrapped({ errno: 1927 })],
    ['any error that ended its connection', wrapped({ code: 'SOMETHING_NEW', fatal: true })],
    ['the pool queue being full', new Error('Queue limit reached.')],
    ['a closed pool', new Error('Pool is closed.')],
  ])('%s is unavailability', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a deadlock', wrapped({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })],
    ['a duplicate key', wrapped({ code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s is not', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it('a deadlock stays a lock conflict (retried), not unavailability', () => {
    expect(isLockConflict(wrapped({ errno: 1213 }))).toBe(true);
  });
});
