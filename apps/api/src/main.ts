import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/shared';
import { createApp } from './app.factory.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'MySQL';
  Logger.log(`GraphQL at http://localhost:${config.port}/graphql (${where})`, 'Main');
}

main().catch((error: Error) => {
  Logger.error(error.message, 'Main');
  process.exit(1);
});
