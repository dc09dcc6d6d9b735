import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AppConfig, isSaneRequestId, type RequestContext } from '@app/shared';
import type { Params } from 'nestjs-pino';
import { pino, type DestinationStream, type Level } from 'pino';
import { actorOf, graphqlOf } from './request-observation.js';

type Req = IncomingMessage & { id?: unknown; ctx?: RequestContext; route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };

/** The probes a load balancer or Prometheus calls every few seconds: only at LOG_LEVEL=debug, unless they fail. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

/** The path without its query string: a GET /graphql carries the query and its variables there. */
function pathOf(req: Req): string {
  // originalUrl: express rewrites req.url inside a mounted router (Apollo's sees '/').
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** The pattern of the controller route that answered; a middleware's catch-all (`{/*splat}`) is none. */
function controllerRoute(req: Req): string | undefined {
  const pattern = req.route?.path;
  return typeof pattern === 'string' && !pattern.includes('*') ? (req.baseUrl ?? '') + pattern : undefined;
}

/**
 * The route's pattern when a controller answered (`/batches/:batchId/participants.:format`, `/notice/:token`),
 * '/graphql', or '(unmatched)': the metrics' label, a closed set. The notice token (a capability to
 * read a posted list) is thereby kept out of the log too.
 */
export function routeOf(req: Req): string {
  const pattern = controllerRoute(req);
  if (pattern) return pattern;
  const path = pathOf(req);
  if (path === '/graphql' || PROBES.has(path)) return path;
  return '(unmatched)';
}

/**
 * pino-http's settings: one JSON line per request when its answer is sent, holding only what is safe
 * to keep: the request id, method, route (and path with the ids, for routes without a secret in
 * them), status, time taken, the user's id and role, and for GraphQL the operation's type, root field
 * and error codes. Never bodies, variables, query strings, headers (the token), names, ID numbers or
 * phones: the serializers build each field from scratch rather than removing fields from a full dump.
 */
export function requestLogParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: Params['pinoHttp'] = {
    level: config.logLevel,
    // The id the RequestContext and the personal-data access record use too (requestIdOf reads req.id).
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const header = req.headers['x-request-id'];
      const id = isSaneRequestId(header) ? header : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    // Nest's Logger calls made while a request runs carry its requestId only, not the request.
    quietReqLogger: true,
    // The request is described when its answer has gone (below), once routing has named its route;
    // a binding made when it arrives would be serialized before that.
    quietResLogger: true,
    wrapSerializers: false,
    serializers: {
      req: (req: Req) => {
        const route = routeOf(req);
        // The path with its ids only for a route that answered and holds no secret: an unmatched
        // path is whatever the client typed, which may be anything.
        const withPath = controllerRoute(req) !== undefined && !route.includes(':token');
        return { method: req.method, route, ...(withPath ? { path: pathOf(req) } : {}) };
      },
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      // Only an error's kind and message; a stack is for the Nest logger's own error lines.
      err: (err: Error) => ({ type: err.name, message: err.message }),
    },
    customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error): Level | 'silent' => {
      if (err || res.statusCode >= 500) return 'error';
      if (PROBES.has(pathOf(req))) return 'debug';
      return 'info';
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: Record<string, unknown>) => ({ req, ...value, ...who(req) }),
    customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, value: Record<string, unknown>) => ({ req, ...value, ...who(req) }),
  };
  return { pinoHttp: [options, destination ?? bufferedStdout()] };
}

/** The standard output log lines go to, when no other destination was given (tests give their own). */
let stdoutLines: (DestinationStream & { sync: boolean; minLength: number; flush(): void; flushSync(): void }) | null = null;

/** Standard output, written line by line (pino's default) until bufferLogLines. */
function bufferedStdout(): DestinationStream {
  stdoutLines = pino.destination({ dest: 1, sync: true }) as unknown as typeof stdoutLines;
  return stdoutLines!;
}

/**
 * Once the server listens (its start-up lines, "GraphQL at …" last, are out): log lines go through a
 * 4 KiB buffer written without blocking, and at least every 200 ms. A blocking write per line was
 * about 7% of a booking's CPU under load. At exit the rest is written synchronously; a process
 * killed outright (SIGKILL) loses at most the last 200 ms of lines.
 */
export function bufferLogLines(): void {
  const out = stdoutLines;
  if (!out || !out.sync) return;
  // sonic-boom reads both on every write; in sync mode nothing is in flight, so the switch is clean.
  out.sync = false;
  out.minLength = 4096;
  setInterval(() => out.flush(), 200).unref();
  process.once('exit', () => {
    try {
      out.flushSync();
    } catch {
      // Already closed: nothing is waiting to be written.
    }
  });
}
/** The user (id and role only: a username can be a person's name) and the GraphQL operation. */
function who(req: Req): Record<string, unknown> {
  const actor = actorOf(req);
  const graphql = graphqlOf(req);
  return {
    ...(actor ? { user: { id: actor.userId, role: actor.role } } : {}),
    ...(graphql ? { graphql } : {}),
  };
}
