import { randomUUID } from 'node:crypto';
import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';

/*
 * With WORKERS > 1 each worker counts only what it served, and a scrape reaches whichever worker
 * the primary hands the connection to: alone, every scrape would show a different share. So a
 * worker asked for /metrics asks the primary, which gathers every worker's registry (prom-client's
 * cluster protocol) and answers the sums: any worker's scrape shows the whole API.
 */

const REQUEST = 'rr:metrics-request';
const REPLY = 'rr:metrics-reply';
/** A worker busy past this is left out of a scrape rather than holding it up. */
const GATHER_TIMEOUT_MS = 5000;

interface MetricsMessage {
  type?: string;
  id?: string;
  text?: string;
  error?: string;
}

/** In the primary: answers the workers' requests for the metrics of all of them. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: MetricsMessage) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: REPLY, id: message.id, text }),
      (error: Error) => worker.send({ type: REPLY, id: message.id, error: error.message }),
    );
  });
}

/** In a worker: the Prometheus text of every worker together, from the primary. */
export function metricsOfAllWorkers(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = randomUUID();
    const onMessage = (message: MetricsMessage) => {
      if (message?.type !== REPLY || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? '');
    };
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error(`the cluster's primary did not gather the workers' metrics within ${GATHER_TIMEOUT_MS} ms`));
    }, GATHER_TIMEOUT_MS);
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** A worker's registry is the one prom-client's cluster protocol reads from it. */
export const isClusterWorker = (): boolean => cluster.isWorker && typeof process.send === 'function';
