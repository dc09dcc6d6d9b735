import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * A request id a client or a proxy may hand us in `X-Request-Id`: a short token of letters, digits
 * and `._:-` (UUIDs, ULIDs, a proxy's hex ids). Anything else (long text, spaces, a name, a JSON
 * blob) is not copied into the logs and the personal-data access record; the request gets its own.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

/**
 * The id of this request: the one the request logger gave it (`req.id`, so the log line, the
 * RequestContext and the `X-Request-Id` answer agree), else a sane incoming `X-Request-Id`, else a new UUID.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (isSaneRequestId(req.id)) return req.id;
  const header = req.headers['x-request-id'];
  return isSaneRequestId(header) ? header : randomUUID();
}
