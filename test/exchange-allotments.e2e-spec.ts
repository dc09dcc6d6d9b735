import { AllotmentSweeper } from '@app/base';
import { addDays, SweepScheduler, todayInShanghai } from '@app/shared';
import { activeAgreement, ALLOTMENT, AUDIT_FULL, CREATE_ALLOTMENT, EXCHANGE_BATCH, nightsOf, partnerOf, TERMINATE } from './support/exchange.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/** Allotments: beds held for a guest region, drawn by its batches, released to general sale. */
describe(`allotments (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let yf: string;
  let agreement: number;
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100, nightsOfBeds: 120 });
    yf = await partnerOf(t, w, 'YF');
    agreement = await activeAgreement(t, w.partner, yf, { partnerRegionId: w.regions.YF, title: 'allotments', from: today, to: addDays(today, 300) });
  });
  afterAll(() => t.close());

  const audit = async () => (await t.ok<any>(AUDIT_FULL, {}, w.admin)).capacityAudit;

  it('is created by the host base operator from general capacity, refused where beds are short or the caller is not the host', async () => {
    const from = addDays(w.start, 20);
    const input = { agreementId: agreement, baseId: w.baseA.id, from, to: addDays(from, 4), beds: 30, releaseDays: 3 };
    expect(errorCode(await t.gql(CREATE_ALLOTMENT, { i: input }, w.baseB.operator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CREATE_ALLOTMENT, { i: input }, w.partner))).toBe('FORBIDDEN');
    // A general booking of 25 on the last three nights leaves too few for 80: refused naming the first short night,
    // with the beds as they were before the request.
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(from, 2), headcount: 25 } }, w.unionA.organiser);
    const short = await t.gql(CREATE_ALLOTMENT, { i: { ...input, beds: 80 } }, w.baseA.operator);
    expect([errorCode(short), short.errors?.[0].extensions?.night, short.errors?.[0].extensions?.availableBeds]).toEqual(['CAPACITY_EXCEEDED', addDays(from, 2), 75]);
    const late = await t.gql(CREATE_ALLOTMENT, { i: { ...input, from: addDays(today, 1), to: addDays(today, 2) } }, w.baseA.operator);
    expect([errorCode(late), late.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'releaseDays']);
    const made = (await t.ok<any>(CREATE_ALLOTMENT, { i: input }, w.baseA.operator)).createAllotment;
    expect(made.nights.map((n: any) => [n.beds, n.used, n.released])).toEqual(Array(5).fill([30, 0, false]));
    expect(made.nights[0].releaseOn).toBe(addDays(from, -3));
    const nights = await nightsOf(t, w.admin, w.baseA.id, from, addDays(from, 5));
    expect(nights.map((n) => [n.reservedBeds, n.allottedBeds, n.availableBeds])).toEqual([
      [30, 30, 70],
      [30, 30, 70],
      [55, 30, 45],
      [55, 30, 45],
      [55, 30, 45],
      [0, 0, 100],
    ]);
    expect(await audit()).toEqual([]);
  });

  it('batches of the guest region draw on it when it has room on every night; others and overflow go to general capacity; giving back returns beds where they came from', async () => {
    const from = addDays(w.start, 40);
    const allotment = (await t.ok<any>(CREATE_ALLOTMENT, { i: { agreementId: agreement, baseId: w.baseB.id, from, to: addDays(from, 5), beds: 20, releaseDays: 5 } }, w.baseB.operator))
      .createAllotment;
    const input = { packageId: w.baseB.packageId, startDate: from, headcount: 15, agreementId: agreement };
    const one = (await t.ok<any>(EXCHANGE_BATCH, { i: input }, w.unionB.organiser)).requestBatch;
    expect(one.bedSource).toBe('ALLOTMENT');
    // 5 left in the block: 8 more go to general capacity, as does a booking outside the agreement.
    const two = (await t.ok<any>(EXCHANGE_BATCH, { i: { ...input, headcount: 8 } }, w.unionB.organiser)).requestBatch;
    expect(two.bedSource).toBe('GENERAL');
    const outside = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: from, headcount: 4 } }, w.unionB.organiser)).requestBatch;
    const three = (await t.ok<any>(EXCHANGE_BATCH, { i: { ...input, headcount: 5, startDate: addDays(from, 3) } }, w.unionB.organiser)).requestBatch;
    expect(three.bedSource).toBe('ALLOTMENT');
    // A stay running past the block's last night cannot use it.
    const past = (await t.ok<any>(EXCHANGE_BATCH, { i: { ...input, headcount: 1, startDate: addDays(from, 4) } }, w.unionB.organiser)).requestBatch;
    expect(past.bedSource).toBe('GENERAL');
    let nights = await nightsOf(t, w.admin, w.baseB.id, from, addDays(from, 2));
    expect(nights.map((n) => [n.reservedBeds, n.allottedBeds])).toEqual(Array(3).fill([32, 5]));
    // More than the block has left on a night: refused, naming it.
    const grow = await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:21){id}}', { id: one.id }, w.unionB.organiser);
    expect([errorCode(grow), grow.errors?.[0].extensions?.availableBeds, grow.errors?.[0].extensions?.allotmentId]).toEqual(['CAPACITY_EXCEEDED', 5, allotment.id]);
    await t.ok('mutation($id:Int!){changeHeadcount(id:$id,headcount:18){id}}', { id: one.id }, w.unionB.organiser);
    nights = await nightsOf(t, w.admin, w.baseB.id, from, from);
    expect(nights.map((n) => [n.reservedBeds, n.allottedBeds])).toEqual([[32, 2]]);
    expect(await audit()).toEqual([]);

    // Release the first two nights by hand: their 2 unused beds go back to general sale.
    expect(errorCode(await t.gql('mutation($id:Int!,$f:Date!,$t:Date!){releaseAllotment(id:$id,from:$f,to:$t){id}}', { id: allotment.id, f: from, t: addDays(from, 1) }, w.unionB.organiser))).toBe(
      'FORBIDDEN',
    );
    await t.ok('mutation($id:Int!,$f:Date!,$t:Date!){releaseAllotment(id:$id,from:$f,to:$t,reason:"团队确认人数"){id}}', { id: allotment.id, f: from, t: addDays(from, 1) }, w.partner);
    nights = await nightsOf(t, w.admin, w.baseB.id, from, addDays(from, 2));
    expect(nights.map((n) => [n.reservedBeds, n.allottedBeds])).toEqual([
      [30, 0],
      [30, 0],
      [32, 2],
    ]);
    // Cancelling the big batch: its beds go to general sale on the released nights, back to the block on the third.
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: one.id }, w.unionB.organiser);
    nights = await nightsOf(t, w.admin, w.baseB.id, from, addDays(from, 2));
    expect(nights.map((n) => [n.reservedBeds, n.allottedBeds])).toEqual([
      [12, 0],
      [12, 0],
      [32, 20],
    ]);
    const after = (await t.ok<any>(ALLOTMENT, { id: allotment.id }, w.baseB.operator)).allotment;
    expect(after.nights.slice(0, 4).map((n: any) => [n.beds, n.used, n.released])).toEqual([
      [0, 0, true],
      [0, 0, true],
      [20, 0, false],
      [20, 5, false],
    ]);
    expect(after.history.map((h: any) => [h.action, h.from, h.to, h.bedNights])).toEqual([
      ['CREATE', from, addDays(from, 5), 120],
      ['RELEASE', from, addDays(from, 1), 4],
    ]);
    expect(await audit()).toEqual([]);
    // A night the base closed: the block's beds are not taken there (the request meets the closure instead).
    await t.ok('mutation($i:CloseDatesInput!){closeDates(input:$i){date}}', { i: { baseId: w.baseB.id, from: addDays(from, 4), to: addDays(from, 4), reason: '检修' } }, w.baseB.operator);
    const closed = await t.gql(EXCHANGE_BATCH, { i: { ...input, headcount: 1, startDate: addDays(from, 3) } }, w.unionB.organiser);
    expect([errorCode(closed), closed.errors?.[0].extensions?.night]).toEqual(['BAD_USER_INPUT', addDays(from, 4)]);
    const grown = await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:6){id}}', { id: three.id }, w.unionB.organiser);
    expect([errorCode(grown), grown.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'headcount']);
    await t.ok('mutation($i:ReopenDatesInput!){reopenDates(input:$i){date}}', { i: { baseId: w.baseB.id, from: addDays(from, 4), to: addDays(from, 4) } }, w.baseB.operator);
    expect(await audit()).toEqual([]);
    void two;
    void outside;
    void past;
    void three;
  });

  it('the sweep releases exactly the unused beds of the nights whose release day has come; terminating the agreement releases the rest', async () => {
    // Earlier than the other tests' blocks, so only this one is due on the day chosen below.
    const from = addDays(w.start, 10);
    const allotment = (await t.ok<any>(CREATE_ALLOTMENT, { i: { agreementId: agreement, baseId: w.baseA.id, from, to: addDays(from, 9), beds: 10, releaseDays: 7 } }, w.baseA.operator))
      .createAllotment;
    await t.ok(EXCHANGE_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(from, 2), headcount: 4, agreementId: agreement } }, w.unionB.organiser);
    // The day the sixth night's release comes: nights 1–6 lose their unused beds (10,10,6,6,6,10).
    const releaseDay = addDays(from, 5 - 7);
    const now = new Date(Date.parse(`${releaseDay}T12:00:00+08:00`));
    const released = await t.get(AllotmentSweeper).release(now);
    expect(released).toBe(10 + 10 + 6 + 6 + 6 + 10);
    expect(await t.get(AllotmentSweeper).release(now)).toBe(0);
    const nights = await nightsOf(t, w.admin, w.baseA.id, from, addDays(from, 9));
    expect(nights.map((n) => n.allottedBeds)).toEqual([0, 0, 0, 0, 0, 0, 10, 10, 10, 10]);
    expect(nights.map((n) => n.reservedBeds)).toEqual([0, 0, 4, 4, 4, 0, 10, 10, 10, 10]);
    expect(await audit()).toEqual([]);
    // Every module's sweep together runs the same release (nothing more is due today).
    await t.get(SweepScheduler).runAll();
    expect(await audit()).toEqual([]);
    // Terminated: unused beds of every night go back; the booked batch keeps its beds.
    const other = await activeAgreement(t, w.partner, yf, { partnerRegionId: w.regions.YF, title: 'short', from: today, to: addDays(today, 200) });
    const block = (await t.ok<any>(CREATE_ALLOTMENT, { i: { agreementId: other, baseId: w.baseA.id, from: addDays(from, 20), to: addDays(from, 21), beds: 7, releaseDays: 1 } }, w.baseA.operator))
      .createAllotment;
    await t.ok(TERMINATE, { id: other, r: 'ended' }, yf);
    expect((await t.ok<any>(ALLOTMENT, { id: block.id }, w.admin)).allotment.nights.map((n: any) => [n.beds, n.released])).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(errorCode(await t.gql(CREATE_ALLOTMENT, { i: { agreementId: other, baseId: w.baseA.id, from: addDays(from, 20), to: addDays(from, 21), beds: 7, releaseDays: 1 } }, w.baseA.operator))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await audit()).toEqual([]);
    void allotment;
  });

  it('concurrent bookings never pass the quota nor the allotment, allotments racing general bookings never overbook, and the audit stays empty after a mixed run', async () => {
    const q = await activeAgreement(t, w.partner, yf, {
      partnerRegionId: w.regions.YF,
      title: 'race',
      from: today,
      to: addDays(today, 300),
      quotas: [{ fromRegionId: w.regions.SZ, personVisits: 100 }],
    });
    const from = addDays(w.start, 80);
    // Base B, nights from…from+2: 100 beds; a block of 40 for 深圳.
    await t.ok(CREATE_ALLOTMENT, { i: { agreementId: q, baseId: w.baseB.id, from, to: addDays(from, 2), beds: 40, releaseDays: 1 } }, w.baseB.operator);
    // 30 requests of 4 under the agreement at once: the quota (100) lets 25 through; the block takes 10 of them,
    // general capacity (60 left) the other 15.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.gql(EXCHANGE_BATCH, { i: { packageId: w.baseB.packageId, startDate: from, headcount: 4, agreementId: q, unionId: w.unionB.id } }, i % 2 ? w.unionB.organiser : w.partner),
      ),
    );
    const ok = results.filter((r) => r.data?.requestBatch).map((r) => r.data!.requestBatch);
    const codes = results.filter((r) => r.errors).map((r) => errorCode(r));
    expect(ok).toHaveLength(25);
    expect(codes.sort()).toEqual(Array(5).fill('QUOTA_EXCEEDED'));
    expect(ok.filter((b: any) => b.bedSource === 'ALLOTMENT')).toHaveLength(10);
    expect(ok.filter((b: any) => b.bedSource === 'GENERAL')).toHaveLength(15);
    const nights = await nightsOf(t, w.admin, w.baseB.id, from, addDays(from, 2));
    expect(nights.map((n) => [n.reservedBeds, n.allottedBeds])).toEqual(Array(3).fill([100, 0]));
    expect(await audit()).toEqual([]);

    // An allotment of 50 racing 20 general requests of 5 at base A on fresh nights: never more than 100.
    const night = addDays(w.start, 95);
    const race = await Promise.all([
      t.gql(CREATE_ALLOTMENT, { i: { agreementId: q, baseId: w.baseA.id, from: night, to: addDays(night, 2), beds: 50, releaseDays: 1 } }, w.baseA.operator),
      ...Array.from({ length: 20 }, () => t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: night, headcount: 5 } }, w.unionA.organiser)),
    ]);
    const allotted = race[0].data?.createAllotment ? 50 : 0;
    const general = race.slice(1).filter((r) => r.data?.requestBatch).length;
    expect(allotted + general * 5).toBeLessThanOrEqual(100);
    expect(general).toBe(allotted ? 10 : 20);
    const raced = await nightsOf(t, w.admin, w.baseA.id, night, night);
    expect(raced[0].reservedBeds).toBe(allotted + general * 5);

    // A mixed run: cancels and headcount changes of block and general batches, a release and new requests, all at once.
    const blockBatches = ok.filter((b: any) => b.bedSource === 'ALLOTMENT');
    const generalBatches = ok.filter((b: any) => b.bedSource === 'GENERAL');
    await Promise.all([
      ...blockBatches.slice(0, 4).map((b: any) => t.gql('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: b.id }, w.unionB.organiser)),
      ...blockBatches.slice(4, 8).map((b: any) => t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:2){id}}', { id: b.id }, w.unionB.organiser)),
      ...generalBatches.slice(0, 5).map((b: any) => t.gql('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: b.id }, w.partner)),
      ...generalBatches.slice(5, 10).map((b: any) => t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:6){id}}', { id: b.id }, w.unionB.organiser)),
      t.gql('mutation($f:Date!){releaseAllotment(id:0,from:$f,to:$f){id}}', { f: from }, w.admin),
      t.get(AllotmentSweeper).release(new Date(Date.parse(`${addDays(from, -1)}T12:00:00+08:00`))),
      ...Array.from({ length: 12 }, () => t.gql(EXCHANGE_BATCH, { i: { packageId: w.baseB.packageId, startDate: from, headcount: 3, agreementId: q } }, w.unionB.organiser)),
    ]);
    expect(await audit()).toEqual([]);
    const after = await nightsOf(t, w.admin, w.baseB.id, from, addDays(from, 2));
    for (const n of after) expect(n.reservedBeds).toBeLessThanOrEqual(100);
    const quota = (await t.ok<any>('query($id:Int!){agreement(id:$id){quotas{used} balance{directions{flow{committedPersonVisits}}}}}', { id: q }, w.admin)).agreement;
    expect(quota.quotas[0].used).toBe(quota.balance.directions[0].flow.committedPersonVisits);
    expect(quota.quotas[0].used).toBeLessThanOrEqual(100);
  });
});
