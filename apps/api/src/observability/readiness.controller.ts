import { Controller, Get, Logger, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@app/shared';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

/** A probe that hangs is as bad as one that fails: the load balancer needs an answer. */
const READY_TIMEOUT_MS = 2000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Readiness, beside /health's liveness: send this process traffic only when its database answers
 * and every migration this code expects has been applied (a process started before another ran the
 * migrations, or on a database restored from an old backup, is not ready). 503 with the reason
 * otherwise; the database's own error goes to the log, not to the caller.
 */
@Controller('ready')
export class ReadinessController {
  private readonly logger = new Logger('Ready');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  async ready(@Res() res: Response): Promise<void> {
    let applied: Set<string>;
    try {
      if (!this.dataSource.isInitialized) throw new Error('the data source is closed');
      const table = this.dataSource.driver.escape(this.dataSource.options.migrationsTableName ?? 'migrations');
      // Reads the table TypeORM keeps; unlike showMigrations(), never creates it.
      const rows = await within(READY_TIMEOUT_MS, this.dataSource.query<Array<{ name: string }>>(`SELECT name FROM ${table}`));
      applied = new Set(rows.map((row) => row.name));
    } catch (error) {
      this.logger.warn(`not ready: the database does not answer: ${(error as Error).message}`);
      res.status(503).json({ status: 'unavailable', reason: 'the database does not answer' });
      return;
    }
    const pending = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
    if (pending.length) {
      res.status(503).json({ status: 'unavailable', reason: `${pending.length} migration(s) not applied`, pending });
      return;
    }
    res.json({ status: 'ready', database: this.dataSource.options.type, migrations: applied.size });
  }
}
