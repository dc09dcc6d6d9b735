import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { Metrics } from './metrics.js';

/** What mysql2's pool keeps: its fields are not public API, so each one is read only if present. */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/** The driver's fields, as TypeORM 1.x names them. */
interface DriverInternals {
  pool?: Mysql2Pool;
  databaseConnection?: { inTransaction?: boolean; open?: boolean };
}

/**
 * The database pool's use, read when /metrics is scraped (nothing runs between scrapes). MySQL:
 * mysql2's open, free and waiting counts. SQLite has one connection, shared by every request through
 * the TransactionRunner's queue: total 1, busy while a transaction is open on it.
 */
@Injectable()
export class DbPoolMetrics {
  constructor(metrics: Metrics, @InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const driver = (): DriverInternals => (dataSource.isInitialized ? (dataSource.driver as unknown as DriverInternals) : {});
    new Gauge({
      name: 'rr_db_pool_connections',
      help: 'Database connections of this process by state: total (open), busy, free, and limit (the most the pool opens); SQLite has one',
      labelNames: ['state'] as const,
      registers: [metrics.registry],
      collect() {
        this.reset();
        const { pool, databaseConnection: sqlite } = driver();
        if (pool) {
          const total = pool._allConnections?.length ?? 0;
          const free = pool._freeConnections?.length ?? 0;
          this.set({ state: 'total' }, total);
          this.set({ state: 'free' }, free);
          this.set({ state: 'busy' }, total - free);
          if (pool.config?.connectionLimit) this.set({ state: 'limit' }, pool.config.connectionLimit);
        } else if (sqlite) {
          const open = sqlite.open !== false ? 1 : 0;
          const busy = open && sqlite.inTransaction ? 1 : 0;
          this.set({ state: 'total' }, open);
          this.set({ state: 'busy' }, busy);
          this.set({ state: 'free' }, open - busy);
          this.set({ state: 'limit' }, 1);
        }
      },
    });
    // SQLite's waiting line is the TransactionRunner's queue, which this cannot see: no figure rather than a false 0.
    if (config.database.type !== 'mysql') return;
    new Gauge({
      name: 'rr_db_pool_queued_requests',
      help: 'Requests waiting for a free MySQL connection',
      registers: [metrics.registry],
      collect() {
        this.set(driver().pool?._connectionQueue?.length ?? 0);
      },
    });
  }
}
