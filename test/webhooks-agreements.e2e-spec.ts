import { WebhookDeliveryService } from '@app/platform';
import { addDays, todayInShanghai } from '@app/shared';
import { ACCEPT, partnerOf, PROPOSE, TERMINATE } from './support/exchange.js';
import { registerClient, type Registered } from './support/platform.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { startReceiver, type Receiver, verifySignature } from './support/webhook-receiver.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Agreement changes in the outbox: an agreement concerns two regions and no union, so its one event
 * per move reaches every client whose scope covers either party region — by region, or by a union in
 * it — once, and no other client.
 */
describe(`events out: agreement changes (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const rx: Record<'gz' | 'unionB' | 'hk' | 'both', Receiver> = {} as never;
  const clients: Record<keyof typeof rx, Registered> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    for (const key of ['gz', 'unionB', 'hk', 'both'] as const) rx[key] = await startReceiver();
    // Union A is in 广州 (GZ), union B in 深圳 (SZ).
    clients.gz = await registerClient(t, w.admin, { name: 'GZ platform', regionId: w.regions.GZ, operations: ['batch'], webhookUrl: rx.gz.url });
    clients.unionB = await registerClient(t, w.admin, { name: 'Union B system', unionIds: [w.unionB.id], operations: ['batch'], webhookUrl: rx.unionB.url });
    clients.hk = await registerClient(t, w.admin, { name: 'HK platform', regionId: w.regions.HK, operations: ['batch'], webhookUrl: rx.hk.url });
    clients.both = await registerClient(t, w.admin, { name: 'Both unions', unionIds: [w.unionA.id, w.unionB.id], operations: ['batch'], webhookUrl: rx.both.url });
  });
  afterAll(async () => {
    for (const r of Object.values(rx)) await r?.close();
    await t?.close();
  });

  it('a GZ–SZ agreement’s proposal, acceptance and termination reach a GZ client and a client of an SZ union once each, signed; an HK client gets none', async () => {
    const gz = await partnerOf(t, w, 'GZ');
    const today = todayInShanghai();
    const input = { partnerRegionId: w.regions.SZ, title: '广深互派', from: today, to: addDays(today, 200) };
    const { id } = (await t.ok<any>(PROPOSE, { i: input }, gz)).proposeAgreement;
    await t.ok(ACCEPT, { id }, w.partner);
    await t.ok(TERMINATE, { id, r: 'budget cut' }, gz);
    const sweep = (now: Date) => t.get(WebhookDeliveryService).sweep(now);
    await sweep(new Date());
    await sweep(new Date(Date.now() + 60_000)); // nothing more to send

    const moves = [
      [null, 'PROPOSED', 'PARTNER', null],
      ['PROPOSED', 'ACTIVE', 'PARTNER', null],
      ['ACTIVE', 'TERMINATED', 'PARTNER', 'budget cut'],
    ];
    for (const key of ['gz', 'unionB', 'both'] as const) {
      const got = rx[key].received;
      expect([key, got.map((r) => [r.event.data.from, r.event.data.to, r.event.data.by.role, r.event.data.reason])]).toEqual([key, moves]);
      expect(new Set(got.map((r) => r.event.id)).size).toBe(3);
      for (const r of got) {
        expect(r.answered).toBe(200);
        expect(verifySignature(clients[key].signingSecret, r.headers, r.body)).toBe(true);
        expect(r.headers['x-rr-event-type']).toBe('agreement.status_changed');
        expect(r.event).toMatchObject({ type: 'agreement.status_changed' });
        expect(r.event.data).toMatchObject({ agreementId: id, title: '广深互派', proposerRegionId: w.regions.GZ, partnerRegionId: w.regions.SZ, startDate: input.from, endDate: input.to });
        // No person: the role only.
        expect(Object.keys(r.event.data.by)).toEqual(['role']);
      }
    }
    // One event each, the same ids for every client: a receiver dedupes across its clients too.
    expect(rx.unionB.received.map((r) => r.event.id)).toEqual(rx.gz.received.map((r) => r.event.id));
    // Another client's signing secret does not verify them.
    expect(verifySignature(clients.gz.signingSecret, rx.unionB.received[0].headers, rx.unionB.received[0].body)).toBe(false);
    expect(rx.hk.received).toEqual([]);
  });
});
