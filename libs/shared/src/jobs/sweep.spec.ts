import type { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context.js';
import type { TransactionRunner } from '../database/transaction-runner.js';
import { sweepDue } from './sweep.js';

/** A runner that counts its transactions and hands every unit the same stand-in manager. */
function fakeRunner() {
  const em = {} as EntityManager;
  const runner = {
    transactions: 0,
    read: <T>(_ctx: RequestContext, work: (em: EntityManager) => Promise<T>) => work(em),
    transaction: <T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>) => {
      runner.transactions++;
      return work(ctx.withManager(em));
    },
  };
  return runner;
}

function fakeLogger() {
  const lines: string[] = [];
  return { lines, logger: { log: (m: string) => lines.push(`log ${m}`), error: (m: string) => lines.push(`error ${m}`) } as unknown as Logger };
}

describe('sweepDue', () => {
  const ids = Array.from({ length: 450 }, (_, i) => i + 1);

  it('pages through the due ids by id, runs each in its own transaction, skips and logs a failing one, and sums what changed', async () => {
    const db = fakeRunner();
    const { lines, logger } = fakeLogger();
    const pages: Array<[number, number]> = [];
    const seen: number[] = [];
    const changed = await sweepDue({
      db: db as unknown as TransactionRunner,
      logger,
      item: 'batch',
      counts: 'expired held batches',
      due: async (_em, afterId, take) => {
        pages.push([afterId, take]);
        // Ids stay "due" after a failure: keyset paging must not read them again.
        return ids
          .filter((id) => id > afterId)
          .slice(0, take)
          .map(String);
      },
      each: async (tx, id) => {
        expect(tx.em).toBeDefined();
        seen.push(id);
        if (id === 7) throw new Error('locked by someone else');
        if (id === 8) return 3;
        return id % 2 === 0;
      },
    });
    expect(pages).toEqual([
      [0, 200],
      [200, 200],
      [400, 200],
    ]);
    expect(seen).toEqual(ids);
    expect(db.transactions).toBe(450);
    // 225 even ids count 1 each, but id 8 counts 3.
    expect(changed).toBe(225 - 1 + 3);
    expect(lines).toEqual(['error could not sweep batch 7: locked by someone else', `log expired held batches: ${changed}`]);
  });

  it('stops after a short page, and logs nothing when nothing changed', async () => {
    const { lines, logger } = fakeLogger();
    let reads = 0;
    const changed = await sweepDue({
      db: fakeRunner() as unknown as TransactionRunner,
      logger,
      item: 'agreement',
      counts: 'agreements expired',
      pageSize: 10,
      due: async (_em, afterId, take) => {
        reads++;
        return ids.filter((id) => id > afterId && id <= 25).slice(0, take);
      },
      each: async () => false,
    });
    expect([changed, reads, lines]).toEqual([0, 3, []]);
  });
});
