import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { hydrate, RequestContext, runSql, selectColumns, tableOf, TransactionRunner } from '@app/shared';
import { BatchEvent } from '../batch/batch-event.entity.js';
import { Batch } from '../batch/batch.entity.js';

/** One change of a batch as its history recorded it, with where it happened (to match subscribers before any scoped read). */
export interface FeedEvent {
  event: BatchEvent;
  baseId: number;
  unionId: number;
  startDate: string;
  endDate: string;
}

/** How often the feed reads new history while anyone listens. */
export const FEED_POLL_MS = 250;
/**
 * Ids are taken when a row is inserted but seen when its transaction commits, so a lower id can
 * appear after a higher one was read: each read goes back this many ids, and what was already
 * passed on is skipped.
 */
const LATE_COMMIT_WINDOW = 200;

/**
 * Every batch's changes as they are committed, read from the batch history (batch_event), which
 * every transition of every batch writes in its own transaction, whichever API process made it:
 * one reader per process, running only while a live subscription listens.
 */
@Injectable()
export class BatchFeed implements OnModuleDestroy {
  private readonly logger = new Logger(BatchFeed.name);
  private readonly listeners = new Set<(change: FeedEvent) => void>();
  private timer: NodeJS.Timeout | null = null;
  /** The highest event id read so far; null until the first read after starting. */
  private highest: number | null = null;
  /** The last event id before the feed started: what happened before anyone listened is not news. */
  private start = 0;
  private readonly passed = new Set<number>();
  private reading = false;

  constructor(private readonly db: TransactionRunner) {}

  /** Calls `listener` with each change committed from now on; returns how to stop. */
  listen(listener: (change: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.highest = null;
      this.passed.clear();
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
        const events = tableOf(em, BatchEvent);
        if (this.highest === null) {
          const [row] = (await runSql(em, `SELECT MAX(id) AS id FROM ${events}`, [])).rows;
          this.highest = this.start = Number(row?.id ?? 0);
        }
        const sql =
          `SELECT ${selectColumns(em, BatchEvent, 'e')}, b.baseId AS baseId, b.unionId AS unionId, b.startDate AS startDate, b.endDate AS endDate` +
          ` FROM ${events} e JOIN ${tableOf(em, Batch)} b ON b.id = e.batchId WHERE e.id > ? ORDER BY e.id LIMIT 1000`;
        return (await runSql(em, sql, [Math.max(0, this.highest - LATE_COMMIT_WINDOW)])).rows.map((r) => ({
          event: hydrate(em, BatchEvent, r, 'e')!,
          baseId: Number(r.baseId),
          unionId: Number(r.unionId),
          startDate: String(r.startDate),
          endDate: String(r.endDate),
        }));
      });
      for (const change of changes) {
        const id = change.event.id;
        if (id <= this.start || this.passed.has(id)) continue;
        this.passed.add(id);
        if (id > (this.highest ?? 0)) this.highest = id;
        for (const listener of this.listeners) listener(change);
      }
      const floor = (this.highest ?? 0) - LATE_COMMIT_WINDOW;
      for (const id of this.passed) if (id <= floor) this.passed.delete(id);
    } catch (error) {
      // The database may be away for a moment; the next read tries again.
      this.logger.warn(`reading batch changes failed: ${(error as Error).message}`);
    } finally {
      this.reading = false;
    }
  }
}
