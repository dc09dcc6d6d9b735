import { Injectable } from '@nestjs/common';
import { BaseService, RegionService, UnionService } from '@app/base';
import { BatchQueryService, batchScope, scopeBatches, type StayGrouping } from '@app/booking';
import { daysBetween, DomainException, type RequestContext, TransactionRunner } from '@app/shared';
import { Bill, BillKind, BillStatus } from '../bill/bill.entity.js';
import { type Statistics, StatisticsExchange, type StatisticsFigures, type StatisticsGrowth, StatisticsGroupBy, type StatisticsRow } from './statistics.model.js';

const FIGURES = ['batches', 'personVisits', 'personNights', 'consumption', 'paid', 'outstanding'] as const;
const MAX_DAYS = 3 * 366;

const zero = (): StatisticsFigures => ({ batches: 0, personVisits: 0, personNights: 0, consumption: 0, paid: 0, outstanding: 0 });

/** The same calendar day a year earlier (29 February → 28 February). */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Percent change with one decimal; null when there is nothing to grow from. */
export function growth(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

function add(into: StatisticsFigures, from: StatisticsFigures): void {
  for (const f of FIGURES) into[f] += from[f];
}

/**
 * The federation's figures. Every number is a SQL aggregate (booking's for batches and people,
 * billing's for money) over the period and the same period a year earlier; Node only joins the
 * few group rows and adds them up.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly bases: BaseService,
    private readonly unions: UnionService,
    private readonly regions: RegionService,
  ) {}

  async statistics(ctx: RequestContext, from: string, to: string, groupBy: StatisticsGroupBy, exchange: StatisticsExchange = StatisticsExchange.ALL): Promise<Statistics> {
    if (to < from) throw DomainException.badInput('to', `to (${to}) is before from (${from})`);
    if (daysBetween(from, to) > MAX_DAYS) throw DomainException.badInput('to', `A period is at most ${MAX_DAYS} days; split longer ones`);
    const only = exchange === StatisticsExchange.EXCHANGE ? true : exchange === StatisticsExchange.NON_EXCHANGE ? false : null;
    const current = await this.figures(ctx, from, to, groupBy, only);
    const previous = await this.figures(ctx, yearEarlier(from), yearEarlier(to), groupBy, only);
    // A month a year earlier is compared with the same month now.
    const align = (key: string) => (groupBy === StatisticsGroupBy.MONTH ? `${Number(key.slice(0, 4)) + 1}${key.slice(4)}` : key);
    const previousAligned = new Map([...previous].map(([k, v]) => [align(k), v]));
    const keys = new Set([...current.keys(), ...previousAligned.keys()]);

    const totalNow = zero();
    const totalThen = zero();
    // All labels at once, so the base and union loaders read them in one query.
    const rows: StatisticsRow[] = await Promise.all(
      [...keys].map(async (key) => {
        const now = current.get(key) ?? zero();
        const then = previousAligned.get(key) ?? zero();
        add(totalNow, now);
        add(totalThen, then);
        return { key, label: await this.label(ctx, groupBy, key), current: now, previousYear: then, growth: this.growthOf(now, then) };
      }),
    );
    rows.sort((a, b) => (groupBy === StatisticsGroupBy.MONTH ? a.key.localeCompare(b.key) : a.label.localeCompare(b.label, 'zh') || a.key.localeCompare(b.key)));
    return { from, to, groupBy, exchange, rows, total: { key: 'total', label: 'Total', current: totalNow, previousYear: totalThen, growth: this.growthOf(totalNow, totalThen) } };
  }

  private growthOf(now: StatisticsFigures, then: StatisticsFigures): StatisticsGrowth {
    return Object.fromEntries(FIGURES.map((f) => [f, growth(now[f], then[f])])) as unknown as StatisticsGrowth;
  }

  private async label(ctx: RequestContext, groupBy: StatisticsGroupBy, key: string): Promise<string> {
    if (groupBy === StatisticsGroupBy.BASE) return (await this.bases.load(ctx, Number(key)))?.name ?? `base ${key}`;
    if (groupBy === StatisticsGroupBy.UNION) return (await this.unions.load(ctx, Number(key)))?.name ?? `union ${key}`;
    if (groupBy === StatisticsGroupBy.REGION) return (await this.regions.load(ctx, Number(key)))?.name ?? `region ${key}`;
    return key;
  }

  /** One period: booking's stay figures and billing's money, joined by group key. */
  private async figures(ctx: RequestContext, from: string, to: string, groupBy: StatisticsGroupBy, exchange: boolean | null): Promise<Map<string, StatisticsFigures>> {
    const grouping: StayGrouping = groupBy === StatisticsGroupBy.BASE ? 'base' : groupBy === StatisticsGroupBy.MONTH ? 'month' : 'union';
    const out = new Map<string, StatisticsFigures>();
    const slot = (key: string) => {
      if (!out.has(key)) out.set(key, zero());
      return out.get(key)!;
    };
    for (const s of await this.batches.stayFigures(ctx, from, to, grouping, exchange)) {
      Object.assign(slot(s.key), { batches: s.batches, personVisits: s.personVisits, personNights: s.personNights });
    }
    for (const m of await this.money(ctx, from, to, grouping, exchange)) {
      Object.assign(slot(m.key), { consumption: m.billed, paid: m.paid, outstanding: m.billed - m.paid });
    }
    if (groupBy !== StatisticsGroupBy.CITY && groupBy !== StatisticsGroupBy.REGION) return out;
    // Cities and regions: the unions' rows, added up per city or region of the union.
    const byCity = new Map<string, StatisticsFigures>();
    const unions = await Promise.all([...out.keys()].map((unionId) => this.unions.load(ctx, Number(unionId))));
    [...out.values()].forEach((figures, i) => {
      const city = (groupBy === StatisticsGroupBy.REGION ? String(unions[i]?.regionId ?? '?') : unions[i]?.city) ?? '?';
      if (!byCity.has(city)) byCity.set(city, zero());
      add(byCity.get(city)!, figures);
    });
    return byCity;
  }

  private async money(ctx: RequestContext, from: string, to: string, grouping: StayGrouping, exchange: boolean | null): Promise<Array<{ key: string; billed: number; paid: number }>> {
    const scope = batchScope(ctx);
    if ('none' in scope) return [];
    const key = { base: 'bill.baseId', union: 'bill.unionId', month: 'SUBSTR(bill.batchStartDate, 1, 7)' }[grouping];
    return this.db.read(ctx, async (em) => {
      const qb = em
        .createQueryBuilder(Bill, 'bill')
        .select(key, 'groupKey')
        .addSelect('SUM(bill.total)', 'billed')
        .addSelect('SUM(bill.paid)', 'paid')
        .where('bill.batchStartDate BETWEEN :from AND :to', { from, to })
        .andWhere('bill.status <> :void', { void: BillStatus.VOID })
        // What the unions were billed for their stays; a subsidy claim is the host federation's, not a union's.
        .andWhere('bill.kind <> :claim', { claim: BillKind.SUBSIDY_CLAIM })
        .groupBy(key);
      scopeBatches(qb, scope, 'bill');
      if (exchange === true) qb.andWhere('bill.agreementId IS NOT NULL');
      if (exchange === false) qb.andWhere('bill.agreementId IS NULL');
      const rows = await qb.getRawMany<{ groupKey: string | number; billed: string | number; paid: string | number }>();
      return rows.map((r) => ({ key: String(r.groupKey), billed: Number(r.billed), paid: Number(r.paid) }));
    });
  }
}
