import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '@app/shared';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DbPoolMetrics } from './db-pool.metrics.js';
import { GraphqlMetricsPlugin } from './graphql-metrics.plugin.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import { Metrics } from './metrics.js';
import { ReadinessController } from './readiness.controller.js';
import { requestLogParams } from './request-log.js';
import { SweepMetrics } from './sweep.metrics.js';

/** What an operator watches: the JSON request log, /ready and /metrics. */
@Module({})
export class ObservabilityModule implements NestModule {
  /** `logDestination`: where the log lines go (stdout by default; tests capture them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(requestLogParams(config, logDestination)), DiscoveryModule],
      controllers: [ReadinessController, MetricsController],
      providers: [Metrics, DbPoolMetrics, SweepMetrics, GraphqlMetricsPlugin],
      exports: [Metrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
