import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ScheduleModule } from '@nestjs/schedule';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request } from 'express';
import type { ExecutionResult } from 'graphql';
import type { DestinationStream } from 'pino';
import { AuthModule } from '@app/auth';
import { BaseModule } from '@app/base';
import { BillingModule } from '@app/billing';
import { ExchangeModule } from '@app/exchange';
import { BookingModule } from '@app/booking';
import { RosterModule } from '@app/roster';
import { StayOrderModule } from '@app/stay-order';
import { PlatformModule } from '@app/platform';
import {
  type AppConfig,
  createValidationPipe,
  DatabaseModule,
  DomainExceptionFilter,
  formatGraphqlError,
  type GqlContext,
  rangeCostPlugin,
  RequestContext,
  serviceUnavailablePlugin,
  SweepModule,
} from '@app/shared';
import { SCHEMA } from './database/schema.js';
import { StartupService } from './demo/startup.service.js';
import { DemoDataService } from './demo/demo-data.service.js';
import { HealthController } from './health.controller.js';
import { ObservabilityModule } from './observability/observability.module.js';

/**
 * The GraphQL context: over HTTP the request itself; over graphql-ws (a live subscription) the
 * connection's upgrade request, carrying the token sent in connectionParams as its Authorization,
 * so the guard reads both alike.
 */
function liveOrHttpContext(args: { req?: Request; connectionParams?: Record<string, unknown>; extra?: { request?: Request } }): GqlContext {
  if (args.req) return { req: args.req, ctx: RequestContext.anonymous() };
  const params = args.connectionParams ?? {};
  const token = params.authorization ?? params.Authorization;
  const upgrade = args.extra?.request;
  const headers = { ...(upgrade?.headers ?? {}), authorization: typeof token === 'string' ? token : undefined };
  return { req: { headers, socket: upgrade?.socket } as unknown as Request, ctx: RequestContext.anonymous() };
}

/** Wires the modules together; holds no domain logic. */
@Module({})
export class AppModule {
  /** `logDestination`: where the JSON log lines go (stdout when omitted; tests capture them). */
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    // Limits on the shape of a request: no 1,000 aliased logins in one POST, no endlessly nested
    // base → packages → base chains. Field suggestions are hidden in production only.
    const armor = new ApolloArmor({
      maxAliases: { n: 15 },
      maxDepth: { n: 10 },
      maxDirectives: { n: 20 },
      // The token limit is graphql-js's own (parseOptions below): armor's runs in a plugin hook, so
      // its refusals (and every syntax error its own parser meets first) came back as HTTP 500.
      maxTokens: { enabled: false },
      costLimit: { maxCost: 5000 },
      blockFieldSuggestion: { enabled: config.production },
    }).protect();
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, SCHEMA),
        ObservabilityModule.forRoot(config, logDestination),
        // Each module's @Sweep runs on its own interval in Nest's scheduler (HOLD_SWEEP_SECONDS; 0: none).
        ScheduleModule.forRoot(),
        SweepModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.schemaFile || true,
          sortSchema: true,
          // Apollo's own landing page loads the Sandbox from a CDN; ours is served by explorer.ts.
          playground: false,
          // graphql-armor's plugin typings come from its CommonJS build.
          // rangeCostPlugin: armor's cost counts a 366-night calendar as one object; this counts its days.
          // serviceUnavailablePlugin: HTTP 503 + Retry-After while the database does not answer.
          // Cache control is off: no field carries a cache hint and nothing caches answers, yet Apollo's
          // default plugin wraps every field's resolver (willResolveField) to compute a policy per request.
          plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(armor.plugins as never[]), rangeCostPlugin(), serviceUnavailablePlugin()],
          validationRules: armor.validationRules,
          parseOptions: { maxTokens: 2000 },
          introspection: true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphqlError,
          // An HTTP request's context, or a live subscription's (graphql-ws): its token comes in connectionParams.
          context: liveOrHttpContext,
          // Live views (batchUpdated, baseCalendarUpdated) over graphql-ws on the same address; errors
          // come out with their codes as over HTTP.
          subscriptions: {
            'graphql-ws': {
              onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
                result.errors ? { ...result, errors: result.errors.map((e) => formatGraphqlError(e.toJSON(), e)) } : undefined,
            },
          },
        }),
        AuthModule.forRoot(config),
        BaseModule,
        BookingModule,
        RosterModule,
        BillingModule,
        ExchangeModule,
        StayOrderModule,
        PlatformModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }, { provide: APP_FILTER, useClass: DomainExceptionFilter }, StartupService, DemoDataService],
    };
  }
}
