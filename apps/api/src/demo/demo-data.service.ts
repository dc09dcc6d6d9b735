import { Injectable } from '@nestjs/common';
import { UserService } from '@app/auth';
import { BaseService, CapacityCalendarService, PackageService, RegionService, Season, UnionService } from '@app/base';
import { BatchLifecycleService, BatchRequestService, BatchRescheduleService, WaitingListOfferService, WaitingListService } from '@app/booking';
import { DocumentType, Gender, InsuranceService, mainlandIdCheckDigit, ParticipantCategory, ParticipantEditService, type ParticipantFields } from '@app/roster';
import { AgreementService, AgreementAllotmentService } from '@app/exchange';
import { BillIssueService, BillPaymentService, ConsumptionService } from '@app/billing';
import { addDays, type RequestContext, Role, todayInShanghai, TransactionRunner } from '@app/shared';
import { StayAcceptanceService, StayMessageService, StayQuoteService, StayRequestService } from '@app/stay-order';
import { loadDemoAgreements, loadDemoExchangeTraffic } from './demo-exchange.js';
import { loadDemoHistory } from './demo-history.js';
import { loadDemoStayInProgress } from './demo-stay-in-progress.js';
import { demoActor, loadDemoStayOrders } from './demo-stay-orders.js';
import { loadDemoStaggering } from './demo-staggering.js';
import { loadDemoWaitingList } from './demo-waiting-list.js';

/** The documented password of every demo account except admin. */
export const DEMO_PASSWORD = 'demo1234';

const BASES = [
  { code: 'YF-XX01', name: '六祖故里禅意疗休养基地（演示）', county: '新兴县', beds: 240, address: '新兴县六祖镇' },
  { code: 'YF-XX02', name: '天露山温泉疗休养基地（演示）', county: '新兴县', beds: 180, address: '新兴县天堂镇' },
  { code: 'YF-LD01', name: '龙龛岩文化疗休养基地（演示）', county: '罗定市', beds: 150, address: '罗定市附城街道' },
  { code: 'YF-LD02', name: '金银河农旅疗休养基地（演示）', county: '罗定市', beds: 120, address: '罗定市泗纶镇' },
  { code: 'YF-YN01', name: '大湾古村疗休养基地（演示）', county: '郁南县', beds: 160, address: '郁南县大湾镇' },
  { code: 'YF-YC01', name: '蟠龙天湖生态疗休养基地（演示）', county: '云城区', beds: 200, address: '云城区思劳镇' },
  { code: 'YF-YA01', name: '石艺文化疗休养基地（演示）', county: '云安区', beds: 140, address: '云安区六都镇' },
];

const PACKAGES = [
  { name: '五天四晚 康养休闲线', nights: 4, price: 238000, min: 15, max: 120 },
  { name: '三天两晚 温泉放松线', nights: 2, price: 128000, min: 10, max: 100 },
  { name: '七天六晚 劳模疗休养线', nights: 6, price: 398000, min: 10, max: 40 },
];

/** District and industry unions (the regions' federations come with the schema): code, name, region code. */
const UNIONS = [
  ['GZ-HZQ', '广州市海珠区总工会（演示）', 'GZ'],
  ['SZ-NSQ', '深圳市南山区总工会（演示）', 'SZ'],
  ['ZH-XZQ', '珠海市香洲区总工会（演示）', 'ZH'],
  ['FS-SDQ', '佛山市顺德区总工会（演示）', 'FS'],
  ['HZ-HCQ', '惠州市惠城区总工会（演示）', 'HZ'],
  ['DG-SSH', '东莞市松山湖总工会（演示）', 'DG'],
  ['ZS-SQ', '中山市石岐街道总工会（演示）', 'ZS'],
  ['JM-PJQ', '江门市蓬江区总工会（演示）', 'JM'],
  ['ZQ-DHQ', '肇庆市端州区总工会（演示）', 'ZQ'],
  ['YF-XXX', '云浮市新兴县总工会（演示）', 'YF'],
];

const SURNAMES = '陈李黄张梁刘林何罗郑谢冯邓曾彭吴'.split('');
const GIVEN = ['伟明', '丽华', '志强', '秀英', '建国', '晓燕', '国平', '美玲', '家豪', '慧敏', '振华', '嘉欣', '永康', '翠红', '海涛', '婉婷'];

/** Fictional workers with well-formed (check digit and all) but made-up ID numbers and phones; `from` starts further down the same list. */
function demoPeople(count: number, from = 0): ParticipantFields[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const gender = i % 2 === 0 ? Gender.MALE : Gender.FEMALE;
    const birth = `19${70 + (i % 25)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
    const first17 = `440106${birth}${String(100 + i * 2 + (gender === Gender.MALE ? 1 : 0)).slice(-3)}`;
    return {
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length],
      gender,
      documentType: DocumentType.MAINLAND_ID,
      idNumber: first17 + mainlandIdCheckDigit(first17),
      phone: `1380000${String(1000 + i).slice(-4)}`,
      employer: ['广州地铁集团', '广州市第一人民医院', '广州港集团', '广州公交集团'][i % 4],
      category: i < 4 ? ParticipantCategory.MODEL_WORKER : ParticipantCategory.FRONTLINE_WORKER,
      dietaryNeeds: i % 9 === 0 ? '不吃辣' : null,
      room: `${Math.floor(i / 2) + 101}`,
    };
  });
}

/** Seven demo bases in Yunfu with packages and a year of beds, the ten unions, one account per role, a few batches: one with most of its rooming list, one checked in today, one completed awaiting its bill. */
/**
 * The demo's seasons, from six weeks out so the batches it books keep the plain prices: a quiet month
 * at 80 % of the package's nightly price, a busy one at 130 %, then the shoulder at 100 %.
 */
function demoSeasons(today: string, pkg: { nights: number; price: number }): Array<{ season: Season; firstNight: string; lastNight: string; pricePerNight: number }> {
  const night = pkg.price / pkg.nights;
  const at = (percent: number) => Math.round((night * percent) / 100 / 100) * 100;
  return [
    { season: Season.OFF_PEAK, firstNight: addDays(today, 42), lastNight: addDays(today, 71), pricePerNight: at(80) },
    { season: Season.PEAK, firstNight: addDays(today, 72), lastNight: addDays(today, 102), pricePerNight: at(130) },
    { season: Season.SHOULDER, firstNight: addDays(today, 103), lastNight: addDays(today, 180), pricePerNight: at(100) },
  ];
}

@Injectable()
export class DemoDataService {
  constructor(
    private readonly bases: BaseService,
    private readonly packages: PackageService,
    private readonly capacity: CapacityCalendarService,
    private readonly regions: RegionService,
    private readonly unions: UnionService,
    private readonly users: UserService,
    private readonly requests: BatchRequestService,
    private readonly lifecycle: BatchLifecycleService,
    private readonly participants: ParticipantEditService,
    private readonly insurance: InsuranceService,
    private readonly consumption: ConsumptionService,
    private readonly bills: BillIssueService,
    private readonly payments: BillPaymentService,
    private readonly agreements: AgreementService,
    private readonly allotments: AgreementAllotmentService,
    private readonly db: TransactionRunner,
    private readonly stayRequests: StayRequestService,
    private readonly stayQuotes: StayQuoteService,
    private readonly stayAcceptance: StayAcceptanceService,
    private readonly stayMessages: StayMessageService,
    private readonly reschedule: BatchRescheduleService,
    private readonly waitingList: WaitingListService,
    private readonly waitingListOffers: WaitingListOfferService,
  ) {}

  async load(ctx: RequestContext): Promise<void> {
    const today = todayInShanghai();
    const baseIds: number[] = [];
    const packageIds: number[] = [];
    const packagePrices = new Map<number, { nights: number; price: number }>();
    const packageSizes: Array<{ id: number; maxGroupSize: number }> = [];
    const regionIds = new Map((await this.regions.list(ctx)).map((r) => [r.code, r.id]));
    const region = (code: string) => {
      const id = regionIds.get(code);
      if (id === undefined) throw new Error(`The standard region ${code} is missing: were the migrations run?`);
      return id;
    };
    for (const [i, b] of BASES.entries()) {
      const base = await this.bases.create(
        ctx,
        { code: b.code, name: b.name, regionId: region('YF'), county: b.county, address: b.address, description: '演示数据 — demo data, not a real booking offer' },
        true,
      );
      baseIds.push(base.id);
      for (const p of PACKAGES.slice(0, 2 + (i % 2))) {
        const pkg = await this.packages.create(ctx, {
          baseId: base.id,
          name: p.name,
          nights: p.nights,
          pricePerPerson: p.price,
          minGroupSize: p.min,
          maxGroupSize: p.max,
          description: '演示套餐 demo package',
        });
        packageIds.push(pkg.id);
        packagePrices.set(pkg.id, p);
        packageSizes.push({ id: pkg.id, maxGroupSize: pkg.maxGroupSize });
      }
      await this.capacity.setCapacity(ctx, { baseId: base.id, from: today, to: addDays(today, 365), totalBeds: b.beds });
    }
    await this.capacity.closeDates(ctx, { baseId: baseIds[1], from: addDays(today, 60), to: addDays(today, 66), reason: '温泉设施年度检修 annual maintenance' });

    const exchangeServices = {
      bases: this.bases,
      packages: this.packages,
      capacity: this.capacity,
      users: this.users,
      requests: this.requests,
      lifecycle: this.lifecycle,
      consumption: this.consumption,
      bills: this.bills,
      payments: this.payments,
      agreements: this.agreements,
      allotments: this.allotments,
    };
    const exchange = await loadDemoAgreements(ctx, exchangeServices, region);
    const unionIds: number[] = [];
    for (const [code, name, regionCode] of UNIONS) unionIds.push((await this.unions.create(ctx, { code, name, regionId: region(regionCode) })).id);

    const operator = await this.users.create(ctx, { username: 'operator', password: DEMO_PASSWORD, role: Role.BASE_OPERATOR, baseId: baseIds[0] }, { publishedPassword: true });
    const organiser = await this.users.create(ctx, { username: 'organiser', password: DEMO_PASSWORD, role: Role.UNION_ORGANISER, unionId: unionIds[0] }, { publishedPassword: true });
    await this.users.create(ctx, { username: 'approver', password: DEMO_PASSWORD, role: Role.UNION_APPROVER, unionId: unionIds[0] }, { publishedPassword: true });
    await this.users.create(ctx, { username: 'partner', password: DEMO_PASSWORD, role: Role.PARTNER, regionId: region('YF') }, { publishedPassword: true });

    const first = await this.requests.request(ctx, { packageId: packageIds[0], startDate: addDays(today, 21), headcount: 40, unionId: unionIds[0], notes: '一线职工疗休养（演示）' });
    await this.lifecycle.confirm(ctx, first.id);
    await this.participants.add(ctx, first.id, demoPeople(36));
    const regionOfUnion = new Map(UNIONS.map(([, , code], i) => [unionIds[i], region(code)]));
    // Its last stay, at the operator's base for the organiser's union, ended yesterday and awaits its bill (README, billing).
    await loadDemoHistory(
      ctx,
      this.db,
      { requests: this.requests, consumption: this.consumption, bills: this.bills, payments: this.payments },
      packageSizes,
      unionIds,
      (unionId) => exchange.agreementOfRegion.get(regionOfUnion.get(unionId)!),
      { packageId: packageIds[0], unionId: unionIds[0], headcount: 30, pricePerPerson: PACKAGES[0].price, daysAgo: PACKAGES[0].nights + 1 },
    );
    const szUnion = unionIds[UNIONS.findIndex(([, , code]) => code === 'SZ')];
    const yfUnion = unionIds[UNIONS.findIndex(([, , code]) => code === 'YF')];
    await loadDemoExchangeTraffic(
      ctx,
      exchangeServices,
      exchange,
      { unionId: yfUnion, baseId: baseIds[0], packageId: packageIds[0], regionId: region('YF') },
      { unionId: szUnion, regionId: region('SZ') },
    );
    // A request whose list is complete, ready for the union's approval and public notice (README).
    const ready = await this.requests.request(ctx, { packageId: packageIds[0], startDate: addDays(today, 35), headcount: 32, unionId: unionIds[0], notes: '劳模疗休养（演示）' });
    await this.participants.add(ctx, ready.id, demoPeople(32, 40));
    const second = await this.requests.request(ctx, { packageId: packageIds[2], startDate: addDays(today, 14), headcount: 25, unionId: unionIds[1] });
    // Last, so every id the README names before it stays put: a stay at the operator's base that checked in today (README, billing).
    await loadDemoStayInProgress(
      ctx,
      { requests: this.requests, lifecycle: this.lifecycle, participants: this.participants, insurance: this.insurance },
      {
        packageId: packageIds[0],
        unionId: unionIds[0],
        people: demoPeople(30, 100),
        operator: { userId: operator.id, username: operator.username, role: Role.BASE_OPERATOR, baseId: baseIds[0], unionId: null, regionId: null },
      },
    );
    await loadDemoStayOrders(
      ctx,
      { requests: this.stayRequests, quotes: this.stayQuotes, acceptance: this.stayAcceptance, messages: this.stayMessages },
      {
        organiser: demoActor(organiser, Role.UNION_ORGANISER, { unionId: unionIds[0] }),
        operator: demoActor(operator, Role.BASE_OPERATOR, { baseId: baseIds[0] }),
        baseIds: [baseIds[0], baseIds[1], baseIds[2]],
        unionIds: { organisers: unionIds[0], shenzhen: szUnion, zhuhai: unionIds[UNIONS.findIndex(([, , code]) => code === 'ZH')] },
      },
    );
    await loadDemoWaitingList(
      ctx,
      { capacity: this.capacity, requests: this.requests, lifecycle: this.lifecycle, entries: this.waitingList, offers: this.waitingListOffers },
      {
        organiser: demoActor(organiser, Role.UNION_ORGANISER, { unionId: unionIds[0] }),
        home: { baseId: baseIds[0], packageId: packageIds[0] },
        spa: { packageId: packageIds[2], closedFrom: addDays(today, 60) },
        unionIds: { shenzhen: szUnion, foshan: unionIds[UNIONS.findIndex(([, , code]) => code === 'FS')], huizhou: unionIds[UNIONS.findIndex(([, , code]) => code === 'HZ')] },
      },
    );
    // Seasons last: the demo's batches above keep the plain prices the README quotes.
    for (const id of packageIds) await this.packages.setPricePeriods(ctx, { packageId: id, periods: demoSeasons(today, packagePrices.get(id)!) });
    // Staggering (错时化) figures: refusals over base 2's closed week, and a batch moved to a quieter week.
    await loadDemoStaggering(
      ctx,
      { requests: this.requests, reschedule: this.reschedule },
      { packageId: packageIds[2], unionId: unionIds[1], batchId: second.id, closedNight: addDays(today, 62), quietStart: addDays(today, 45) },
    );
  }
}
