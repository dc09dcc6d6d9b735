import { Injectable } from '@nestjs/common';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  DomainException,
  hydrate,
  may,
  nowToTheSecond,
  Permission,
  type RequestContext,
  runSql,
  selectColumns,
  tableOf,
  TransactionRunner,
  type TxContext,
} from '@app/shared';
import { In } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import { BaseService } from '../base/base.service.js';
import { UnionService } from '../union/union.service.js';
import type { CreatePackageInput } from './create-package.input.js';
import { Base } from '../base/base.entity.js';
import { CalendarVersion } from '../holiday/calendar-version.entity.js';
import { TradeUnion } from '../union/union.entity.js';
import { DEFAULT_POLICY, UnionPolicy } from '../union/union-policy.entity.js';
import { MAX_PACKAGE_NIGHTS, Package } from './package.entity.js';
import { PricePeriod } from './price-period.entity.js';
import type { SetPricePeriodsInput } from './set-price-periods.input.js';
import { findOverlap, type StayPrice, stayPrice } from './stay-price.js';
import type { UpdatePackageInput } from './update-package.input.js';

function checkGroupSizes(min: number, max: number): void {
  if (min > max) {
    throw DomainException.badInput('minGroupSize', `minGroupSize (${min}) cannot be larger than maxGroupSize (${max})`);
  }
}

@Injectable()
export class PackageService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly bases: BaseService,
    private readonly unions: UnionService,
  ) {}

  /**
   * Whether the caller sees the package: one on general sale, everyone; one made to order, only
   * its union's people, its base and the partner of the union's region (whose region is looked up
   * only when the union and base alone do not settle it). A hidden package is as if it did not exist.
   */
  async visible(ctx: RequestContext, pkg: Package): Promise<boolean> {
    const unionId = pkg.privateForUnionId;
    if (unionId == null) return true;
    if (may(ctx, Permission.SeePrivatePackage, { unionId, baseId: pkg.baseId })) return true;
    const union = ctx.actor ? await this.unions.load(ctx, unionId) : null;
    return union != null && may(ctx, Permission.SeePrivatePackage, { unionId, baseId: pkg.baseId, regionId: union.regionId });
  }

  /** The package, if the caller may see it (NOT_FOUND otherwise: a private one is not even named). */
  async getOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Package> {
    const pkg = await this.db.read(ctx, (em) => em.findOneBy(Package, { id }));
    if (!pkg || !(await this.visible(ctx, pkg))) throw DomainException.notFound('Package', id, field);
    return pkg;
  }

  /**
   * What a booking of `packageId` for `unionId` arriving on `startDate` is judged by, in one query (a
   * booking's round trips are its cost): the package, its base, the union, the union's policy
   * version in force on `today` (the defaults when it has none), the stay's price over the package's
   * seasons, and the working calendar's version (HolidayService.calendarAt). NOT_FOUND on `packageId`
   * or `unionId` as getOrThrow says it. The base is remembered for the rest of `ctx` (BaseService.load).
   */
  async getForBookingOrThrow(
    ctx: RequestContext,
    packageId: number,
    unionId: number,
    today: CalendarDate,
    startDate: CalendarDate,
  ): Promise<{ pkg: Package; base: Base; union: TradeUnion; policy: UnionPolicy; price: StayPrice; calendarVersion: number }> {
    const found = await this.db.read(ctx, async (em) => {
      const sql =
        `SELECT ${selectColumns(em, Package, 'p')}, ${selectColumns(em, Base, 'b')}, ${selectColumns(em, TradeUnion, 'u')}, ${selectColumns(em, UnionPolicy, 'up')}, ${selectColumns(em, PricePeriod, 'pp')},` +
        ` (SELECT cv.version FROM ${tableOf(em, CalendarVersion)} cv WHERE cv.id = 1) AS calendarVersion` +
        ` FROM ${tableOf(em, Package)} p LEFT JOIN ${tableOf(em, Base)} b ON b.id = p.baseId LEFT JOIN ${tableOf(em, TradeUnion)} u ON u.id = ?` +
        // The version in force: the latest effectiveFrom on or before the day ((unionId, effectiveFrom) is unique).
        ` LEFT JOIN ${tableOf(em, UnionPolicy)} up ON up.unionId = u.id AND up.effectiveFrom = (SELECT MAX(v.effectiveFrom) FROM ${tableOf(em, UnionPolicy)} v WHERE v.unionId = u.id AND v.effectiveFrom <= ?)` +
        // The seasons that may touch the stay (a package has at most 30 nights; seasons do not overlap): a row each.
        ` LEFT JOIN ${tableOf(em, PricePeriod)} pp ON pp.packageId = p.id AND pp.lastNight >= ? AND pp.firstNight <= ?` +
        ` WHERE p.id = ?`;
      const rows = (await runSql(em, sql, [unionId, today, startDate, addDays(startDate, MAX_PACKAGE_NIGHTS), packageId])).rows;
      if (!rows.length) return null;
      const [row] = rows;
      return {
        pkg: hydrate(em, Package, row, 'p')!,
        base: hydrate(em, Base, row, 'b'),
        union: hydrate(em, TradeUnion, row, 'u'),
        policy: hydrate(em, UnionPolicy, row, 'up'),
        periods: rows.map((r) => hydrate(em, PricePeriod, r, 'pp')).filter((p): p is PricePeriod => p !== null),
        calendarVersion: Number(row.calendarVersion),
      };
    });
    if (!found) throw DomainException.notFound('Package', packageId, 'packageId');
    const { pkg, base, union, policy, periods, calendarVersion } = found;
    // Another union's stay made to order is not there for this caller (no query for a package on general sale).
    if (!(await this.visible(ctx, pkg))) throw DomainException.notFound('Package', packageId, 'packageId');
    if (!union) throw DomainException.notFound('Union', unionId, 'unionId');
    if (!base) throw DomainException.notFound('Base', pkg.baseId, 'packageId');
    this.bases.remember(ctx, base);
    // A package longer than the window read (none can be made so today) is priced by its own query.
    const price = pkg.nights <= MAX_PACKAGE_NIGHTS ? stayPrice(pkg, startDate, periods) : await this.priceOfStay(ctx, pkg, startDate);
    return { pkg, base, union, policy: policy ?? { ...DEFAULT_POLICY, unionId }, price, calendarVersion };
  }

  /**
   * Batched per request (DataLoader), for the package of something the caller already sees (a
   * batch's): not filtered again, as whoever sees the batch sees what it booked.
   */
  load(ctx: RequestContext, id: number): Promise<Package | null> {
    return ctx
      .loader<number, Package | null>('package', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(Package, { id: In([...ids]) }));
        const byId = new Map(rows.map((p) => [p.id, p]));
        return ids.map((id) => byId.get(id) ?? null);
      })
      .load(id);
  }

  /** The packages of a base the caller may see (made-to-order ones only to their union), batched per request across bases. */
  async listForBase(ctx: RequestContext, baseId: number, includeInactive: boolean): Promise<Package[]> {
    const all = await ctx
      .loader<number, Package[]>(`packagesOfBase:${includeInactive}`, async (baseIds) => {
        const rows = await this.db.read(ctx, (em) => em.find(Package, { where: { baseId: In([...baseIds]), ...(includeInactive ? {} : { active: true }) }, order: { id: 'ASC' } }));
        return baseIds.map((id) => rows.filter((p) => p.baseId === id));
      })
      .load(baseId);
    const shown = await Promise.all(all.map((p) => this.visible(ctx, p)));
    return all.filter((_, i) => shown[i]);
  }

  /**
   * A package made to order for one union, in the caller's transaction (the accepted stay quote's):
   * on sale to that union alone, for groups up to the headcount it was quoted for. The caller has
   * checked that it acts for the union; the base need not be the caller's.
   */
  async createPrivate(tx: TxContext, made: Pick<Package, 'baseId' | 'name' | 'nights' | 'pricePerPerson' | 'maxGroupSize' | 'description' | 'privateForUnionId'>): Promise<Package> {
    const now = nowToTheSecond();
    return tx.em.save(tx.em.create(Package, { ...made, minGroupSize: 1, active: true, createdAt: now, updatedAt: now }));
  }

  create(ctx: RequestContext, input: CreatePackageInput): Promise<Package> {
    assertManagesBase(ctx, input.baseId);
    checkGroupSizes(input.minGroupSize, input.maxGroupSize);
    return this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      const now = nowToTheSecond();
      return tx.em.save(tx.em.create(Package, { ...input, description: input.description ?? null, active: true, createdAt: now, updatedAt: now }));
    });
  }

  update(ctx: RequestContext, input: UpdatePackageInput): Promise<Package> {
    return this.db.transaction(ctx, async (tx) => {
      const pkg = await this.getOrThrow(tx, input.id);
      assertManagesBase(tx, pkg.baseId);
      const { id: _id, ...changes } = input;
      Object.assign(pkg, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      checkGroupSizes(pkg.minGroupSize, pkg.maxGroupSize);
      pkg.updatedAt = nowToTheSecond();
      return tx.em.save(pkg);
    });
  }

  /** A package's seasons in night order, batched per request across packages. */
  pricePeriods(ctx: RequestContext, packageId: number): Promise<PricePeriod[]> {
    return ctx
      .loader<number, PricePeriod[]>('pricePeriodsOfPackage', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.find(PricePeriod, { where: { packageId: In([...ids]) }, order: { firstNight: 'ASC' } }));
        return ids.map((id) => rows.filter((p) => p.packageId === id));
      })
      .load(packageId);
  }

  /** Today's price per person of a stay of this package arriving on `startDate`, night by night over its seasons. */
  async priceOfStay(ctx: RequestContext, pkg: Package, startDate: CalendarDate): Promise<StayPrice> {
    const lastNight = addDays(startDate, pkg.nights - 1);
    const periods = await this.db.read(ctx, async (em) => {
      const sql = `SELECT ${selectColumns(em, PricePeriod, 'pp')} FROM ${tableOf(em, PricePeriod)} pp WHERE pp.packageId = ? AND pp.firstNight <= ? AND pp.lastNight >= ?`;
      return (await runSql(em, sql, [pkg.id, lastNight, startDate])).rows.map((r) => hydrate(em, PricePeriod, r, 'pp')!);
    });
    return stayPrice(pkg, startDate, periods);
  }

  /** Replaces a package's seasons in one transaction; batches already booked keep the price they were booked at. */
  setPricePeriods(ctx: RequestContext, input: SetPricePeriodsInput): Promise<PricePeriod[]> {
    input.periods.forEach((p, i) => {
      if (p.lastNight < p.firstNight) throw DomainException.badInput(`periods.${i}.lastNight`, `Season ${i + 1} ends (${p.lastNight}) before it begins (${p.firstNight})`);
      if (daysBetween(p.firstNight, p.lastNight) >= 366) throw DomainException.badInput(`periods.${i}.lastNight`, `Season ${i + 1} spans more than 366 nights: split it by year`);
    });
    const overlap = findOverlap(input.periods);
    if (overlap) {
      const [a, b] = overlap.map((i) => input.periods[i]);
      throw DomainException.badInput(
        `periods.${overlap[1]}.firstNight`,
        `Seasons ${overlap[0] + 1} (${a.firstNight} to ${a.lastNight}) and ${overlap[1] + 1} (${b.firstNight} to ${b.lastNight}) overlap: a night has one price`,
      );
    }
    return this.db.transaction(ctx, async (tx) => {
      const pkg = await this.getOrThrow(tx, input.packageId, 'packageId');
      assertManagesBase(tx, pkg.baseId);
      await tx.em.delete(PricePeriod, { packageId: pkg.id });
      for (const p of input.periods) await tx.em.insert(PricePeriod, { packageId: pkg.id, ...p });
      pkg.updatedAt = nowToTheSecond();
      await tx.em.save(pkg);
      return tx.em.find(PricePeriod, { where: { packageId: pkg.id }, order: { firstNight: 'ASC' } });
    });
  }
}
