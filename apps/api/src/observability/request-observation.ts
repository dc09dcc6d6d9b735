import type { IncomingMessage } from 'node:http';
import type { Actor, RequestContext } from '@app/shared';

/** What the GraphQL layer learnt about a request, for its log line. */
export interface GraphqlObservation {
  type: string;
  /** The root field (a schema name), "(multiple)" or "(invalid)": never client-chosen text. */
  field: string;
  /** The extensions.code of each error answered, in order. */
  codes: string[];
}

interface Observation {
  actor?: Actor | null;
  graphql?: GraphqlObservation;
}

const observations = new WeakMap<IncomingMessage, Observation>();

/** Records, for the request's log line, what only the GraphQL layer knows (who, which operation). */
export function observeGraphql(req: IncomingMessage, actor: Actor | null, graphql: GraphqlObservation): void {
  observations.set(req, { actor, graphql });
}

/**
 * Who made the request, as far as it was signed in: GraphQL's RequestContext (recorded by the
 * plugin), or the one the auth guard put on the request for the HTTP routes (spreadsheets, notices).
 */
export function actorOf(req: IncomingMessage & { ctx?: RequestContext }): Actor | null {
  return observations.get(req)?.actor ?? req.ctx?.actor ?? null;
}

export function graphqlOf(req: IncomingMessage): GraphqlObservation | undefined {
  return observations.get(req)?.graphql;
}
