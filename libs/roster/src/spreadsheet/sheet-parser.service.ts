import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DomainException } from '@app/shared';
import type { GridRow, SheetFormat } from './sheet-grid.js';
import type { GridJob, GridMessage } from './sheet-grid.worker.js';
import { LIMIT_MESSAGES, PARSE_HEAP_LIMIT_MB, PARSE_TIME_LIMIT_MS } from './sheet-limits.js';

/** Files parsed at once; more uploads wait their turn, so a burst of them cannot take all the memory. */
const MAX_WORKERS = 2;

// Built, the worker is the .js beside this file; under the tests (ts-jest) it is the .ts, loaded through tsx.
const here = import.meta.url;
const fromSource = here.endsWith('.ts');
const script = new URL(fromSource ? './sheet-grid.worker.ts' : './sheet-grid.worker.js', here);
const viaTsx = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`;

function unreadable(format: SheetFormat): DomainException {
  return DomainException.badInput('file', `The file could not be read as ${format === 'xlsx' ? 'an .xlsx workbook' : 'CSV'}; save it again from the spreadsheet program`);
}

/**
 * Reads uploaded spreadsheets in worker threads, under the limits of sheet-limits.ts and a time and
 * memory limit per file: however hostile the file, the event loop only takes in the rows, a chunk at
 * a time. Workers are kept between files (loading exceljs takes about a second); one that crossed the
 * time limit or ran out of memory is ended and replaced. Every refusal is BAD_USER_INPUT on `file`.
 */
@Injectable()
export class SheetParserService implements OnModuleDestroy {
  private readonly idle: Worker[] = [];
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  async read(buffer: Buffer, format: SheetFormat): Promise<GridRow[]> {
    if (this.busy >= MAX_WORKERS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
    const worker = this.idle.pop() ?? this.start();
    try {
      const outcome = await this.run(worker, { buffer: new Uint8Array(buffer), format });
      // A worker stopped mid-file (time, memory) is not reused.
      if (outcome.broken) void worker.terminate();
      else this.idle.push(worker);
      if (outcome.error) throw outcome.error;
      return outcome.rows;
    } finally {
      this.busy--;
      this.waiting.shift()?.();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private start(): Worker {
    const worker = new Worker(fromSource ? viaTsx : script, {
      eval: fromSource,
      resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_LIMIT_MB, maxYoungGenerationSizeMb: 32 },
    });
    // An idle worker does not keep the process alive; one that dies idle is forgotten.
    worker.unref();
    return worker.on('error', () => this.drop(worker)).on('exit', () => this.drop(worker));
  }

  private drop(worker: Worker): void {
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
  }

  private run(worker: Worker, job: GridJob): Promise<{ rows: GridRow[]; error?: DomainException; broken?: boolean }> {
    return new Promise((resolve) => {
      const rows: GridRow[] = [];
      const onMessage = (message: GridMessage) => {
        if ('rows' in message) rows.push(...message.rows);
        else if ('done' in message) end();
        else if ('limit' in message) end(DomainException.badInput('file', message.limit));
        else end(unreadable(job.format));
      };
      const onError = (error: Error & { code?: string }) => {
        end(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? DomainException.badInput('file', LIMIT_MESSAGES.memory()) : unreadable(job.format), true);
      };
      const onExit = () => end(unreadable(job.format), true);
      const end = (error?: DomainException, broken?: boolean) => {
        clearTimeout(timer);
        // Only this job's listeners: the Worker keeps listeners of its own.
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve({ rows, error, broken });
      };
      const timer = setTimeout(() => end(DomainException.badInput('file', LIMIT_MESSAGES.time()), true), PARSE_TIME_LIMIT_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job, [job.buffer.buffer as ArrayBuffer]);
    });
  }
}
