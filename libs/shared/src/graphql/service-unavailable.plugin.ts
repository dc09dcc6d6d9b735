import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, SERVICE_RETRY_AFTER_SECONDS } from '../errors/domain.exception.js';

/**
 * A GraphQL answer that carries SERVICE_UNAVAILABLE (the database did not answer) goes out as HTTP
 * 503 with `Retry-After`, so load balancers, proxies and plain HTTP clients see what GraphQL clients
 * read in `extensions.code`. Other domain errors stay HTTP 200, as GraphQL's convention has them.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          // @nestjs/apollo's own willSendResponse (added after ours) sets 200 on every answer that
          // ran; Apollo starts all listeners at once, so ours waits one tick and has the last word.
          await Promise.resolve();
          if (response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(SERVICE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
