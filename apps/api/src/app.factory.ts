import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@app/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { consoleRoutes } from './console/console-assets.js';
import { EXPLORER_CSP, EXPLORER_HTML } from './explorer/explorer.page.js';

/**
 * helmet's default headers, worked out once: all of them are constant, yet helmet() computes and
 * chains twelve middlewares per request (about 8% of the CPU of a `{ __typename }` under load).
 * Any header it would remove (X-Powered-By) is off already.
 */
function securityHeaders(): (req: Request, res: Response, next: NextFunction) => void {
  const headers: [string, string][] = [];
  const recorder = { setHeader: (name: string, value: unknown) => headers.push([name, String(value)]), removeHeader: () => undefined, getHeader: () => undefined };
  let ran = false;
  helmet()({ headers: {} } as Request, recorder as unknown as Response, () => (ran = true));
  if (!ran || headers.length === 0) throw new Error('helmet did not answer synchronously: its headers cannot be worked out once');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** Builds the whole API for a configuration; main.ts and the e2e tests both start it this way. */
export async function createApp(config: AppConfig, options: { logger?: false | ('error' | 'warn' | 'log')[]; logDestination?: DestinationStream } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.logDestination), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: false,
    // Start-up messages wait for the JSON logger below, so every line is JSON (LOG_LEVEL applies).
    bufferLogs: true,
  });
  // Nest's Logger calls (Logger.log, new Logger('Sweeps') …) go to pino from here on, with the request id inside a request.
  app.useLogger(app.get(PinoLogger));
  // First, so every answer carries them, errors included. helmet's default CSP (same origin only)
  // suits JSON answers; the notice and explorer pages set their own, stricter, per page.
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(express.json({ limit: '1mb' }));
  // The OAuth 2.0 token endpoint takes a form body (RFC 6749 §4.4.2); nothing else does.
  app.use('/oauth/token', express.urlencoded({ extended: false, limit: '8kb' }));
  // A body that is not JSON, or too large, gets a GraphQL-shaped error like every other mistake.
  app.use((error: { status?: number; type?: string } | undefined, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const tooLarge = error.type === 'entity.too.large';
    res.status(error.status ?? 400).json({
      errors: [
        {
          message: tooLarge ? 'The request body is larger than 1 MB' : 'The request body is not valid JSON: send {"query": "...", "variables": {...}}',
          extensions: { code: 'BAD_USER_INPUT', field: 'body' },
        },
      ],
    });
  });
  // The people's console (apps/console), one origin with the API: same sign-in, same roles.
  app.use('/console', consoleRoutes());
  if (config.explorer) {
    // Registered before Apollo's route: a browser asking for HTML gets the offline explorer.
    app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
      if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html' && !req.query.query) {
        res.setHeader('Content-Security-Policy', EXPLORER_CSP);
        res.type('html').send(EXPLORER_HTML);
        return;
      }
      next();
    });
  }
  // No enableShutdownHooks: Nest's would stop the sweeps before the HTTP server drains and end the
  // process by re-raising the signal; main.ts's GracefulShutdown drains first and exits 0.
  return app;
}
