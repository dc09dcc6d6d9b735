import { WebhookDeliveryService } from '@app/platform';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { registerClient, type Registered } from './support/platform.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { startReceiver, type Receiver, verifySignature } from './support/webhook-receiver.js';
import { addDays, QueryCounter, todayInShanghai } from '@app/shared';
import { ISSUE, PAY, stay } from './support/stays.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const DELIVERIES = 'query($c:Int!,$s:DeliveryStatus){webhookDeliveries(clientId:$c,status:$s){id eventId eventType batchId status attempts lastStatusCode lastError deliveredAt}}';
const HEADCOUNT = 'mutation($id:Int!,$h:Int!){changeHeadcount(id:$id,headcount:$h){id}}';
const CANCEL = 'mutation($id:Int!){cancelBatch(id:$id,reason:"plans changed"){id}}';
const HOUR = 3600_000;
/** Statements of one warm requestBatch, measured on both databases: 8 before the outbox, 9 with its INSERT. */
const STATEMENTS = 9;

describe(`events out: the outbox delivered by signed webhooks (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let rx: Receiver;
  let client: Registered;
  let sweep: (now: Date) => Promise<number>;
  /** The sweep's clock: each test moves it on, as the sweeps' tests do, instead of sleeping. */
  let now = new Date();
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  const book = async (headcount: number, organiser = w.unionA.organiser) =>
    (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount } }, organiser)).requestBatch as { id: number; reference: string };
  const deliveries = async (status?: string) => (await t.ok(DELIVERIES, { c: client.id, s: status ?? null }, w.admin)).webhookDeliveries as Array<Record<string, any>>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 80 });
    rx = await startReceiver();
    client = await registerClient(t, w.admin, { name: 'Union A system', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: rx.url });
    const service = t.get(WebhookDeliveryService);
    sweep = (at) => service.sweep(at);
  });
  afterAll(async () => {
    await rx?.close();
    await t?.close();
  });

  it("every change of its unions' batches reaches the client once, in order, signed; other unions' do not", async () => {
    const a = await book(5);
    await t.ok(HEADCOUNT, { id: a.id, h: 7 }, w.unionA.organiser);
    await t.ok(CANCEL, { id: a.id }, w.unionA.organiser);
    await book(4, w.unionB.organiser);
    expect(await sweep(now)).toBe(6); // 3 deliveries made, 3 sent
    const got = rx.accepted();
    expect(got.map((r) => [r.event.type, r.event.data.from, r.event.data.to, r.event.data.headcount])).toEqual([
      ['batch.status_changed', null, 'REQUESTED', 5],
      ['batch.headcount_changed', 'REQUESTED', 'REQUESTED', 7],
      ['batch.status_changed', 'REQUESTED', 'CANCELLED', 7],
    ]);
    for (const r of got) {
      expect(verifySignature(client.signingSecret, r.headers, r.body)).toBe(true);
      expect(verifySignature('whsec_wrong', r.headers, r.body)).toBe(false);
      expect(r.headers['x-rr-event-id']).toBe(r.event.id);
      expect(r.headers['x-rr-delivery-id']).toMatch(/^\d+$/);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.event.data).toMatchObject({ batchId: a.id, reference: a.reference, unionId: w.unionA.id, by: { role: 'UNION_ORGANISER' } });
      expect(Date.parse(r.event.occurredAt)).not.toBeNaN();
    }
    expect(got[2].event.data.reason).toBe('plans changed');
    // A tampered body or an old timestamp does not verify.
    expect(verifySignature(client.signingSecret, got[0].headers, got[0].body.replace('"headcount":5', '"headcount":50'))).toBe(false);
    expect(verifySignature(client.signingSecret, got[0].headers, got[0].body, Math.floor(Date.now() / 1000) + 301)).toBe(false);
    expect(new Set(got.map((r) => r.event.id)).size).toBe(3);
    // Nothing new: nothing sent again.
    expect(await sweep(later(60_000))).toBe(0);
    expect(rx.received).toHaveLength(3);
    expect((await deliveries()).map((d) => [d.status, d.attempts, d.lastStatusCode])).toEqual(Array(3).fill(['DELIVERED', 1, 200]));
  });

  it('a receiver that fails twice gets the event on the third try; the batch’s next event waits behind it', async () => {
    rx.received.length = 0;
    const b = await book(6);
    await t.ok(HEADCOUNT, { id: b.id, h: 8 }, w.unionA.organiser);
    rx.failNext(500, 500);
    await sweep(now);
    expect(rx.received.map((r) => [r.event.type, r.answered])).toEqual([['batch.status_changed', 500]]);
    const [, first] = await deliveries('PENDING');
    expect(first).toMatchObject({ eventType: 'batch.status_changed', attempts: 1, lastStatusCode: 500, lastError: 'the receiver answered HTTP 500' });
    // Back-off: not yet due a second later (10 s × jitter 0.5–1 at the least 5 s).
    await sweep(later(1000));
    expect(rx.received).toHaveLength(1);
    await sweep(later(HOUR));
    expect(rx.received.map((r) => r.answered)).toEqual([500, 500]);
    await sweep(later(HOUR));
    expect(rx.received.map((r) => [r.event.type, r.answered])).toEqual([
      ['batch.status_changed', 500],
      ['batch.status_changed', 500],
      ['batch.status_changed', 200],
      ['batch.headcount_changed', 200],
    ]);
    // The same event (and delivery) each time: a receiver dedupes by X-RR-Event-Id.
    expect(new Set(rx.received.slice(0, 3).map((r) => r.headers['x-rr-event-id'])).size).toBe(1);
    expect(new Set(rx.received.slice(0, 3).map((r) => r.headers['x-rr-delivery-id'])).size).toBe(1);
    const [headcount, status] = await deliveries();
    expect([status.attempts, status.status, headcount.attempts, headcount.status]).toEqual([3, 'DELIVERED', 1, 'DELIVERED']);
  });

  it('order per batch holds across batches: a failing batch holds back only its own next events', async () => {
    rx.received.length = 0;
    const c = await book(2);
    const d = await book(3);
    await t.ok(HEADCOUNT, { id: c.id, h: 4 }, w.unionA.organiser);
    await t.ok(HEADCOUNT, { id: d.id, h: 5 }, w.unionA.organiser);
    rx.failNext(503); // c's request
    await sweep(later(HOUR));
    expect(rx.received.map((r) => [r.event.data.batchId, r.event.type, r.answered])).toEqual([
      [c.id, 'batch.status_changed', 503],
      [d.id, 'batch.status_changed', 200],
      [d.id, 'batch.headcount_changed', 200],
    ]);
    await sweep(later(HOUR));
    const perBatch = (id: number) =>
      rx
        .accepted()
        .filter((r) => r.event.data.batchId === id)
        .map((r) => r.event.type);
    expect(perBatch(c.id)).toEqual(['batch.status_changed', 'batch.headcount_changed']);
    expect(perBatch(d.id)).toEqual(['batch.status_changed', 'batch.headcount_changed']);
  });

  it('after a day of failures a delivery is DEAD; the admin replays it and it arrives, once more per event id', async () => {
    rx.received.length = 0;
    const e = await book(9);
    rx.always(500);
    await sweep(later(HOUR));
    await sweep(later(12 * HOUR));
    expect((await deliveries('DEAD')).length).toBe(0);
    await sweep(later(13 * HOUR));
    const dead = await deliveries('DEAD');
    expect(dead.map((x) => [x.batchId, x.status, x.attempts])).toEqual([[e.id, 'DEAD', 3]]);
    await sweep(later(HOUR));
    expect(rx.received).toHaveLength(3); // dead: no longer tried
    rx.always(null);
    expect((await t.ok('mutation($c:Int!){replayWebhookDeliveries(clientId:$c)}', { c: client.id }, w.admin)).replayWebhookDeliveries).toBe(1);
    await sweep(later(1000));
    expect(rx.accepted().map((r) => [r.event.data.batchId, r.event.id])).toEqual([[e.id, dead[0].eventId]]);
    // Replay from a time: every delivery made since, delivered ones too, with their same event ids.
    const before = rx.accepted().length;
    const since = new Date(now.getTime() - 40 * HOUR).toISOString();
    const replayed = (await t.ok('mutation($c:Int!,$f:DateTime){replayWebhookDeliveries(clientId:$c,from:$f)}', { c: client.id, f: since }, w.admin)).replayWebhookDeliveries;
    expect(replayed).toBeGreaterThanOrEqual(1);
    await sweep(later(1000));
    const again = rx.accepted().slice(before);
    expect(again).toHaveLength(replayed);
    const known = new Set((await deliveries()).map((x) => x.eventId));
    expect(again.every((r) => known.has(r.event.id))).toBe(true);
  });

  it("a client registered later: events before its registration are not sent; a revoked client's are not sent", async () => {
    const late = await startReceiver();
    try {
      const f = await book(2);
      const newcomer = await registerClient(t, w.admin, { name: 'late', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: late.url });
      await t.ok(HEADCOUNT, { id: f.id, h: 3 }, w.unionA.organiser);
      await sweep(later(1000));
      expect(late.accepted().map((r) => r.event.type)).toEqual(['batch.headcount_changed']);
      await t.ok('mutation($id:Int!){revokePlatformClient(id:$id){id}}', { id: newcomer.id }, w.admin);
      await t.ok(CANCEL, { id: f.id }, w.unionA.organiser);
      await sweep(later(1000));
      expect(late.received).toHaveLength(1);
      expect(rx.accepted().at(-1)!.event).toMatchObject({ type: 'batch.status_changed', data: { batchId: f.id, to: 'CANCELLED' } });
    } finally {
      await late.close();
    }
  });

  it('roster moves are events too: submitted, approved, and published with the notice link', async () => {
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-a', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    const approver = await t.login('approver-a', 'approver-pass-1');
    const g = (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 14), headcount: 2 } }, w.unionA.organiser)).requestBatch;
    await t.ok(ADD_PARTICIPANTS, { b: g.id, p: [person(700001), person(700002)] }, w.unionA.organiser);
    const move = (name: string, token: string) => t.ok(`mutation($b:Int!){${name}(batchId:$b){rosterStatus rosterPublicToken}}`, { b: g.id }, token);
    await move('submitRoster', w.unionA.organiser);
    await move('approveRoster', approver);
    const published = (await move('publishRoster', approver)).publishRoster;
    await sweep(later(1000));
    const roster = rx.accepted().filter((r) => r.event.data.batchId === g.id);
    expect(roster.map((r) => [r.event.type, r.event.data.from ?? null, r.event.data.to])).toEqual([
      ['batch.status_changed', null, 'REQUESTED'],
      ['roster.status_changed', 'DRAFT', 'SUBMITTED'],
      ['roster.status_changed', 'SUBMITTED', 'APPROVED'],
      ['roster.status_changed', 'APPROVED', 'PUBLISHED'],
    ]);
    expect(roster[3].event.data.noticeUrl).toBe(`https://rr.example.cn/notice/${published.rosterPublicToken}`);
    expect(roster[3].event.data.by).toEqual({ role: 'UNION_APPROVER' });
    // Names and ID numbers never travel in an event.
    expect(roster.map((r) => r.body).join('')).not.toMatch(/440102/);
  });

  it('the booking hot path pays one INSERT for its outbox event', async () => {
    await book(1); // warm
    const seen: string[] = [];
    const original = QueryCounter.prototype.logQuery;
    QueryCounter.prototype.logQuery = function (this: QueryCounter, query: string, ...rest: never[]) {
      seen.push(query);
      return original.call(this, query, ...rest);
    };
    try {
      await book(1);
    } finally {
      QueryCounter.prototype.logQuery = original;
    }
    const outbox = seen.filter((q) => /outbox_event/.test(q));
    expect(outbox).toEqual([expect.stringMatching(/^INSERT INTO .outbox_event./)]);
    // For the record (the report quotes it): every statement of one requestBatch, the user's row read and BEGIN/COMMIT included.
    expect(seen.length).toBe(STATEMENTS);
  });

  it('a stay to its end: confirmed, checked in, completed, bill issued and paid, settled — in that order', async () => {
    const s = await stay(t, { organiser: w.unionA.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: todayInShanghai(), headcount: 2 }, 'COMPLETED');
    const bill = (await t.ok(ISSUE, { b: s.id }, w.baseA.operator)).issueBill;
    await t.ok(PAY, { i: { billId: bill.id, amount: bill.total, method: 'BANK_TRANSFER', reference: 'TX-1' } }, w.baseA.operator);
    await sweep(later(1000));
    const events = rx
      .accepted()
      .filter((r) => r.event.data.batchId === s.id && r.event.type !== 'roster.status_changed')
      .map((r) => (r.event.type === 'batch.status_changed' ? r.event.data.to : `${r.event.type} ${r.event.data.paid}/${r.event.data.total}`));
    expect(events).toEqual(['REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', `bill.issued 0.00/${bill.total}`, `bill.paid ${bill.total}/${bill.total}`, 'SETTLED']);
  });
});
