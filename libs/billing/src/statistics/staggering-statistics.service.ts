import { Injectable } from '@nestjs/common';
import { BaseService, CapacityService } from '@app/base';
import { batchScope, StaggeringService } from '@app/booking';
import type { RequestContext } from '@app/shared';
import type { StaggeringRow } from './statistics.model.js';

/** Percent with one decimal; null when there is nothing to divide by. */
export function occupancy(occupied: number, offered: number): number | null {
  if (offered <= 0) return null;
  return Math.round((occupied / offered) * 1000) / 10;
}

/**
 * Statistics' staggering figures (错时化), per base and month: the base's calendar (base's capacity
 * service), the stays that left and the refusals and moves (booking's), joined here. Four queries
 * (one for the bases' names) whatever the period or the number of bases.
 */
@Injectable()
export class StaggeringStatisticsService {
  constructor(
    private readonly capacity: CapacityService,
    private readonly staggering: StaggeringService,
    private readonly bases: BaseService,
  ) {}

  /**
   * Refusals and moves are scoped like batches (a union's own, a base's own, a partner's region's
   * exchange ones) and follow `exchange`; bed figures are the federation's (every base) and each
   * operator's (their base), whatever `exchange` says, and null for everyone else.
   */
  async rows(ctx: RequestContext, from: string, to: string, exchange: boolean | null): Promise<StaggeringRow[]> {
    const scope = batchScope(ctx);
    const bedsOf = 'all' in scope ? null : 'baseId' in scope ? scope.baseId : undefined;
    const [beds, stayed, counts] = await Promise.all([
      bedsOf === undefined ? [] : this.capacity.monthlyBeds(ctx, from, to, bedsOf),
      bedsOf === undefined ? [] : this.staggering.stayedBedNights(ctx, from, to, bedsOf),
      this.staggering.counts(ctx, from, to, exchange),
    ]);
    const out = new Map<string, StaggeringRow>();
    const row = (baseId: number, month: string) => {
      const key = `${baseId}|${month}`;
      if (!out.has(key)) {
        const seen = bedsOf !== undefined ? 0 : null;
        out.set(key, { baseId, label: '', month, bedNights: seen, occupiedBedNights: seen, occupancy: null, refusedRequests: 0, refusedMoves: 0, moves: 0 });
      }
      return out.get(key)!;
    };
    for (const b of beds) Object.assign(row(b.baseId, b.month), { bedNights: b.bedNights, occupiedBedNights: b.reservedBedNights });
    for (const s of stayed) {
      const r = row(s.baseId, s.month);
      r.occupiedBedNights = (r.occupiedBedNights ?? 0) + s.bedNights;
    }
    for (const c of counts) Object.assign(row(c.baseId, c.month), { refusedRequests: c.refusedRequests, refusedMoves: c.refusedMoves, moves: c.moves });
    const rows = [...out.values()];
    // All names at once: the base loader reads them in one query.
    await Promise.all(
      rows.map(async (r) => {
        r.label = (await this.bases.load(ctx, r.baseId))?.name ?? `base ${r.baseId}`;
        r.occupancy = r.bedNights === null || r.occupiedBedNights === null ? null : occupancy(r.occupiedBedNights, r.bedNights);
      }),
    );
    return rows.sort((a, b) => a.month.localeCompare(b.month) || a.label.localeCompare(b.label, 'zh') || a.baseId - b.baseId);
  }
}
