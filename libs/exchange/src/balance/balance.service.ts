import { Injectable } from '@nestjs/common';
import { type Region, RegionService } from '@app/base';
import { BatchQueryService, type ExchangeFigures } from '@app/booking';
import { daysBetween, DomainException, Permission, type RequestContext, requireAccess, todayInShanghai } from '@app/shared';
import { agreementYears } from '../agreement/agreement-years.js';
import type { Agreement } from '../agreement/agreement.entity.js';
import { AgreementService } from '../agreement/agreement.service.js';
import type { AgreementBalance, ExchangeFlow, Reciprocity } from './balance.model.js';

const MAX_DAYS = 3 * 366;

const empty = (): ExchangeFlow => ({ batches: 0, personVisits: 0, personNights: 0, committedBatches: 0, committedPersonVisits: 0, committedPersonNights: 0, benefitsGranted: 0 });

function flowOf(f: ExchangeFigures | undefined): ExchangeFlow {
  if (!f) return empty();
  const { fromRegionId: _from, toRegionId: _to, ...flow } = f;
  return flow;
}

function addFlow(into: ExchangeFlow, f: ExchangeFlow): void {
  for (const k of Object.keys(into) as Array<keyof ExchangeFlow>) into[k] += f[k];
}

/** The exchange's figures: an agreement's balance per year, and a region's reciprocity with each partner. Counted in SQL by booking. */
@Injectable()
export class BalanceService {
  constructor(
    private readonly agreements: AgreementService,
    private readonly batches: BatchQueryService,
    private readonly regions: RegionService,
  ) {}

  /** One agreement year (default: the one today falls in, else the last); BAD_USER_INPUT outside the agreement. */
  async balance(ctx: RequestContext, agreement: Agreement, year?: number | null): Promise<AgreementBalance> {
    const years = agreementYears(agreement.from, agreement.to);
    const today = todayInShanghai();
    const chosen = year != null ? years.find((y) => y.year === year) : (years.find((y) => y.start <= today && today <= y.end) ?? (today < agreement.from ? years[0] : years[years.length - 1]));
    if (!chosen) throw DomainException.badInput('year', `Agreement ${agreement.id} has agreement years 1 to ${years.length}`);
    const figures = await this.batches.exchangeFigures(ctx, { agreementId: agreement.id, from: chosen.start, to: chosen.end });
    const quotas = (await this.agreements.quotas(ctx, agreement.id)).filter((q) => q.year === chosen.year);
    const pairs: Array<[number, number]> = [
      [agreement.proposerRegionId, agreement.partnerRegionId],
      [agreement.partnerRegionId, agreement.proposerRegionId],
    ];
    const directions = await Promise.all(
      pairs.map(async ([from, to]) => {
        const quota = quotas.find((q) => q.fromRegionId === from);
        return {
          fromRegion: (await this.regions.load(ctx, from)) as Region,
          toRegion: (await this.regions.load(ctx, to)) as Region,
          flow: flowOf(figures.find((f) => f.fromRegionId === from && f.toRegionId === to)),
          quota: quota?.personVisits ?? null,
          quotaUsed: quota?.used ?? null,
          quotaLeft: quota ? quota.personVisits - quota.used : null,
        };
      }),
    );
    return { year: chosen.year, from: chosen.start, to: chosen.end, directions, net: directions[0].flow.personVisits - directions[1].flow.personVisits };
  }

  /** Per partner region of `regionId`: sent, received and net over [from, to]. A PARTNER asks for their own region; an admin for any. */
  async reciprocity(ctx: RequestContext, regionId: number, from: string, to: string): Promise<Reciprocity> {
    requireAccess(ctx, Permission.ActForRegion, { regionId }, { message: `You see your own region's reciprocity (region ${ctx.requireActor().regionId})`, field: 'regionId' });
    if (to < from) throw DomainException.badInput('to', `to (${to}) is before from (${from})`);
    if (daysBetween(from, to) > MAX_DAYS) throw DomainException.badInput('to', `A period is at most ${MAX_DAYS} days`);
    const region = await this.regions.getOrThrow(ctx, regionId, 'regionId');
    const figures = await this.batches.exchangeFigures(ctx, { regionId, from, to });
    const partners = new Map<number, { sent: ExchangeFlow; received: ExchangeFlow }>();
    const slot = (id: number) => partners.get(id) ?? partners.set(id, { sent: empty(), received: empty() }).get(id)!;
    for (const f of figures) {
      if (f.fromRegionId === regionId && f.toRegionId !== regionId) addFlow(slot(f.toRegionId).sent, flowOf(f));
      else if (f.toRegionId === regionId && f.fromRegionId !== regionId) addFlow(slot(f.fromRegionId).received, flowOf(f));
    }
    const rows = await Promise.all([...partners].map(async ([id, p]) => ({ partnerRegion: (await this.regions.load(ctx, id)) as Region, ...p, net: p.sent.personVisits - p.received.personVisits })));
    rows.sort((a, b) => a.partnerRegion.id - b.partnerRegion.id);
    return { region, from, to, partners: rows, net: rows.reduce((n, r) => n + r.net, 0) };
  }
}
