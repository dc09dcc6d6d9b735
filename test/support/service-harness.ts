import { ConsoleLogger, type Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { Test, type TestingModule } from '@nestjs/testing';
import { BaseModule } from '@app/base';
import { BillingModule } from '@app/billing';
import { BookingModule } from '@app/booking';
import { ExchangeModule } from '@app/exchange';
import { RosterModule } from '@app/roster';
import { type AppConfig, Clock, DatabaseModule, DomainException, FixedClock, RequestContext, SweepModule, SweepScheduler, TransactionRunner } from '@app/shared';
import type { EntityManager } from 'typeorm';
import { SCHEMA } from '../../apps/api/src/database/schema.js';
import { freshDatabase, testConfig } from './test-app.js';

/**
 * The middle tier of the test pyramid: the real domain modules on a fresh database of their own (a
 * SQLite file, or a MariaDB database when DATABASE_URL says so), migrated as in production — but
 * no HTTP and no GraphQL. Services are called directly with a RequestContext; time is a FixedClock
 * that a test moves forward instead of sleeping.
 */
export interface ServiceHarness {
  module: TestingModule;
  config: AppConfig;
  /** Starts at the real time of boot (today's calendar day in Asia/Shanghai) and moves only when told. */
  clock: FixedClock;
  get<T>(type: Type<T>): T;
  /** Runs every module's sweep once at the clock's time; how many things each changed, by sweep name. */
  sweep(): Promise<Record<string, number>>;
  /** Reads for assertions (history rows, counters), outside any unit of work. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function startServiceHarness(overrides: Partial<AppConfig> = {}): Promise<ServiceHarness> {
  const db = await freshDatabase();
  const config = testConfig(db.config, overrides);
  const clock = new FixedClock(new Date());
  const module = await Test.createTestingModule({
    // The sweeps are found as in the app; HOLD_SWEEP_SECONDS is 0, so they run only when a test says.
    imports: [DatabaseModule.forRoot(config, SCHEMA), ScheduleModule.forRoot(), SweepModule, BaseModule, BookingModule, RosterModule, BillingModule, ExchangeModule],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(new ConsoleLogger({ logLevels: process.env.LOG_SQL === 'true' ? ['error', 'warn', 'log'] : ['error'] }))
    .compile();
  // The modules' onModuleInit hooks join their rules to the batch lifecycle, as in the app.
  await module.init();
  const runner = module.get(TransactionRunner);
  return {
    module,
    config,
    clock,
    get: (type) => module.get(type),
    sweep: () => module.get(SweepScheduler).runAll(clock.now()),
    read: (work) => runner.read(RequestContext.system(), work),
    close: async () => {
      await module.close();
      await db.drop();
    },
  };
}

/**
 * The DomainException a service call fails with (fails the test when it succeeds or fails otherwise).
 * Give a function for calls that may throw before they return a promise (an argument checked up front).
 */
export async function domainError(work: Promise<unknown> | (() => Promise<unknown>)): Promise<DomainException> {
  const error = await (async () => (typeof work === 'function' ? work() : work))().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainException)) throw new Error(`Expected a DomainException, got ${error === undefined ? 'success' : String((error as Error | undefined)?.stack ?? JSON.stringify(error))}`);
  return error;
}

/** A problem of a list as the service reports it: the entry's index, the field, the message. */
export interface ListProblemShape {
  index: number;
  field: string | null;
  message: string;
  sameAs?: number;
}

/**
 * The problems a rooming-list change was refused with: every entry's, by index. Accepts the list
 * error the participant service raises today (`problems` on the error) and a BAD_USER_INPUT
 * DomainException carrying them in `details.problems`, so these tests outlive that change.
 */
export async function listProblems(work: Promise<unknown>): Promise<ListProblemShape[]> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DomainException && Array.isArray(error.details.problems)) {
    expect(error.code).toBe('BAD_USER_INPUT');
    // The exception names each entry as GraphQL input does (participants.3.idNumber): back to index and field.
    return (error.details.problems as unknown as Array<Record<string, unknown>>).map(({ field, ...rest }) => {
      const at = /^participants\.(\d+)(?:\.(.+))?$/.exec(typeof field === 'string' ? field : '');
      return at ? ({ index: Number(at[1]), field: at[2] ?? null, ...rest } as unknown as ListProblemShape) : ({ field, ...rest } as unknown as ListProblemShape);
    });
  }
  const problems = (error as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems))
    throw new Error(`Expected the list to be refused with its problems, got ${error === undefined ? 'success' : String((error as Error | undefined)?.stack ?? JSON.stringify(error))}`);
  return problems as ListProblemShape[];
}
