import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import type { GqlContext } from '@app/shared';
import { Kind, type OperationDefinitionNode, OperationTypeNode } from 'graphql';
import { Metrics } from './metrics.js';
import { observeGraphql } from './request-observation.js';

/** The mutations that book beds, counted by outcome. */
const BOOKING_FIELDS = new Set(['requestBatch']);

/** An extensions.code as a label: codes are upper-case words; anything else is grouped, so labels stay few. */
function codeLabel(code: unknown): string {
  return typeof code === 'string' && /^[A-Z][A-Z_]{0,39}$/.test(code) ? code : 'OTHER';
}

/** The root field an operation asks for: one schema name, or "(multiple)". Validated, so never made up by the client. */
function rootField(operation: OperationDefinitionNode): string {
  const names = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return '(multiple)';
    names.add(selection.name.value);
  }
  return names.size === 1 ? [...names][0] : '(multiple)';
}

/**
 * Measures every GraphQL request as it is answered: its latency by operation type and root field,
 * each error by its final extensions.code (after formatGraphqlError), and each requestBatch by
 * outcome (read from the answer, alias by alias, so booking's code needs no hook). It also hands the
 * request log who asked and what, since the log line is written after GraphQL has let go of its context.
 */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin<GqlContext> {
  constructor(private readonly metrics: Metrics) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext>> {
    const started = process.hrtime.bigint();
    return {
      willSendResponse: async (request) => this.record(request, Number(process.hrtime.bigint() - started) / 1e9),
    };
  }

  private record({ operation, response, contextValue }: GraphQLRequestContextWillSendResponse<GqlContext>, seconds: number): void {
    // Only a validated operation is named; a request refused before (syntax, validation) is "(invalid)".
    const type = operation?.operation ?? 'unknown';
    const field = operation ? rootField(operation) : '(invalid)';
    this.metrics.graphqlDuration.observe({ type, field }, seconds);
    const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
    const errors = body?.errors ?? [];
    const codes = errors.map((error) => codeLabel(error.extensions?.code));
    for (const code of codes) this.metrics.graphqlRefusals.inc({ code });
    if (operation?.operation === OperationTypeNode.MUTATION) {
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD || !BOOKING_FIELDS.has(selection.name.value)) continue;
        const key = selection.alias?.value ?? selection.name.value;
        const refusal = errors.find((error) => error.path?.[0] === key);
        if (refusal) this.metrics.bookings.inc({ outcome: codeLabel(refusal.extensions?.code) });
        else if (body?.data?.[key] != null) this.metrics.bookings.inc({ outcome: 'booked' });
      }
    }
    observeGraphql(contextValue.req, contextValue.ctx?.actor ?? null, { type, field, codes });
  }
}
