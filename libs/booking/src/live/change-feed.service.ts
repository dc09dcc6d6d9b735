import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { CapacityChange } from '@app/base';
import { hydrate, RequestContext, runSql, selectColumns, tableOf, TransactionRunner } from '@app/shared';
import type { EntityManager } from 'typeorm';
import { BatchEvent } from '../batch/batch-event.entity.js';
import { Batch } from '../batch/batch.entity.js';

/** One change of a batch as its history recorded it, with where it happened (to match subscribers before any scoped read). */
export interface BatchChange {
  kind: 'batch';
  event: BatchEvent;
  baseId: number;
  unionId: number;
  startDate: string;
  endDate: string;
}

/** One setCapacity, closeDates or reopenDates on a base's nights `from`…`to`. */
export interface NightsChange {
  kind: 'nights';
  change: CapacityChange;
}

export type FeedEvent = BatchChange | NightsChange;

/** How often the feed reads new changes while anyone listens. */
export const FEED_POLL_MS = 250;
/**
 * Ids are taken when a row is inserted but seen when its transaction commits, so a lower id can
 * appear after a higher one was read: each read goes back this many ids, and what was already
 * passed on is skipped.
 */
const LATE_COMMIT_WINDOW = 200;

/** Where the feed stands in one append-only table: what it has passed on, and from where it reads next. */
class Tail {
  /** The highest id read so far; null until the first read after starting. */
  highest: number | null = null;
  /** The last id before the feed started: what happened before anyone listened is not news. */
  private start = 0;
  private readonly passed = new Set<number>();

  constructor(readonly table: string) {}

  reset(): void {
    this.highest = null;
    this.passed.clear();
  }

  /** The id to read after (the late-commit window below the highest); on the first read, where the table ends now. */
  async after(em: EntityManager): Promise<number> {
    if (this.highest === null) {
      const [row] = (await runSql(em, `SELECT MAX(id) AS id FROM ${this.table}`, [])).rows;
      this.highest = this.start = Number(row?.id ?? 0);
    }
    return Math.max(0, this.highest - LATE_COMMIT_WINDOW);
  }

  /** Whether the row with this id is news (not before the start, not passed on yet); marks it passed. */
  isNew(id: number): boolean {
    if (id <= this.start || this.passed.has(id)) return false;
    this.passed.add(id);
    if (id > (this.highest ?? 0)) this.highest = id;
    return true;
  }

  /** Forgets ids below the window: they are not read again. */
  trim(): void {
    const floor = (this.highest ?? 0) - LATE_COMMIT_WINDOW;
    for (const id of this.passed) if (id <= floor) this.passed.delete(id);
  }
}

/**
 * Every batch's changes, and every change to a base's nights, as they are committed, read from the
 * batch history (batch_event) and the capacity changes (capacity_change), which each such change
 * writes in its own transaction, whichever API process made it: one reader per process, running
 * only while a live subscription listens.
 */
@Injectable()
export class ChangeFeed implements OnModuleDestroy {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly listeners = new Set<(change: FeedEvent) => void>();
  private timer: NodeJS.Timeout | null = null;
  private batches: Tail | null = null;
  private nights: Tail | null = null;
  private reading = false;

  constructor(private readonly db: TransactionRunner) {}

  /** Calls `listener` with each change committed from now on; returns how to stop. */
  listen(listener: (change: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.batches?.reset();
      this.nights?.reset();
      this.timer = setInterval(() => void this.read(), FEED_POLL_MS);
      this.timer.unref();
      void this.read();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  onModuleDestroy(): void {
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async read(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      const ctx = RequestContext.anonymous();
      const changes = await this.db.read(ctx, async (em) => {
        const batches = (this.batches ??= new Tail(tableOf(em, BatchEvent)));
        const nights = (this.nights ??= new Tail(tableOf(em, CapacityChange)));
        const sql =
          `SELECT ${selectColumns(em, BatchEvent, 'e')}, b.baseId AS baseId, b.unionId AS unionId, b.startDate AS startDate, b.endDate AS endDate` +
          ` FROM ${batches.table} e JOIN ${tableOf(em, Batch)} b ON b.id = e.batchId WHERE e.id > ? ORDER BY e.id LIMIT 1000`;
        const batchChanges = (await runSql(em, sql, [await batches.after(em)])).rows.map((r): BatchChange => ({
          kind: 'batch',
          event: hydrate(em, BatchEvent, r, 'e')!,
          baseId: Number(r.baseId),
          unionId: Number(r.unionId),
          startDate: String(r.startDate),
          endDate: String(r.endDate),
        }));
        const nightsSql = `SELECT ${selectColumns(em, CapacityChange, 'c')} FROM ${nights.table} c WHERE c.id > ? ORDER BY c.id LIMIT 1000`;
        const nightChanges = (await runSql(em, nightsSql, [await nights.after(em)])).rows.map((r): NightsChange => ({ kind: 'nights', change: hydrate(em, CapacityChange, r, 'c')! }));
        return { batchChanges, nightChanges };
      });
      const news: FeedEvent[] = [...changes.batchChanges.filter((c) => this.batches!.isNew(c.event.id)), ...changes.nightChanges.filter((c) => this.nights!.isNew(c.change.id))];
      for (const change of news) for (const listener of this.listeners) listener(change);
      this.batches?.trim();
      this.nights?.trim();
    } catch (error) {
      // The database may be away for a moment; the next read tries again.
      this.logger.warn(`reading changes failed: ${(error as Error).message}`);
    } finally {
      this.reading = false;
    }
  }
}
