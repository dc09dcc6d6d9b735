import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@app/shared';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module.js';
import { EXPLORER_HTML } from './explorer/explorer.page.js';

/** Builds the whole API for a configuration; main.ts and the e2e tests both start it this way. */
export async function createApp(config: AppConfig, options: { logger?: false | ('error' | 'warn' | 'log')[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  if (config.explorer) {
    // Registered before Apollo's route: a browser asking for HTML gets the offline explorer.
    app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
      if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html' && !req.query.query) {
        res.type('html').send(EXPLORER_HTML);
        return;
      }
      next();
    });
  }
  app.enableShutdownHooks();
  return app;
}
