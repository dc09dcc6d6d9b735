import { DomainException, ErrorCode, RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import mysql from 'mysql2/promise';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Real InnoDB deadlocks and lock-wait timeouts, provoked on purpose: the unit of work is re-run
 * after rollback, a bounded number of times, then reported as CONFLICT. SQLite has one writer and
 * cannot deadlock, so this file only runs on MySQL/MariaDB.
 */
const onMysql = DB_KIND === 'mysql' ? describe : describe.skip;

onMysql('lock conflicts are retried, then reported (mysql)', () => {
  let t: TestApp;
  let w: World;
  let runner: TransactionRunner;
  const touch = (ctx: TxContext, baseId: number, night: string) => ctx.em.query('UPDATE capacity_night SET closedReason = NULL WHERE baseId = ? AND night = ?', [baseId, night]);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 10 });
    runner = t.get(TransactionRunner);
  });
  afterAll(() => t.close());

  it('two units locking rows in opposite order deadlock; the victim is re-run and both commit', async () => {
    const retriesBefore = runner.lockRetries;
    let aLocked!: () => void;
    let bLocked!: () => void;
    const aHolds = new Promise<void>((r) => (aLocked = r));
    const bHolds = new Promise<void>((r) => (bLocked = r));
    const runs = { a: 0, b: 0 };
    const unit = (name: 'a' | 'b', first: number, second: number, signal: () => void, wait: Promise<void>) =>
      runner.transaction(RequestContext.system(), async (tx) => {
        runs[name]++;
        await touch(tx, first, w.start);
        if (runs[name] === 1) {
          signal();
          await wait;
        }
        await touch(tx, second, w.start);
        return name;
      });
    const results = await Promise.all([unit('a', w.baseA.id, w.baseB.id, aLocked, bHolds), unit('b', w.baseB.id, w.baseA.id, bLocked, aHolds)]);
    expect(results).toEqual(['a', 'b']);
    expect(runner.lockRetries - retriesBefore).toBe(1);
    expect(runs.a + runs.b).toBe(3);
  });

  it('a lock held elsewhere past the wait timeout is retried 5 times, then CONFLICT; nothing is saved', async () => {
    const holder = await mysql.createConnection(t.config.database.type === 'mysql' ? t.config.database.url : '');
    await holder.query('START TRANSACTION');
    await holder.query('UPDATE capacity_night SET totalBeds = totalBeds WHERE baseId = ? AND night = ?', [w.baseA.id, w.start]);
    let attempts = 0;
    try {
      const error = await runner
        .transaction(RequestContext.system(), async (tx) => {
          attempts++;
          await tx.em.query('SET SESSION innodb_lock_wait_timeout = 1');
          await tx.em.query('UPDATE capacity_night SET totalBeds = 99 WHERE baseId = ? AND night = ?', [w.baseA.id, w.start]);
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainException);
      expect((error as DomainException).code).toBe(ErrorCode.CONFLICT);
      expect(attempts).toBe(6);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const [night] = await t.ok<any>('query($id:Int!,$d:Date!){base(id:$id){calendar(from:$d,to:$d){totalBeds}}}', { id: w.baseA.id, d: w.start }, w.admin).then((d) => d.base.calendar);
    expect(night.totalBeds).toBe(10);
  }, 60_000);
});
