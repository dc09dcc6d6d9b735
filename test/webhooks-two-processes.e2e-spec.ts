import { WebhookDeliveryService } from '@app/platform';
import { SweepScheduler } from '@app/shared';
import { registerClient } from './support/platform.js';
import { DB_KIND, startTestApp, startTwinApp } from './support/test-app.js';
import { startReceiver } from './support/webhook-receiver.js';
import { buildWorld, REQUEST_BATCH } from './support/world.js';

// Two API processes on one SQLite file are refused (WORKERS > 1), so this runs on MySQL only.
const onMysql = DB_KIND === 'mysql' ? describe : describe.skip;
const HEADCOUNT = 'mutation($id:Int!,$h:Int!){changeHeadcount(id:$id,headcount:$h){id}}';

onMysql(`two API processes deliver each event once (${DB_KIND})`, () => {
  it('both sweeping at once, through the scheduler (the database lock) or straight (the claim alone): every event arrives once, in order per batch', async () => {
    const t = await startTestApp();
    const twin = await startTwinApp(t);
    const rx = await startReceiver();
    try {
      const w = await buildWorld(t, { beds: 200 });
      await registerClient(t, w.admin, { name: 'two', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: rx.url });
      const round = async (batches: number) => {
        for (let i = 0; i < batches; i++) {
          const b = (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 2 } }, w.unionA.organiser)).requestBatch;
          for (const h of [3, 4]) await t.ok(HEADCOUNT, { id: b.id, h }, w.unionA.organiser);
        }
      };
      await round(8);
      const now = new Date();
      await Promise.all([t.get(SweepScheduler).runAll(now), twin.get(SweepScheduler).runAll(now)]);
      await round(8);
      await Promise.all([t.get(WebhookDeliveryService).sweep(now), twin.get(WebhookDeliveryService).sweep(now)]);
      const ids = rx.received.map((r) => r.event.id);
      expect({ posts: ids.length, distinct: new Set(ids).size }).toEqual({ posts: 48, distinct: 48 });
      const perBatch = new Map<number, string[]>();
      for (const r of rx.received) perBatch.set(r.event.data.batchId, [...(perBatch.get(r.event.data.batchId) ?? []), `${r.event.type}:${r.event.data.headcount}`]);
      expect(new Set([...perBatch.values()].map((events) => events.join(',')))).toEqual(new Set(['batch.status_changed:2,batch.headcount_changed:3,batch.headcount_changed:4']));
    } finally {
      await rx.close();
      await twin.close();
      await t.close();
    }
  });
});
