import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions, detectServerFlavour, type SchemaSources } from './data-source-options.js';
import { TransactionRunner } from './transaction-runner.js';
import { Clock } from '../time/clock.js';

/** The database connection for the whole app, the TransactionRunner every service uses, and the clock. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, sources: SchemaSources): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRootAsync({ useFactory: async () => dataSourceOptions(await detectServerFlavour(config.database), sources) })],
      providers: [{ provide: APP_CONFIG, useValue: config }, TransactionRunner, Clock],
      exports: [APP_CONFIG, TransactionRunner, Clock],
    };
  }
}
