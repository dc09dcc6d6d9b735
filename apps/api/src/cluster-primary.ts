import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@app/shared';
import { answerMetricsRequests } from './observability/cluster-metrics.js';

/** A worker that served and then died is replaced, unless this many died within a minute. */
const MAX_REPLACEMENTS_PER_MINUTE = 5;

/**
 * WORKERS > 1 (MySQL only): this process serves nothing itself. It forks the API processes, which
 * share the port (node:cluster's primary hands each new connection to the next worker in turn);
 * each worker is a whole API with its own database pool. They coordinate only through the database:
 * migrations, the first data and each sweep run under MySQL locks (named-lock.ts), so starting N at
 * once is safe.
 *
 * SIGTERM or SIGINT: passed to every worker, each drains its requests as one process would
 * (graceful-shutdown.ts); the primary exits 0 when all of them exited 0, else 1. A worker that dies
 * after it served is replaced; one that dies before it ever listened (bad settings, no database)
 * stops them all with 1, rather than forking forever.
 */
export function runPrimary(config: AppConfig): void {
  const logger = new Logger('Cluster');
  const live = new Set<Worker>();
  const served = new WeakSet<Worker>();
  const replacedAt: number[] = [];
  let stopping = false;
  let exitCode = 0;

  // Development without JWT_SECRET makes one at random per process: the workers must share it, or
  // a token signed by one would be refused by the next.
  process.env.JWT_SECRET = config.jwtSecret;

  // A scrape of /metrics reaching any worker answers for all of them.
  answerMetricsRequests();

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.once('listening', () => served.add(worker));
  };

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = Math.max(exitCode, code);
    logger.log(`${reason}: stopping ${live.size} worker(s); each answers what it has in flight`);
    for (const worker of live) worker.process.kill('SIGTERM');
    // Each worker ends itself after SHUTDOWN_TIMEOUT_SECONDS; this only catches one that hangs.
    setTimeout(
      () => {
        logger.error(`${live.size} worker(s) still running ${config.shutdownTimeoutSeconds + 5} s after ${reason}; killing them`);
        for (const worker of live) worker.process.kill('SIGKILL');
        process.exit(1);
      },
      (config.shutdownTimeoutSeconds + 5) * 1000,
    ).unref();
  };

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (live.size === 0) {
        logger.log(`every worker has stopped; exiting ${exitCode}`);
        process.exit(exitCode);
      }
      return;
    }
    if (!served.has(worker)) {
      logger.error(`worker ${worker.process.pid} exited (${how}) before it served; its log above says why`);
      stop('a worker failed to start', 1);
      return;
    }
    const now = Date.now();
    replacedAt.push(now);
    while (replacedAt[0] < now - 60_000) replacedAt.shift();
    if (replacedAt.length > MAX_REPLACEMENTS_PER_MINUTE) {
      logger.error(`worker ${worker.process.pid} exited (${how}): ${replacedAt.length} in a minute, not replacing any more`);
      stop('workers keep dying', 1);
      return;
    }
    logger.error(`worker ${worker.process.pid} exited (${how}); starting another`);
    fork();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop(signal, 0));
  logger.log(`starting ${config.workers} workers on http://${config.host}:${config.port}/graphql`);
  for (let i = 0; i < config.workers; i++) fork();
}
