import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A live subscription over graphql-ws to the API at `base` (http://…): what it has received so far, and how to wait for more. */
export function subscribe(base: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const url = base.replace(/^http/, 'ws') + '/graphql';
  const client: Client = createClient({ url, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });
  const received: Received[] = [];
  let done = false;
  const waiters: Array<() => void> = [];
  const poke = () => waiters.splice(0).forEach((w) => w());
  const stop = client.subscribe(
    { query, variables },
    {
      next: (value) => (received.push(value as Received), poke()),
      error: (error) => (received.push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] }), (done = true), poke()),
      complete: () => ((done = true), poke()),
    },
  );
  /** Resolves when `count` results have arrived (or the stream ended); fails after `ms`. */
  const until = (count: number, ms = 8000) =>
    new Promise<Received[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} in ${ms} ms: ${JSON.stringify(received)}`)), ms);
      const check = () => {
        if (received.length >= count || done) {
          clearTimeout(timer);
          resolve(received);
        } else waiters.push(check);
      };
      check();
    });
  return {
    received,
    until,
    isDone: () => done,
    close: async () => {
      stop();
      await client.dispose();
    },
  };
}
