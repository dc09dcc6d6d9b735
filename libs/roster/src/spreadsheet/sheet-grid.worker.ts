import { parentPort } from 'node:worker_threads';
import { type GridRow, readGrid, type SheetFormat } from './sheet-grid.js';
import { SheetLimitError } from './sheet-limits.js';

export interface GridJob {
  buffer: Uint8Array;
  format: SheetFormat;
}

/** What the worker answers for a job: rows in chunks (each a short pause for the main thread to take in), then how it ended. */
export type GridMessage = { rows: GridRow[] } | { done: true } | { limit: string } | { unreadable: true };

const CHUNK = 1_000;
const port = parentPort!;
const send = (message: GridMessage) => port.postMessage(message);

// One job at a time: the pool sends the next only after this one's last message.
port.on('message', ({ buffer, format }: GridJob) => {
  let chunk: GridRow[] = [];
  readGrid(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), format, (row) => {
    chunk.push(row);
    if (chunk.length === CHUNK) {
      send({ rows: chunk });
      chunk = [];
    }
  }).then(
    () => {
      if (chunk.length) send({ rows: chunk });
      send({ done: true });
    },
    (error: unknown) => send(error instanceof SheetLimitError ? { limit: error.message } : { unreadable: true }),
  );
});
