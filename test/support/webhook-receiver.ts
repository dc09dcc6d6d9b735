import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One POST the receiver got, with the status it answered. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; occurredAt: string; data: Record<string, any> };
  answered: number;
}

/** A webhook receiver on loopback (node:http, port 0): records every POST and answers what `answer` says (200 by default). */
export interface Receiver {
  url: string;
  received: Received[];
  /** Every event answered 2xx, in arrival order. */
  accepted(): Received[];
  /** What to answer the next POSTs: a queue of statuses, then 200. */
  failNext(...statuses: number[]): void;
  /** Answer this status to everything until told otherwise (null: back to 200). */
  always(status: number | null): void;
  close(): Promise<void>;
}

export async function startReceiver(path = '/rr/events'): Promise<Receiver> {
  const received: Received[] = [];
  const queue: number[] = [];
  let fixed: number | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = req.method === 'POST' && req.url === path ? (queue.shift() ?? fixed ?? 200) : 404;
      received.push({ headers: req.headers, body, event: JSON.parse(body || '{}'), answered: status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    accepted: () => received.filter((r) => r.answered >= 200 && r.answered < 300),
    failNext: (...statuses) => queue.push(...statuses),
    always: (status) => (fixed = status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * What a receiver does (the README's guide): recompute HMAC-SHA256 over `<timestamp>.<raw body>` with
 * the signing secret, compare in constant time, and refuse a timestamp more than 5 minutes off.
 */
export function verifySignature(signingSecret: string, headers: IncomingHttpHeaders, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const timestamp = Number(headers['x-rr-timestamp']);
  const signature = String(headers['x-rr-signature'] ?? '');
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', signingSecret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
