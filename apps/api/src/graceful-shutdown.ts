import type { Server } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Ends the process without cutting a request: on SIGTERM or SIGINT the server stops accepting
 * connections, every request already received is answered (with `Connection: close`, so no client
 * sends another on that connection), and only then does the app close: the sweeps stop (a running
 * one finishes) and the database pool closes. The process exits 0; past the timeout it exits 1
 * anyway. Nest's own shutdown hooks do these in the other order (sweeps and Apollo before the HTTP
 * server drains) and end the process by re-raising the signal.
 */
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly inFlight = new Set<Response>();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly app: INestApplication,
    private readonly timeoutSeconds: number,
  ) {}

  /** Express middleware, registered before every route: knows which answers are still to be sent. */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.closing) res.setHeader('Connection', 'close');
    this.inFlight.add(res);
    res.on('close', () => this.inFlight.delete(res));
    next();
  };

  /** Shuts down on the first SIGTERM or SIGINT. */
  listen(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
    for (const signal of signals) process.once(signal, () => void this.shutdown(signal));
  }

  shutdown(signal: string): Promise<void> {
    this.closing ??= this.run(signal);
    return this.closing;
  }

  private async run(signal: string): Promise<void> {
    const timer = setTimeout(() => {
      this.logger.error(`${this.inFlight.size} request(s) still open after ${this.timeoutSeconds} s; exiting anyway`);
      process.exit(1);
    }, this.timeoutSeconds * 1000);
    timer.unref();
    this.logger.log(`${signal}: no new connections; answering ${this.inFlight.size} request(s) in flight`);
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const server = this.app.getHttpServer() as Server;
    // close() refuses new connections at once, drops idle keep-alive ones, and calls back when the
    // last busy one has sent its answer and closed.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      await this.app.close();
    } catch (error) {
      this.logger.error(`closing the app failed: ${(error as Error).message}`);
      process.exit(1);
    }
    this.logger.log('answered everything; sweeps stopped and the database closed');
    process.exit(0);
  }
}
