import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { type AppConfig, APP_CONFIG, DomainException, type GqlContext, may, Permission, RequestContext } from '@app/shared';
import { type DocumentNode, GraphQLError, visit, BREAK } from 'graphql';
import { AuthService } from './auth.service.js';

// Apollo keeps one parsed document per distinct query text, so each is walked once, not per request.
const seen = new WeakMap<DocumentNode, boolean>();

/** Whether a request reads the schema itself (`__schema`, `__type`); `__typename` is an ordinary field. */
export function readsSchema(document: DocumentNode): boolean {
  const known = seen.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
      found = true;
      return BREAK;
    },
  });
  seen.set(document, found);
  return found;
}

/**
 * In production the schema is the federation admin's to read: anyone else who asks for `__schema` or
 * `__type` is refused (FORBIDDEN, HTTP 403) before anything runs, so an anonymous caller cannot map
 * the API. In development introspection stays open. Checked after parsing, with the same token
 * verification as the guard (the guard itself never sees introspection fields).
 */
@Plugin()
export class IntrospectionGate implements ApolloServerPlugin<GqlContext> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext> | void> {
    if (!this.config.production) return;
    return {
      didResolveOperation: async ({ document, contextValue }) => {
        if (!readsSchema(document) || (await this.isFederation(contextValue))) return;
        const refusal = DomainException.forbidden('Only the federation admin may read the schema here: sign in as admin (the explorer page signs in at the top)');
        throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 403 } } });
      },
    };
  }

  private async isFederation({ req }: GqlContext): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return false;
    try {
      const actor = await this.auth.verify(RequestContext.anonymous(), token);
      return may(RequestContext.forActor(actor), Permission.ManageFederation);
    } catch {
      return false;
    }
  }
}
