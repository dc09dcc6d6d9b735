import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Request } from 'express';
import { AuthModule } from '@app/auth';
import { BaseModule } from '@app/base';
import { BookingModule } from '@app/booking';
import { type AppConfig, createValidationPipe, DatabaseModule, DomainExceptionFilter, formatGraphqlError, type GqlContext, RequestContext } from '@app/shared';
import { SCHEMA } from './database/schema.js';
import { StartupService } from './demo/startup.service.js';
import { DemoDataService } from './demo/demo-data.service.js';
import { HealthController } from './health.controller.js';

/** Wires the modules together; holds no domain logic. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, SCHEMA),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.schemaFile || true,
          sortSchema: true,
          // Apollo's own landing page loads the Sandbox from a CDN; ours is served by explorer.ts.
          playground: false,
          plugins: [ApolloServerPluginLandingPageDisabled()],
          introspection: true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphqlError,
          context: ({ req }: { req: Request }): GqlContext => ({ req, ctx: RequestContext.anonymous() }),
        }),
        AuthModule.forRoot(config),
        BaseModule,
        BookingModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        StartupService, DemoDataService],
    };
  }
}
