import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/shared';
import { createApp } from './app.factory.js';
import { runPrimary } from './cluster-primary.js';
import { GracefulShutdown } from './graceful-shutdown.js';
import { bufferLogLines } from './observability/request-log.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // WORKERS > 1: this process forks and watches the workers; each of them runs the rest of main().
  if (cluster.isPrimary && config.workers > 1) return runPrimary(config);
  const app = await createApp(config);
  const shutdown = new GracefulShutdown(app, config.shutdownTimeoutSeconds);
  // Before listen(), which mounts the routes: so every request is counted.
  app.use(shutdown.track);
  shutdown.listen();
  await app.listen(config.port, config.host);
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'MySQL';
  Logger.log(`GraphQL at http://${config.host}:${config.port}/graphql (${where})`, 'Main');
  bufferLogLines();
}

main().catch((error: Error) => {
  Logger.error(error.message, 'Main');
  process.exit(1);
});
