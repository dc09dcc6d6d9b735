import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { SWEEP_NAME } from '@app/shared';
import { Metrics } from './metrics.js';

type SweepMethod = (now: Date) => Promise<number>;

/**
 * Times every `@Sweep` method (count, duration and result by sweep, and what it changed), whoever
 * runs it: the scheduler's interval or `SweepScheduler.runAll`. It wraps the methods on their
 * providers once, at start-up, rather than living inside SweepScheduler, so the scheduler stays
 * about when sweeps run and this file about what is measured; the scheduler looks each method up
 * when it runs it, so it calls the wrapper.
 */
@Injectable()
export class SweepMetrics implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | null | undefined;
      if (!wrapper.isDependencyTreeStatic() || !instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const original = instance[method] as SweepMethod;
        const name = Reflect.getMetadata(SWEEP_NAME, original) as string | undefined;
        if (name) instance[method] = this.timed(name, original.bind(instance));
      }
    }
  }

  private timed(sweep: string, run: SweepMethod): SweepMethod {
    const timed = async (now: Date): Promise<number> => {
      const end = this.metrics.sweepDuration.startTimer({ sweep });
      try {
        const changed = await run(now);
        this.metrics.sweepRuns.inc({ sweep, result: 'ok' });
        if (changed > 0) this.metrics.sweepChanged.inc({ sweep }, changed);
        return changed;
      } catch (error) {
        this.metrics.sweepRuns.inc({ sweep, result: 'failed' });
        throw error;
      } finally {
        end();
      }
    };
    // Keeps the @Sweep mark on the method, for anything that looks for it after this ran.
    Reflect.defineMetadata(SWEEP_NAME, sweep, timed);
    return timed;
  }
}
