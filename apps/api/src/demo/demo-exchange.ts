import { BaseService, CapacityCalendarService, PackageService } from '@app/base';
import { UserService } from '@app/auth';
import { BatchLifecycleService, BatchRequestService, BenefitType } from '@app/booking';
import { BillIssueService, BillPaymentService, ConsumptionCategory, ConsumptionService, PaymentMethod } from '@app/billing';
import { AgreementService, AgreementAllotmentService } from '@app/exchange';
import { addDays, type RequestContext, Role, todayInShanghai } from '@app/shared';

const DEMO_PASSWORD = 'demo1234';

/** Partner bases in three Greater Bay Area cities: where Yunfu's own workers go in return. */
const PARTNER_BASES = [
  { code: 'SZ-DP01', name: '大鹏半岛滨海疗休养基地（演示）', region: 'SZ', county: '大鹏新区', beds: 120 },
  { code: 'ZH-HQ01', name: '横琴湾区疗休养基地（演示）', region: 'ZH', county: '横琴粤澳深度合作区', beds: 100 },
  { code: 'GZ-CH01', name: '从化温泉疗休养基地（演示）', region: 'GZ', county: '从化区', beds: 150 },
];

export interface ExchangeServices {
  bases: BaseService;
  packages: PackageService;
  capacity: CapacityCalendarService;
  users: UserService;
  requests: BatchRequestService;
  lifecycle: BatchLifecycleService;
  consumption: ConsumptionService;
  bills: BillIssueService;
  payments: BillPaymentService;
  agreements: AgreementService;
  allotments: AgreementAllotmentService;
}

export interface DemoExchange {
  /** The agreement a union of this region books under when it comes to Yunfu. */
  agreementOfRegion: Map<number, number>;
  partnerPackages: Array<{ id: number; regionId: number }>;
}

/**
 * The exchange side of the demo, before the history: three partner bases, a partner account per
 * demo region, two ACTIVE agreements with 云浮 (深圳: a voucher of 100 yuan per visitor; 珠海: 15 %
 * off the package) and one 广州 has proposed and 云浮 has yet to answer.
 */
export async function loadDemoAgreements(ctx: RequestContext, s: ExchangeServices, region: (code: string) => number): Promise<DemoExchange> {
  const today = todayInShanghai();
  const partnerPackages: Array<{ id: number; regionId: number }> = [];
  for (const b of PARTNER_BASES) {
    const base = await s.bases.create(ctx, { code: b.code, name: b.name, regionId: region(b.region), county: b.county, description: '演示数据 — demo data, not a real booking offer' }, true);
    const pkg = await s.packages.create(ctx, {
      baseId: base.id,
      name: '四天三晚 湾区交流线',
      nights: 3,
      pricePerPerson: 168000,
      minGroupSize: 10,
      maxGroupSize: 60,
      description: '演示套餐 demo package',
    });
    partnerPackages.push({ id: pkg.id, regionId: base.regionId });
    await s.capacity.setCapacity(ctx, { baseId: base.id, from: today, to: addDays(today, 365), totalBeds: b.beds });
    await s.users.create(ctx, { username: `operator-${b.region.toLowerCase()}`, password: DEMO_PASSWORD, role: Role.BASE_OPERATOR, baseId: base.id }, { publishedPassword: true });
    await s.users.create(ctx, { username: `partner-${b.region.toLowerCase()}`, password: DEMO_PASSWORD, role: Role.PARTNER, regionId: region(b.region) }, { publishedPassword: true });
  }
  const from = addDays(today, -400);
  const to = addDays(today, 730);
  const sz = await s.agreements.propose(ctx, {
    regionId: region('SZ'),
    partnerRegionId: region('YF'),
    title: '深圳—云浮职工疗休养互派框架协议（演示）',
    from,
    to,
    quotas: [
      { fromRegionId: region('SZ'), personVisits: 4000 },
      { fromRegionId: region('YF'), personVisits: 1500 },
    ],
    benefits: [{ hostRegionId: region('YF'), type: BenefitType.VOUCHER_PER_PERSON, amount: '100.00' }],
  });
  await s.agreements.accept(ctx, sz.id);
  const zh = await s.agreements.propose(ctx, {
    regionId: region('ZH'),
    partnerRegionId: region('YF'),
    title: '珠海—云浮工会疗休养交流协议（演示）',
    from,
    to,
    quotas: [],
    benefits: [
      { hostRegionId: region('YF'), type: BenefitType.DISCOUNT_PERCENT, amount: '15' },
      { hostRegionId: region('ZH'), type: BenefitType.NONE },
    ],
  });
  await s.agreements.accept(ctx, zh.id);
  await s.agreements.propose(ctx, {
    regionId: region('GZ'),
    partnerRegionId: region('YF'),
    title: '广州—云浮职工互派协议（演示，待云浮确认）',
    from: today,
    to: addDays(today, 3 * 365),
    quotas: [{ fromRegionId: region('GZ'), personVisits: 2000 }],
    benefits: [{ hostRegionId: region('YF'), type: BenefitType.VOUCHER_PER_PERSON, amount: '80.00' }],
  });
  return {
    agreementOfRegion: new Map([
      [region('SZ'), sz.id],
      [region('ZH'), zh.id],
    ]),
    partnerPackages,
  };
}

/**
 * After the history: 云浮's own groups at the partner bases over the last year (billed and paid), an
 * allotment of 40 beds at the first Yunfu base held for 深圳, and upcoming exchange batches both ways.
 */
export async function loadDemoExchangeTraffic(
  ctx: RequestContext,
  s: ExchangeServices,
  exchange: DemoExchange,
  yunfu: { unionId: number; baseId: number; packageId: number; regionId: number },
  visitors: { unionId: number; regionId: number },
): Promise<void> {
  const today = todayInShanghai();
  const outgoing = exchange.partnerPackages.filter((p) => exchange.agreementOfRegion.has(p.regionId));
  for (let i = 0; i < 12; i++) {
    const pkg = outgoing[i % outgoing.length];
    const batch = await s.requests.recordPast(ctx, {
      packageId: pkg.id,
      unionId: yunfu.unionId,
      startDate: addDays(today, -350 + i * 28),
      headcount: 24 + (i % 4) * 6,
      pricePerPerson: 168000,
      notes: '云浮职工赴湾区疗休养（演示）',
      agreementId: exchange.agreementOfRegion.get(pkg.regionId),
    });
    await s.consumption.record(ctx, {
      batchId: batch.id,
      category: ConsumptionCategory.MEALS,
      description: '特色餐 local dinner',
      quantity: batch.headcount,
      unitPrice: 8800,
      occurredOn: batch.startDate,
    });
    const bill = await s.bills.issue(ctx, batch.id);
    await s.payments.recordPayment(ctx, { billId: bill.id, amount: bill.total, method: PaymentMethod.BANK_TRANSFER, reference: `DEMO-${batch.reference}` });
  }
  const sz = exchange.agreementOfRegion.get(visitors.regionId)!;
  await s.allotments.create(ctx, { agreementId: sz, baseId: yunfu.baseId, from: addDays(today, 30), to: addDays(today, 59), beds: 40, releaseDays: 14 });
  await s.requests.request(ctx, { packageId: yunfu.packageId, startDate: addDays(today, 32), headcount: 30, unionId: visitors.unionId, agreementId: sz, notes: '深圳一线职工赴云浮疗休养（演示）' });
  const back = exchange.partnerPackages.find((p) => p.regionId === visitors.regionId)!;
  const going = await s.requests.request(ctx, { packageId: back.id, startDate: addDays(today, 45), headcount: 20, unionId: yunfu.unionId, agreementId: sz, notes: '云浮劳模赴深圳交流（演示）' });
  await s.lifecycle.confirm(ctx, going.id);
}
