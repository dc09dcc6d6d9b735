import { Injectable } from '@nestjs/common';
import { addDays, type CalendarDate, daysBetween, type RequestContext, TransactionRunner } from '@app/shared';
import { Between, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Base } from '../base/base.entity.js';
import { CapacityNight } from '../capacity/capacity-night.entity.js';
import { Package } from './package.entity.js';
import { PricePeriod, Season } from './price-period.entity.js';
import { PackageService } from './package.service.js';
import { stayPrice } from './stay-price.js';

/** A stay that has the beds for a group today: a base's package from a start date, at today's price. */
export interface StayCandidate {
  baseId: number;
  baseName: string;
  rosterCutoffDays: number;
  packageId: number;
  packageName: string;
  nights: number;
  startDate: CalendarDate;
  endDate: CalendarDate;
  /** Days from the asked start date (negative: earlier). */
  shiftDays: number;
  pricePerPerson: number;
  /** Every night of it is in an off-peak season. */
  offPeak: boolean;
}

export interface StayAsk {
  packageId: number;
  startDate: CalendarDate;
  headcount: number;
  /** How many days before and after the asked start the same package is tried. */
  windowDays: number;
}

/**
 * The stays that would fit a group, by the beds alone: the asked package on the other start dates of
 * a window, and the other bases' packages of as many nights on the asked dates. Five reads whatever
 * the number of bases and nights: the package, its kin, their bases, their nights and their seasons.
 * Another union's private package (a stay made to order) is never offered. The union's own rules
 * (deadlines) are applied by the booking module on top.
 */
@Injectable()
export class StayOptionsService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly packages: PackageService,
  ) {}

  async fitting(ctx: RequestContext, ask: StayAsk): Promise<{ sameBase: StayCandidate[]; otherBases: StayCandidate[] }> {
    const asked = await this.packages.getOrThrow(ctx, ask.packageId, 'packageId');
    const from = addDays(ask.startDate, -ask.windowDays);
    const to = addDays(ask.startDate, ask.windowDays + asked.nights - 1);
    return this.db.read(ctx, async (em) => {
      const kin = (await em.find(Package, { where: { nights: asked.nights, active: true }, order: { id: 'ASC' } })).filter(
        (p) => p.id === asked.id || (p.baseId !== asked.baseId && p.privateForUnionId === null && p.minGroupSize <= ask.headcount && ask.headcount <= p.maxGroupSize),
      );
      const baseIds = [...new Set(kin.map((p) => p.baseId))];
      // One after the other, not side by side: a refusal under load asks for alternatives while many
      // others wait for the pool, and each of its reads queued at once would fill the pool's queue.
      const bases = await em.findBy(Base, { id: In(baseIds) });
      const nights = await em.find(CapacityNight, { where: { baseId: In(baseIds), night: Between(from, to) } });
      const periods = await em.find(PricePeriod, { where: { packageId: In(kin.map((p) => p.id)), firstNight: LessThanOrEqual(to), lastNight: MoreThanOrEqual(from) } });
      const baseById = new Map(bases.map((b) => [b.id, b]));
      const free = new Map(nights.map((n) => [`${n.baseId}|${n.night}`, n.closed ? -1 : n.totalBeds - n.reservedBeds]));
      const fits = (baseId: number, start: CalendarDate, count: number) => {
        for (let i = 0; i < count; i++) if ((free.get(`${baseId}|${addDays(start, i)}`) ?? -1) < ask.headcount) return false;
        return true;
      };
      const candidate = (pkg: Package, start: CalendarDate): StayCandidate => {
        const price = stayPrice(
          pkg,
          start,
          periods.filter((p) => p.packageId === pkg.id),
        );
        const base = baseById.get(pkg.baseId)!;
        return {
          baseId: base.id,
          baseName: base.name,
          rosterCutoffDays: base.rosterCutoffDays,
          packageId: pkg.id,
          packageName: pkg.name,
          nights: pkg.nights,
          startDate: start,
          endDate: addDays(start, pkg.nights),
          shiftDays: daysBetween(ask.startDate, start),
          pricePerPerson: price.pricePerPerson,
          offPeak: price.nights.every((n) => n.season === Season.OFF_PEAK),
        };
      };
      const sameBase: StayCandidate[] = [];
      for (let d = -ask.windowDays; d <= ask.windowDays; d++) {
        const start = addDays(ask.startDate, d);
        if (d !== 0 && fits(asked.baseId, start, asked.nights)) sameBase.push(candidate(asked, start));
      }
      const otherBases = kin.filter((p) => p.id !== asked.id && fits(p.baseId, ask.startDate, p.nights)).map((p) => candidate(p, ask.startDate));
      return { sameBase, otherBases };
    });
  }
}
