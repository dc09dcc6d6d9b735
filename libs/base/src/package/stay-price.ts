import { addDays, type CalendarDate } from '@app/shared';
import type { PricePeriod, Season } from './price-period.entity.js';

export interface NightPrice {
  night: CalendarDate;
  /** Null: the night is outside every period and costs its share of the package's own price. */
  season: Season | null;
  price: number;
}

export interface StayPrice {
  pricePerPerson: number;
  nights: NightPrice[];
}

/**
 * The price per person of a stay of `nights` nights from `startDate`, night by night. The package's
 * own price is shared out over its nights to the fen (the first nights take the remainder), so a stay
 * outside every period costs exactly the package's price, as before seasons existed.
 */
export function stayPrice(pkg: { pricePerPerson: number; nights: number }, startDate: CalendarDate, periods: readonly PricePeriod[]): StayPrice {
  const share = Math.floor(pkg.pricePerPerson / pkg.nights);
  const remainder = pkg.pricePerPerson - share * pkg.nights;
  const nights: NightPrice[] = [];
  for (let i = 0; i < pkg.nights; i++) {
    const night = addDays(startDate, i);
    const period = periods.find((p) => p.firstNight <= night && night <= p.lastNight);
    nights.push(period ? { night, season: period.season, price: period.pricePerNight } : { night, season: null, price: share + (i < remainder ? 1 : 0) });
  }
  return { pricePerPerson: nights.reduce((sum, n) => sum + n.price, 0), nights };
}

/** Periods may not overlap: a night has one price. Sorted by first night; the first overlap is named. */
export function findOverlap(periods: readonly { firstNight: string; lastNight: string }[]): [number, number] | null {
  const order = periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.firstNight.localeCompare(b.firstNight));
  for (let k = 1; k < order.length; k++) if (order[k].firstNight <= order[k - 1].lastNight) return [order[k - 1].i, order[k].i];
  return null;
}
