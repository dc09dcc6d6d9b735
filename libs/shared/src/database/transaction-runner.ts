import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { RequestContext, TxContext } from '../context/request-context.js';
import { DomainException } from '../errors/domain.exception.js';
import { isDatabaseUnavailable, isLockConflict } from './sql-errors.js';

/** How many times a unit of work is re-run after a MySQL deadlock or lock wait timeout. */
export const MAX_LOCK_RETRIES = 5;

/**
 * The one way to the database. `transaction()` opens a unit of work at the boundary (a resolver's
 * service call or a job) and hands the work a context bound to the transaction's EntityManager;
 * nested calls that already carry a manager simply join it.
 *
 * SQLite: TypeORM shares one connection, so concurrent transactions would interleave on it. Every
 * access goes through one promise queue; SQLite has one writer anyway.
 * MySQL: real transactions; a deadlock or lock timeout re-runs the whole unit after rollback, a
 * bounded number of times, then is reported as CONFLICT; a database that does not answer at all is
 * reported as SERVICE_UNAVAILABLE.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private queue: Promise<unknown> = Promise.resolve();
  readonly isSqlite: boolean;
  /** Units re-run after a lock conflict since start-up (observability and tests). */
  lockRetries = 0;
  /** Units refused as SERVICE_UNAVAILABLE because the database did not answer, since start-up. */
  unavailableErrors = 0;
  private unavailableLoggedAt = 0;

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.isSqlite = config.database.type === 'sqlite';
  }

  /** Runs `work` in one transaction: all of it commits, or none of it. */
  async transaction<T>(ctx: RequestContext, work: (tx: TxContext) => Promise<T>): Promise<T> {
    if (ctx.inTransaction()) return work(ctx);
    if (this.isSqlite) {
      return this.serialize(() => this.dataSource.transaction((em) => work(ctx.withManager(em))));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((em) => work(ctx.withManager(em)));
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw this.unavailable(error, ctx);
        if (!isLockConflict(error)) throw error;
        if (attempt > MAX_LOCK_RETRIES) {
          this.logger.warn(`gave up after ${attempt} lock conflicts (request ${ctx.requestId})`);
          throw DomainException.conflict('The booking system is very busy and could not complete this change; nothing was saved. Please try again.', { retries: MAX_LOCK_RETRIES });
        }
        this.lockRetries++;
        // Jittered backoff so the deadlocked peers do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20 * attempt));
      }
    }
  }

  /** Reads outside a transaction (or inside the caller's, when it has one). */
  async read<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (ctx.em) return work(ctx.em);
    if (this.isSqlite) return this.serialize(() => work(this.dataSource.manager));
    try {
      return await work(this.dataSource.manager);
    } catch (error) {
      throw isDatabaseUnavailable(error) ? this.unavailable(error, ctx) : error;
    }
  }

  /** Shared row lock on MySQL (`SELECT … LOCK IN SHARE MODE`): others may read-lock it too, none may change it meanwhile. */
  forShare<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.isSqlite ? qb : qb.setLock('pessimistic_read');
  }

  /** Row lock on MySQL (`SELECT … FOR UPDATE`); SQLite's single writer needs none. */
  forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.isSqlite ? qb : qb.setLock('pessimistic_write');
  }

  /**
   * The database is down or unreachable: SERVICE_UNAVAILABLE, not retried here (the client retries,
   * with its idempotencyKey). A transaction cut off before its COMMIT was rolled back by the server;
   * the pool opens fresh connections once the server answers again, so no restart is needed.
   */
  private unavailable(error: unknown, ctx: RequestContext): DomainException {
    this.unavailableErrors++;
    // One line per few seconds, not one per request: an outage under load would bury the log.
    if (Date.now() - this.unavailableLoggedAt > 5000) {
      this.unavailableLoggedAt = Date.now();
      this.logger.warn(`database unavailable (request ${ctx.requestId}; ${this.unavailableErrors} refused since start-up): ${(error as Error).message}`);
    }
    return DomainException.serviceUnavailable();
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
