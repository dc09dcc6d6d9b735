import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions, detectServerFlavour, type SchemaSources } from './data-source-options.js';
import { runPendingMigrations } from './locked-migrations.js';
import { TransactionRunner } from './transaction-runner.js';
import { Clock } from '../time/clock.js';
import { SessionCheck } from '../auth/session-check.js';

/** The database connection for the whole app, the TransactionRunner every service uses, and the clock. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, sources: SchemaSources): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => dataSourceOptions(await detectServerFlavour(config.database), sources),
          // Connect, then migrate under a lock (not TypeORM's migrationsRun): processes starting together migrate once.
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            try {
              await runPendingMigrations(dataSource);
            } catch (error) {
              // Nest's TypeORM module retries the whole factory: leave no pool behind for each try.
              await dataSource.destroy().catch(() => undefined);
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, TransactionRunner, Clock, SessionCheck],
      exports: [APP_CONFIG, TransactionRunner, Clock, SessionCheck],
    };
  }
}
