import { addDays, type RequestContext, todayInShanghai, TransactionRunner } from '@app/shared';
import { BatchRequestService } from '@app/booking';
import { BillIssueService, BillPaymentService, ConsumptionCategory, ConsumptionService, PaymentMethod } from '@app/billing';

/** One year of the demo's history: how many batches, and the totals it must add up to exactly. */
interface YearPlan {
  /** Days before today of the first and last arrival. */
  fromDaysAgo: number;
  toDaysAgo: number;
  batches: number;
  personVisits: number;
  /** Package price per person then, in fen. */
  pricePerPerson: number;
  /** Everything billed in the year, in fen: packages plus consumption. */
  billed: number;
  /** Share of bills left partly unpaid. */
  unpaid: number;
}

/**
 * The city's real scale (DESIGN.md): the later year about 350 batches, 26,000 person-visits and
 * 50 M yuan; the earlier year 12,500 person-visits and 30 M yuan — so +108 % and +66.6 %.
 */
const YEARS: YearPlan[] = [
  { fromDaysAgo: 730, toDaysAgo: 372, batches: 170, personVisits: 12_500, pricePerPerson: 1980_00, billed: 30_020_000_00, unpaid: 0 },
  { fromDaysAgo: 365, toDaysAgo: 10, batches: 350, personVisits: 26_000, pricePerPerson: 1580_00, billed: 50_000_000_00, unpaid: 0.05 },
];

/** A small seeded generator: the same demo every time. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `parts` numbers within ±spread of the mean that add up to exactly `total`. */
function split(total: number, parts: number, rand: () => number, spread = 0.35): number[] {
  const weights = Array.from({ length: parts }, () => 1 - spread + 2 * spread * rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  // What flooring left over, one each from the start: every part stays within its spread.
  const left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; i < left; i++) out[i % parts] += 1;
  return out;
}

/** A recent stay the demo leaves COMPLETED without a bill, for the README's billing example. */
export interface UnbilledStay {
  packageId: number;
  unionId: number;
  headcount: number;
  /** Package price per person, in fen: today's, as the stay has just ended. */
  pricePerPerson: number;
  /** Days before today of its arrival: it must have ended before today. */
  daysAgo: number;
}

/**
 * Two years of past stays through the services themselves — recorded, consumed, billed and paid as
 * the system — in chunks of 50 per transaction so the embedded start-up stays quick. The last year's
 * last stay is `unbilled` when given, and counts in that year's batches and person-visits, so the
 * totals (and every id the README names) are the same with it.
 */
export async function loadDemoHistory(
  ctx: RequestContext,
  db: TransactionRunner,
  services: { requests: BatchRequestService; consumption: ConsumptionService; bills: BillIssueService; payments: BillPaymentService },
  packages: Array<{ id: number; maxGroupSize: number }>,
  unionIds: number[],
  /** The agreement a union's stays of the last year came under, if any. */
  agreementOf: (unionId: number) => number | undefined = () => undefined,
  unbilled?: UnbilledStay,
): Promise<number | undefined> {
  const rand = seeded(20_241_126);
  const today = todayInShanghai();
  let unbilledId: number | undefined;
  for (const [y, year] of YEARS.entries()) {
    const own = y === YEARS.length - 1 ? unbilled : undefined;
    const batches = year.batches - (own ? 1 : 0);
    const visits = year.personVisits - (own?.headcount ?? 0);
    const headcounts = split(visits, batches, rand);
    const extras = split(year.billed - visits * year.pricePerPerson, batches, rand, 0.5);
    for (let first = 0; first < batches; first += 50) {
      await db.transaction(ctx, async (tx) => {
        for (let i = first; i < Math.min(first + 50, batches); i++) {
          const daysAgo = year.toDaysAgo + Math.floor(rand() * (year.fromDaysAgo - year.toDaysAgo));
          // A package that takes a group this size; its price then was the year's, not today's.
          const fitting = packages.filter((p) => p.maxGroupSize >= headcounts[i]);
          const unionId = unionIds[Math.floor(rand() * unionIds.length)];
          const batch = await services.requests.recordPast(tx, {
            packageId: fitting[Math.floor(rand() * fitting.length)].id,
            unionId,
            startDate: addDays(today, -daysAgo),
            headcount: headcounts[i],
            pricePerPerson: year.pricePerPerson,
            notes: '历史演示数据 demo history',
            agreementId: y === YEARS.length - 1 ? agreementOf(unionId) : undefined,
          });
          // The host's voucher or discount lowers the union's bill; the activities make up for it, so
          // the year's totals stay exactly those of the plan.
          await services.consumption.record(tx, {
            batchId: batch.id,
            category: ConsumptionCategory.ACTIVITIES,
            description: '餐饮及文体活动 meals and activities',
            quantity: 1,
            unitPrice: extras[i] + batch.benefitPerPerson * batch.headcount,
            occurredOn: batch.startDate,
          });
          const bill = await services.bills.issue(tx, batch.id);
          const share = rand() < year.unpaid ? 0.6 : 1;
          await services.payments.recordPayment(tx, { billId: bill.id, amount: Math.round(bill.total * share), method: PaymentMethod.BANK_TRANSFER, reference: `DEMO-${batch.reference}` });
        }
      });
    }
    if (own) {
      const { daysAgo, ...stay } = own;
      unbilledId = (await services.requests.recordPast(ctx, { ...stay, startDate: addDays(today, -daysAgo), notes: '刚结束、尚未出账的演示批次 demo stay awaiting its bill' })).id;
    }
  }
  return unbilledId;
}
