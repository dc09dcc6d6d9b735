import { Injectable } from '@nestjs/common';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { isClusterWorker } from './cluster-metrics.js';

/** Seconds: from a fast cached read to a request that waited on a busy database. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Every metric the API exposes at GET /metrics, in a registry of its own per app (not prom-client's
 * global one), so two apps in one process (the tests) never share or clash. Each label takes values
 * from a closed set (routes, schema field names, error codes, sweep names): a client cannot grow the
 * number of series by what it sends.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'rr_http_request_duration_seconds',
    help: 'HTTP requests by method, route (the pattern, never the path with its ids) and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'rr_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type (query, mutation) and root field ("(multiple)" for several, "(invalid)" when it never ran)',
    labelNames: ['type', 'field'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlRefusals = new Counter({
    name: 'rr_graphql_refusals_total',
    help: 'GraphQL errors answered, by extensions.code (CAPACITY_EXCEEDED, FORBIDDEN, BAD_USER_INPUT …)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly bookings = new Counter({
    name: 'rr_bookings_requested_total',
    help: 'requestBatch calls by outcome: "booked" (a retry with the same idempotencyKey included) or the refusal code',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly sweepRuns = new Counter({
    name: 'rr_sweep_runs_total',
    help: 'Sweep runs by sweep and result (ok, failed)',
    labelNames: ['sweep', 'result'] as const,
    registers: [this.registry],
  });

  readonly sweepDuration = new Histogram({
    name: 'rr_sweep_duration_seconds',
    help: 'How long each sweep run took',
    labelNames: ['sweep'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [this.registry],
  });

  readonly sweepChanged = new Counter({
    name: 'rr_sweep_changed_total',
    help: 'What the sweeps changed (expired holds, released allotment nights …), by sweep',
    labelNames: ['sweep'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Process CPU, memory, event-loop lag and GC: what a slow answer is usually explained by.
    collectDefaultMetrics({ register: this.registry });
    // A cluster worker's metrics are read by the primary from this registry (cluster-metrics.ts).
    // (prom-client starts answering the primary's requests when an AggregatorRegistry is made.)
    if (isClusterWorker()) {
      AggregatorRegistry.setRegistries([this.registry]);
      new AggregatorRegistry();
    }
  }
}
