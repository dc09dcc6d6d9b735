import { AgreementSweeper } from '@app/exchange';
import { addDays, todayInShanghai } from '@app/shared';
import { ACCEPT, activeAgreement, AGREEMENT, AUDIT_FULL, EXCHANGE_BATCH, partnerOf, PROPOSE, TERMINATE } from './support/exchange.js';
import { ISSUE } from './support/stays.js';
import { stay } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Reciprocal exchange through the API: agreements and their transitions, who sees and changes
 * what, booking under an agreement (quota, benefit snapshot), bills with vouchers and discounts,
 * subsidy claims, the balance and reciprocity.
 */
describe(`exchange agreements (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let yf: string; // partner of 云浮, the host of the world's bases
  let sz: string; // partner of 深圳, union B's region (w.partner is another)
  let hk: string; // partner of a third region
  const today = todayInShanghai();
  const until = addDays(today, 400);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 200, nightsOfBeds: 120 });
    yf = await partnerOf(t, w, 'YF');
    sz = w.partner;
    hk = await partnerOf(t, w, 'HK');
  });
  afterAll(() => t.close());

  const base = (over: Record<string, unknown> = {}) => ({ partnerRegionId: w.regions.YF, title: '深云互派框架协议', from: today, to: until, ...over });

  it('PROPOSED → ACTIVE by the other region, with history; the proposer cannot accept its own, a third region sees nothing', async () => {
    const proposed = (
      await t.ok<any>(PROPOSE, { i: base({ quotas: [{ fromRegionId: w.regions.SZ, personVisits: 300 }], benefits: [{ hostRegionId: w.regions.YF, type: 'VOUCHER_PER_PERSON', amount: '100' }] }) }, sz)
    ).proposeAgreement;
    expect(proposed).toMatchObject({ status: 'PROPOSED', proposerRegion: { code: 'SZ' }, partnerRegion: { code: 'YF' } });
    expect(errorCode(await t.gql(ACCEPT, { id: proposed.id }, sz))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(ACCEPT, { id: proposed.id }, hk))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(TERMINATE, { id: proposed.id, r: 'x' }, hk))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(AGREEMENT, { id: proposed.id }, hk))).toBe('NOT_FOUND');
    expect((await t.ok<any>('{agreements{id}}', {}, hk)).agreements).toEqual([]);
    expect((await t.ok<any>(ACCEPT, { id: proposed.id }, yf)).acceptAgreement.status).toBe('ACTIVE');
    expect(errorCode(await t.gql(ACCEPT, { id: proposed.id }, yf))).toBe('INVALID_TRANSITION');
    const seen = (await t.ok<any>(AGREEMENT, { id: proposed.id }, sz)).agreement;
    const years = seen.quotas.map((q: any) => [q.fromRegionId, q.year, q.yearStart, q.personVisits, q.used, q.left]);
    expect(years).toEqual([
      [w.regions.SZ, 1, today, 300, 0, 300],
      [w.regions.SZ, 2, addDays(today, seen.quotas[1].yearStart === addDays(today, 366) ? 366 : 365), 300, 0, 300],
    ]);
    expect(seen.benefits).toEqual([{ hostRegionId: w.regions.YF, type: 'VOUCHER_PER_PERSON', amount: '100.00' }]);
    expect(seen.history.map((h: any) => [h.from, h.to])).toEqual([
      [null, 'PROPOSED'],
      ['PROPOSED', 'ACTIVE'],
    ]);
    // The host's operator and organisers of either region see it; the admin sees all.
    for (const token of [w.baseA.operator, w.unionB.organiser, w.admin]) expect((await t.ok<any>(AGREEMENT, { id: proposed.id }, token)).agreement.id).toBe(proposed.id);
    expect(errorCode(await t.gql(AGREEMENT, { id: proposed.id }, w.unionA.organiser))).toBe('NOT_FOUND');
    // Only partners and admins change agreements.
    expect(errorCode(await t.gql(TERMINATE, { id: proposed.id, r: 'x' }, w.unionB.organiser))).toBe('FORBIDDEN');
  });

  it('refuses bad proposals naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [base({ quotas: [{ fromRegionId: w.regions.HK, personVisits: 5 }] }), 'BAD_USER_INPUT', 'quotas.0.fromRegionId'],
      [base({ quotas: [{ fromRegionId: w.regions.SZ, personVisits: 0 }] }), 'BAD_USER_INPUT', 'quotas.0.personVisits'],
      [base({ benefits: [{ hostRegionId: w.regions.YF, type: 'VOUCHER_PER_PERSON' }] }), 'BAD_USER_INPUT', 'benefits.0.amount'],
      [base({ benefits: [{ hostRegionId: w.regions.YF, type: 'DISCOUNT_PERCENT', amount: '100.01' }] }), 'BAD_USER_INPUT', 'benefits.0.amount'],
      [base({ benefits: [{ hostRegionId: w.regions.YF, type: 'DISCOUNT_PERCENT', amount: '1.234' }] }), 'BAD_USER_INPUT', 'benefits.0.amount'],
      [base({ partnerRegionId: w.regions.SZ }), 'BAD_USER_INPUT', 'partnerRegionId'],
      [base({ to: addDays(today, -1), from: addDays(today, -10) }), 'BAD_USER_INPUT', 'to'],
      [base({ to: addDays(today, 5 * 366 + 1) }), 'BAD_USER_INPUT', 'to'],
      [base({ regionId: w.regions.GZ }), 'FORBIDDEN', 'regionId'],
      [base({ partnerRegionId: 99999 }), 'NOT_FOUND', 'partnerRegionId'],
    ];
    for (const [input, code, field] of cases) {
      const res = await t.gql(PROPOSE, { i: input }, sz);
      expect([JSON.stringify(input), errorCode(res), res.errors?.[0].extensions?.field]).toEqual([JSON.stringify(input), code, field]);
    }
    // An admin names the proposing region.
    expect(errorCode(await t.gql(PROPOSE, { i: base() }, w.admin))).toBe('BAD_USER_INPUT');
  });

  it('booking under an agreement: the parties, the period and the state are checked; the quota is taken and given back exactly', async () => {
    const id = await activeAgreement(
      t,
      sz,
      yf,
      base({ quotas: [{ fromRegionId: w.regions.SZ, personVisits: 30 }], benefits: [{ hostRegionId: w.regions.YF, type: 'DISCOUNT_PERCENT', amount: '10' }] }),
    );
    const input = { packageId: w.baseA.packageId, startDate: w.start, headcount: 12, agreementId: id };
    // Union A is in 广州, not a party: to its organiser the agreement does not exist; an admin is told why.
    const wrongUnion = await t.gql(EXCHANGE_BATCH, { i: input }, w.unionA.organiser);
    expect([errorCode(wrongUnion), wrongUnion.errors?.[0].extensions?.field]).toEqual(['NOT_FOUND', 'agreementId']);
    const adminWrong = await t.gql(EXCHANGE_BATCH, { i: { ...input, unionId: w.unionA.id } }, w.admin);
    expect([errorCode(adminWrong), adminWrong.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'unionId']);
    // A base outside the host region.
    const gzBase = (await t.ok<any>('mutation($i:CreateBaseInput!){createBase(input:$i){id}}', { i: { code: 'T-GZ1', name: '广州基地', regionId: w.regions.GZ, county: '海珠区' } }, w.admin))
      .createBase.id;
    const gzPackage = (
      await t.ok<any>(
        'mutation($i:CreatePackageInput!){createPackage(input:$i){id}}',
        { i: { baseId: gzBase, name: 'p', nights: 2, pricePerPerson: '100.00', minGroupSize: 1, maxGroupSize: 99 } },
        w.admin,
      )
    ).createPackage.id;
    const wrongBase = await t.gql(EXCHANGE_BATCH, { i: { ...input, packageId: gzPackage } }, w.unionB.organiser);
    expect([errorCode(wrongBase), wrongBase.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'packageId']);
    // Past its end.
    const late = await t.gql(EXCHANGE_BATCH, { i: { ...input, startDate: addDays(until, -1) } }, w.unionB.organiser);
    expect([errorCode(late), late.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'startDate']);

    const first = (await t.ok<any>(EXCHANGE_BATCH, { i: input }, w.unionB.organiser)).requestBatch;
    expect(first).toMatchObject({ bedSource: 'GENERAL', benefit: { type: 'DISCOUNT_PERCENT', amount: '10.00', perPerson: '198.00' }, agreement: { id } });
    // The partner of 深圳 books for any union of 深圳, not for 广州's.
    const second = (await t.ok<any>(EXCHANGE_BATCH, { i: { ...input, unionId: w.unionB.id } }, sz)).requestBatch;
    expect(errorCode(await t.gql(EXCHANGE_BATCH, { i: { ...input, unionId: w.unionA.id } }, sz))).toBe('FORBIDDEN');
    // 24 of 30 used: 12 more do not fit, and nothing is kept of the refusal.
    const over = await t.gql(EXCHANGE_BATCH, { i: input }, w.unionB.organiser);
    expect(errorCode(over)).toBe('QUOTA_EXCEEDED');
    expect(over.errors![0].extensions).toMatchObject({ left: 6, personVisits: 30, used: 24, requested: 12, year: 1 });
    expect(over.errors![0].message).toContain('6 person-visits left');
    const used = async () => (await t.ok<any>(AGREEMENT, { id }, sz)).agreement.quotas[0].used;
    expect(await used()).toBe(24);
    // Headcount changes take or give the difference; the partner may resize what their region sent.
    expect(errorCode(await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:19){id}}', { id: first.id }, w.unionB.organiser))).toBe('QUOTA_EXCEEDED');
    await t.ok('mutation($id:Int!){changeHeadcount(id:$id,headcount:18){id}}', { id: first.id }, sz);
    expect(await used()).toBe(30);
    await t.ok('mutation($id:Int!){changeHeadcount(id:$id,headcount:10){id}}', { id: first.id }, w.unionB.organiser);
    expect(await used()).toBe(22);
    // The host's partner cannot cancel what 深圳 sent; rejection, cancellation and expiry give the quota back.
    expect(errorCode(await t.gql('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: first.id }, yf))).toBe('FORBIDDEN');
    await t.ok('mutation($id:Int!){rejectBatch(id:$id,reason:"full"){id}}', { id: first.id }, w.baseA.operator);
    expect(await used()).toBe(12);
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: second.id }, sz);
    expect(await used()).toBe(0);
    // The partner sees the batches of the exchange, the third region does not.
    const listed = (await t.ok<any>('{batches{edges{node{id}}}}', {}, sz)).batches.edges.map((e: any) => e.node.id);
    expect(listed.sort()).toEqual([first.id, second.id].sort());
    expect((await t.ok<any>('{batches{totalCount}}', {}, hk)).batches.totalCount).toBe(0);
    expect(errorCode(await t.gql('query($id:Int!){batch(id:$id){id}}', { id: first.id }, hk))).toBe('NOT_FOUND');

    // Terminated: new bookings refused, booked batches keep their terms.
    const kept = (await t.ok<any>(EXCHANGE_BATCH, { i: input }, w.unionB.organiser)).requestBatch;
    expect(errorCode(await t.gql(TERMINATE, { id, r: '' }, yf))).toBe('BAD_USER_INPUT');
    expect((await t.ok<any>(TERMINATE, { id, r: '协议期满前终止' }, yf)).terminateAgreement.status).toBe('TERMINATED');
    const refused = await t.gql(EXCHANGE_BATCH, { i: input }, w.unionB.organiser);
    expect([errorCode(refused), refused.errors?.[0].extensions?.field, refused.errors?.[0].extensions?.status]).toEqual(['BAD_USER_INPUT', 'agreementId', 'TERMINATED']);
    const still = (await t.ok<any>('query($id:Int!){batch(id:$id){benefit{type perPerson} agreement{status}}}', { id: kept.id }, w.unionB.organiser)).batch;
    expect(still).toEqual({ benefit: { type: 'DISCOUNT_PERCENT', perPerson: '198.00' }, agreement: { status: 'TERMINATED' } });
    expect((await t.ok<any>(AGREEMENT, { id }, sz)).agreement.history.map((h: any) => [h.to, h.actor.startsWith('partner-yf'), h.reason])).toEqual([
      ['PROPOSED', false, null],
      ['ACTIVE', true, null],
      ['TERMINATED', true, '协议期满前终止'],
    ]);
  });

  it('an agreement past its last day expires on the sweep and refuses new bookings', async () => {
    const id = await activeAgreement(t, sz, yf, base({ to: addDays(w.start, 10) }));
    const batch = (await t.ok<any>(EXCHANGE_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 5, agreementId: id } }, w.unionB.organiser)).requestBatch;
    expect(batch.agreement.id).toBe(id);
    const sweeper = t.get(AgreementSweeper);
    expect(await sweeper.expire(new Date(Date.now() + 5 * 86_400_000))).toBe(0);
    expect(await sweeper.expire(new Date(Date.now() + 20 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect((await t.ok<any>(AGREEMENT, { id }, sz)).agreement.status).toBe('EXPIRED');
    const refused = await t.gql(EXCHANGE_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 5, agreementId: id } }, w.unionB.organiser);
    expect([errorCode(refused), refused.errors?.[0].extensions?.status]).toEqual(['BAD_USER_INPUT', 'EXPIRED']);
  });

  it('bills: a voucher is its own negative line by the people who checked in, a discount lowers the package line, both exact to the fen; claims equal the vouchers, and never twice', async () => {
    const gz = await partnerOf(t, w, 'GZ');
    const voucher = await activeAgreement(t, sz, yf, base({ benefits: [{ hostRegionId: w.regions.YF, type: 'VOUCHER_PER_PERSON', amount: '123.45' }] }));
    const discount = await activeAgreement(t, gz, yf, base({ title: '广云互派', benefits: [{ hostRegionId: w.regions.YF, type: 'DISCOUNT_PERCENT', amount: '33.33' }] }));
    const a = await stay(t, { organiser: w.unionB.organiser, operator: w.baseB.operator }, { packageId: w.baseB.packageId, startDate: today, headcount: 7, agreementId: voucher }, 'COMPLETED');
    const b = await stay(t, { organiser: w.unionB.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 3, agreementId: voucher }, 'COMPLETED');
    const c = await stay(t, { organiser: w.unionA.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 9, agreementId: discount }, 'COMPLETED');
    const billA = (await t.ok<any>(ISSUE, { b: a.id }, w.baseB.operator)).issueBill;
    expect(billA.lines.map((l: any) => [l.kind, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['PACKAGE', 7, '1980.00', '13860.00'],
      ['VOUCHER', 7, '-123.45', '-864.15'],
    ]);
    expect(billA.total).toBe('12995.85');
    // 33.33 % of 1980.00 = 659.934 → 659.93 off per person.
    const billC = (await t.ok<any>(ISSUE, { b: c.id }, w.baseA.operator)).issueBill;
    expect(billC.lines.map((l: any) => [l.kind, l.quantity, l.unitPrice, l.amount])).toEqual([['PACKAGE', 9, '1320.07', '11880.63']]);
    expect(billC.total).toBe('11880.63');
    // The batch's totalPrice agrees with the package line: the discount is in it, the voucher is not.
    const totals = async (id: number) => (await t.ok<any>('query($id:Int!){batch(id:$id){totalPrice}}', { id }, w.admin)).batch.totalPrice;
    expect([await totals(a.id), await totals(c.id)]).toEqual(['13860.00', '11880.63']);

    const STATEMENT = 'query($a:Int!,$f:Date!,$t:Date!){subsidyStatement(agreementId:$a,from:$f,to:$t){total unclaimed lines{batchId people voucherPerPerson amount claimBillId}}}';
    const CLAIM = 'mutation($a:Int!,$f:Date!,$t:Date!){issueSubsidyClaim(agreementId:$a,from:$f,to:$t){id kind total baseId unionId lines{kind batchId quantity unitPrice amount}}}';
    const period = { a: voucher, f: today, t: today };
    const statement = (await t.ok<any>(STATEMENT, period, w.admin)).subsidyStatement;
    expect(statement).toMatchObject({ total: '1234.50', unclaimed: '1234.50' });
    expect(statement.lines.map((l: any) => [l.batchId, l.people, l.amount]).sort()).toEqual(
      [
        [a.id, 7, '864.15'],
        [b.id, 3, '370.35'],
      ].sort(),
    );
    // An operator sees and claims their own base's lines only; the host federation pays.
    expect((await t.ok<any>(STATEMENT, period, w.baseA.operator)).subsidyStatement.total).toBe('370.35');
    const claimA = (await t.ok<any>(CLAIM, period, w.baseA.operator)).issueSubsidyClaim;
    const yfFederation = (await t.ok<any>('{regions{code federation{id}}}', {}, w.admin)).regions.find((r: any) => r.code === 'YF').federation.id;
    expect(claimA).toEqual([
      {
        id: expect.any(Number),
        kind: 'SUBSIDY_CLAIM',
        total: '370.35',
        baseId: w.baseA.id,
        unionId: yfFederation,
        lines: [{ kind: 'SUBSIDY', batchId: b.id, quantity: 3, unitPrice: '123.45', amount: '370.35' }],
      },
    ]);
    const rest = (await t.ok<any>(CLAIM, period, w.admin)).issueSubsidyClaim;
    expect(rest.map((r: any) => [r.baseId, r.total])).toEqual([[w.baseB.id, '864.15']]);
    expect((await t.ok<any>(CLAIM, period, w.admin)).issueSubsidyClaim).toEqual([]);
    expect((await t.ok<any>(STATEMENT, period, w.admin)).subsidyStatement.unclaimed).toBe('0.00');
    // A discount is no claim; the discount agreement has nothing to claim.
    expect((await t.ok<any>(CLAIM, { ...period, a: discount }, w.admin)).issueSubsidyClaim).toEqual([]);

    // The balance counts what went ahead and the benefits granted.
    const BALANCE =
      'query($id:Int!){agreement(id:$id){balance{year from directions{fromRegion{code} toRegion{code} flow{batches personVisits personNights committedBatches benefitsGranted} quota} net}}}';
    const balance = (await t.ok<any>(BALANCE, { id: voucher }, sz)).agreement.balance;
    expect(balance.year).toBe(1);
    expect(balance.directions.map((d: any) => [d.fromRegion.code, d.toRegion.code, d.flow, d.quota])).toEqual([
      ['SZ', 'YF', { batches: 2, personVisits: 10, personNights: 30, committedBatches: 0, benefitsGranted: '1234.50' }, null],
      ['YF', 'SZ', { batches: 0, personVisits: 0, personNights: 0, committedBatches: 0, benefitsGranted: '0.00' }, null],
    ]);
    expect(balance.net).toBe(10);
    const RECIPROCITY = 'query($r:Int!,$f:Date!,$t:Date!){reciprocity(regionId:$r,from:$f,to:$t){net partners{partnerRegion{code} sent{personVisits benefitsGranted} received{personVisits} net}}}';
    const yfView = (await t.ok<any>(RECIPROCITY, { r: w.regions.YF, f: today, t: today }, yf)).reciprocity;
    expect(yfView.partners.map((p: any) => [p.partnerRegion.code, p.sent.personVisits, p.received.personVisits, p.net])).toEqual([
      ['GZ', 0, 9, -9],
      ['SZ', 0, 10, -10],
    ]);
    expect(yfView.net).toBe(-19);
    expect(errorCode(await t.gql(RECIPROCITY, { r: w.regions.YF, f: today, t: today }, sz))).toBe('FORBIDDEN');
    // Statistics: only exchange batches, by region of the sending union.
    const STATS = 'query($f:Date!,$t:Date!){statistics(from:$f,to:$t,groupBy:REGION,exchange:EXCHANGE){rows{label current{batches personVisits consumption}}}}';
    const stats = (await t.ok<any>(STATS, { f: today, t: today }, w.admin)).statistics.rows;
    expect(stats.map((r: any) => [r.label, r.current.batches, r.current.personVisits, r.current.consumption])).toEqual([
      ['广州', 1, 9, '11880.63'],
      ['深圳', 2, 10, '12995.85'],
    ]);
    expect((await t.ok<any>(AUDIT_FULL, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('a full discount bills 0.00, paid and settled at once; a voucher never exceeds the price; a cancellation fee is on the discounted price', async () => {
    const gz = await partnerOf(t, w, 'GZ');
    const free = await activeAgreement(t, gz, yf, base({ title: 'free', benefits: [{ hostRegionId: w.regions.YF, type: 'DISCOUNT_PERCENT', amount: '100' }] }));
    const big = await activeAgreement(t, sz, yf, base({ title: 'big voucher', benefits: [{ hostRegionId: w.regions.YF, type: 'VOUCHER_PER_PERSON', amount: '5000' }] }));
    const tenth = await activeAgreement(t, sz, yf, base({ title: 'ten percent', benefits: [{ hostRegionId: w.regions.YF, type: 'DISCOUNT_PERCENT', amount: '10' }] }));
    const a = await stay(t, { organiser: w.unionA.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 2, agreementId: free }, 'COMPLETED');
    const billA = (await t.ok<any>(ISSUE, { b: a.id }, w.baseA.operator)).issueBill;
    expect([billA.total, billA.status]).toEqual(['0.00', 'PAID']);
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){status}}', { id: a.id }, w.admin)).batch.status).toBe('SETTLED');
    const b = await stay(t, { organiser: w.unionB.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 2, agreementId: big }, 'COMPLETED');
    const billB = (await t.ok<any>(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    expect(billB.lines.map((l: any) => [l.kind, l.unitPrice, l.amount])).toEqual([
      ['PACKAGE', '1980.00', '3960.00'],
      ['VOUCHER', '-1980.00', '-3960.00'],
    ]);
    expect([billB.total, billB.status]).toEqual(['0.00', 'PAID']);
    // Cancelled on the day of arrival: 100 % of the price less 10 %.
    const c = await stay(t, { organiser: w.unionB.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 3, agreementId: tenth }, 'CONFIRMED');
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: c.id }, w.unionB.organiser);
    const fee = (await t.ok<any>('query($id:Int!){batch(id:$id){bills{kind total}}}', { id: c.id }, w.admin)).batch.bills;
    expect(fee).toEqual([{ kind: 'CANCELLATION_FEE', total: '5346.00' }]);
    expect((await t.ok<any>(AUDIT_FULL, {}, w.admin)).capacityAudit).toEqual([]);
  });
});
