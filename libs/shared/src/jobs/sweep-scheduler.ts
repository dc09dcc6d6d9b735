import { type BeforeApplicationShutdown, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { withNamedLock } from '../database/named-lock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Clock } from '../time/clock.js';
import { SWEEP_EVERY, SWEEP_NAME, type SweepPeriodSetting } from './sweep.js';

interface SweepJob {
  name: string;
  every: SweepPeriodSetting;
  run: (now: Date) => Promise<number>;
  running: Promise<number> | null;
}

/** The name of a sweep's interval in Nest's SchedulerRegistry. */
export const sweepIntervalName = (name: string) => `sweep: ${name}`;

/**
 * Finds every method marked `@Sweep(name)` (one per module) and, when its period setting
 * (HOLD_SWEEP_SECONDS, or WEBHOOK_SWEEP_SECONDS for the webhooks) is above 0, gives each its own interval in @nestjs/schedule's SchedulerRegistry, which clears them at
 * shutdown. `@Interval()` itself wants its period when the class is declared, and a name-only
 * `@Interval` would be mounted with no period (every millisecond), so the intervals are added here
 * at bootstrap, from the config. A tick whose sweep is still running is skipped; time is the Clock's.
 *
 * Many processes on one database: each run holds the database's lock for that sweep (`sweep:<name>`,
 * tried once, not waited for), so one process sweeps at a time and the others skip that tick — by
 * design, not by the luck of the guarded updates inside each item (which still hold on their own).
 */
@Injectable()
export class SweepScheduler implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Sweeps');
  private jobs: SweepJob[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly registry: SchedulerRegistry,
    private readonly clock: Clock,
    private readonly db: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs = this.discovery.getProviders().flatMap((wrapper) => {
      const instance = wrapper.instance as Record<string, unknown> | null | undefined;
      if (!wrapper.isDependencyTreeStatic() || !instance || typeof instance !== 'object') return [];
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) return [];
      return this.scanner.getAllMethodNames(prototype).flatMap((method) => {
        const name = Reflect.getMetadata(SWEEP_NAME, instance[method] as object) as string | undefined;
        const every = (Reflect.getMetadata(SWEEP_EVERY, instance[method] as object) as SweepPeriodSetting | undefined) ?? 'holdSweepSeconds';
        // Looked up on each run, so a test's spy on the method sees the calls.
        return name ? [{ name, every, run: (now: Date) => (instance[method] as (now: Date) => Promise<number>)(now), running: null }] : [];
      });
    });
  }

  onApplicationBootstrap(): void {
    for (const job of this.jobs) {
      const seconds = this.config[job.every];
      if (seconds <= 0) continue;
      const timer = setInterval(() => void this.tick(job), seconds * 1000);
      timer.unref();
      this.registry.addInterval(sweepIntervalName(job.name), timer);
    }
  }

  /** Stops the intervals and lets a sweep that is still running finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const job of this.jobs) {
      const name = sweepIntervalName(job.name);
      if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    }
    await Promise.all(this.jobs.map((job) => job.running?.catch(() => 0) ?? Promise.resolve(0)));
  }

  /** The sweeps found, by name. */
  get names(): string[] {
    return this.jobs.map((job) => job.name);
  }

  /** Runs every module's sweep once, one after the other, each after its running tick if any; what each changed. */
  async runAll(now: Date = this.clock.now()): Promise<Record<string, number>> {
    const changed: Record<string, number> = {};
    for (const job of this.jobs) {
      await job.running?.catch(() => 0);
      changed[job.name] = await this.run(job, now);
    }
    return changed;
  }

  private async tick(job: SweepJob): Promise<void> {
    if (job.running) {
      this.logger.warn(`${job.name}: the previous run is still going; this tick is skipped`);
      return;
    }
    await this.run(job, this.clock.now());
  }

  private async run(job: SweepJob, now: Date): Promise<number> {
    const run = this.leased(job, now);
    job.running = run;
    try {
      return await run;
    } catch (error) {
      this.logger.error(`${job.name} failed: ${(error as Error).message}`);
      return 0;
    } finally {
      if (job.running === run) job.running = null;
    }
  }

  /** Runs the sweep if no other process is running it now; 0 when one is. */
  private async leased(job: SweepJob, now: Date): Promise<number> {
    const outcome = await withNamedLock(this.db.dataSource, `sweep:${job.name}`, 0, () => job.run(now));
    if (outcome.acquired) return outcome.result;
    this.logger.debug(`${job.name}: another process is running it; this tick is left to that one`);
    return 0;
  }
}

/** The sweeps' scheduler; the app imports it beside `ScheduleModule.forRoot()`. */
@Module({
  imports: [DiscoveryModule],
  providers: [SweepScheduler],
  exports: [SweepScheduler],
})
export class SweepModule {}
