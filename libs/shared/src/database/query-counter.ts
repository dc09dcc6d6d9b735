import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements the process sends, so tests can prove that a listing costs a constant
 * number of queries; logs failed and slow queries without their parameters (they may be personal).
 */
export class QueryCounter implements TypeOrmLogger {
  private static count = 0;
  private readonly logger = new NestLogger('SQL');
  /** LOG_SQL=true prints every statement (never its parameters, which may be personal). */
  private readonly echo = process.env.LOG_SQL === 'true';

  static get total(): number {
    return QueryCounter.count;
  }

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    QueryCounter.count++;
    if (this.echo) this.logger.log(query.slice(0, 300));
  }

  logQueryError(error: string | Error, query: string): void {
    QueryCounter.count++;
    this.logger.debug(`${typeof error === 'string' ? error : error.message} — in: ${query.slice(0, 200)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`${time} ms: ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
