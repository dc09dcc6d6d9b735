import { Injectable } from '@nestjs/common';
import { AllotmentService, BaseService, RegionService, UnionService } from '@app/base';
import { BenefitType } from '@app/booking';
import {
  actsAsSystem,
  appendOutbox,
  type CalendarDate,
  daysBetween,
  DomainException,
  insertRow,
  may,
  nowToTheSecond,
  outboxActor,
  parseYuan,
  Permission,
  RequestContext,
  requireAccess,
  requireScope,
  scopeFor,
  todayInShanghai,
  TransactionRunner,
  type TxContext,
} from '@app/shared';
import { In } from 'typeorm';
import { AgreementAction, AgreementStatus } from './agreement-status.js';
import { AGREEMENT_MACHINE, type AgreementSide } from './agreement-transitions.js';
import { agreementYears } from './agreement-years.js';
import { Agreement, AgreementBenefit, AgreementEvent, AgreementQuota } from './agreement.entity.js';
import type { AgreementFilter, BenefitInput, ProposeAgreementInput } from './propose-agreement.input.js';

/** Agreements run at most five years (so at most five quota years per direction). */
const MAX_AGREEMENT_DAYS = 5 * 366;
const MAX_VOUCHER_FEN = 1_000_000;
const MAX_LIST = 500;

/** A benefit's amount as an integer: fen for a voucher, hundredths of a percent for a discount. */
function benefitAmount(b: BenefitInput, i: number): number {
  const field = `benefits.${i}.amount`;
  if (b.type === BenefitType.NONE) {
    if (b.amount != null && parseYuan(b.amount) !== 0) throw DomainException.badInput(field, 'A NONE benefit has no amount');
    return 0;
  }
  if (b.amount == null) throw DomainException.badInput(field, `A ${b.type} benefit needs an amount`);
  const value = parseYuan(b.amount);
  if (value === null || value <= 0) throw DomainException.badInput(field, `amount must be above 0, got "${b.amount}"`);
  if (b.type === BenefitType.DISCOUNT_PERCENT && value > 10_000) throw DomainException.badInput(field, `A discount is at most 100 percent, got ${b.amount}`);
  if (b.type === BenefitType.VOUCHER_PER_PERSON && value > MAX_VOUCHER_FEN) throw DomainException.badInput(field, `A voucher is at most 10000.00 yuan per person, got ${b.amount}`);
  return value;
}

/**
 * Exchange agreements between two regions: proposal, acceptance, termination and expiry through one
 * transition table with history; quotas per direction and agreement year; host benefits.
 */
@Injectable()
export class AgreementService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly regions: RegionService,
    private readonly bases: BaseService,
    private readonly unions: UnionService,
    private readonly allotments: AllotmentService,
  ) {}

  /**
   * The region the caller belongs to, for agreements: a PARTNER's own, an operator's base's, an
   * organiser's union's; null for an admin (and the system), who see every agreement.
   */
  async callerRegion(ctx: RequestContext): Promise<number | null> {
    const scope = scopeFor(ctx, Permission.SeeAgreement);
    if ('all' in scope) return null;
    if ('regionId' in scope) return scope.regionId;
    if ('baseId' in scope) return (await this.bases.load(ctx, scope.baseId))?.regionId ?? -1;
    if ('unionId' in scope) return (await this.unions.load(ctx, scope.unionId))?.regionId ?? -1;
    return -1;
  }

  async propose(ctx: RequestContext, input: ProposeAgreementInput): Promise<Agreement> {
    const actor = ctx.requireActor();
    const scope = requireScope(ctx, Permission.ActForRegion, 'Only a PARTNER or an admin proposes an agreement');
    let proposer: number;
    if ('regionId' in scope) {
      if (input.regionId != null && input.regionId !== scope.regionId) {
        throw DomainException.forbidden(`You propose for your own region (${scope.regionId}), not region ${input.regionId}`, { field: 'regionId' });
      }
      proposer = scope.regionId;
    } else {
      if (input.regionId == null) throw DomainException.badInput('regionId', 'Say which region proposes the agreement (regionId)');
      proposer = input.regionId;
    }
    const partner = input.partnerRegionId;
    if (partner === proposer) throw DomainException.badInput('partnerRegionId', 'An agreement is between two different regions');
    const title = input.title.trim();
    if (!title) throw DomainException.badInput('title', 'Give the agreement a title');
    if (input.to < input.from) throw DomainException.badInput('to', `to (${input.to}) is before from (${input.from})`);
    if (daysBetween(input.from, input.to) + 1 > MAX_AGREEMENT_DAYS) throw DomainException.badInput('to', 'An agreement runs at most five years; propose a new one after that');
    const today = todayInShanghai();
    if (input.to < today) throw DomainException.badInput('to', `to (${input.to}) has passed (today is ${today})`);
    const parties = new Set([proposer, partner]);
    input.quotas.forEach((q, i) => {
      if (!parties.has(q.fromRegionId)) throw DomainException.badInput(`quotas.${i}.fromRegionId`, `Region ${q.fromRegionId} is not a party to this agreement (${proposer}, ${partner})`);
      if (input.quotas.findIndex((o) => o.fromRegionId === q.fromRegionId) !== i)
        throw DomainException.badInput(`quotas.${i}.fromRegionId`, `Two quotas for region ${q.fromRegionId}: give one per direction`);
    });
    const benefits = input.benefits.map((b, i) => {
      if (!parties.has(b.hostRegionId)) throw DomainException.badInput(`benefits.${i}.hostRegionId`, `Region ${b.hostRegionId} is not a party to this agreement (${proposer}, ${partner})`);
      if (input.benefits.findIndex((o) => o.hostRegionId === b.hostRegionId) !== i)
        throw DomainException.badInput(`benefits.${i}.hostRegionId`, `Two benefits for host region ${b.hostRegionId}: give one per host`);
      return { hostRegionId: b.hostRegionId, type: b.type, amount: benefitAmount(b, i) };
    });
    return this.db.transaction(ctx, async (tx) => {
      await this.regions.getOrThrow(tx, proposer, 'regionId');
      await this.regions.getOrThrow(tx, partner, 'partnerRegionId');
      const em = tx.em;
      const now = nowToTheSecond();
      const agreement: Agreement = {
        id: 0,
        title,
        proposerRegionId: proposer,
        partnerRegionId: partner,
        from: input.from,
        to: input.to,
        status: AgreementStatus.PROPOSED,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      const { id: _unset, ...values } = agreement;
      agreement.id = await insertRow(em, Agreement, values);
      const years = agreementYears(input.from, input.to);
      const quotas = input.quotas.flatMap((q) =>
        years.map((y) => ({ agreementId: agreement.id, fromRegionId: q.fromRegionId, year: y.year, yearStart: y.start, yearEnd: y.end, personVisits: q.personVisits, used: 0 })),
      );
      if (quotas.length) await em.createQueryBuilder().insert().into(AgreementQuota).values(quotas).updateEntity(false).execute();
      if (benefits.length)
        await em
          .createQueryBuilder()
          .insert()
          .into(AgreementBenefit)
          .values(benefits.map((b) => ({ ...b, agreementId: agreement.id })))
          .updateEntity(false)
          .execute();
      await this.record(tx, agreement, null, AgreementStatus.PROPOSED, null, now);
      return agreement;
    });
  }

  async accept(ctx: RequestContext, id: number): Promise<Agreement> {
    return (await this.move(ctx, id, AgreementAction.ACCEPT, null))!;
  }

  async decline(ctx: RequestContext, id: number, reason: string): Promise<Agreement> {
    return (await this.move(ctx, id, AgreementAction.DECLINE, reason))!;
  }

  /** Ends it early: new bookings are refused, booked batches keep their terms, unused allotment beds go back to general sale. */
  async terminate(ctx: RequestContext, id: number, reason: string): Promise<Agreement> {
    return (await this.move(ctx, id, AgreementAction.TERMINATE, reason))!;
  }

  /** The sweep's step, in its transaction: EXPIRED when its last day is before `today` and it is still open; false when it changed meanwhile. */
  async expireIfDue(tx: RequestContext, id: number, today: CalendarDate): Promise<boolean> {
    return (await this.move(tx, id, AgreementAction.EXPIRE, 'its last day has passed', today)) !== null;
  }

  /**
   * One move in one transaction; for EXPIRE, null when the agreement is not past `today` after all (it
   * changed meanwhile). The reason is checked as the table asks before anything is loaded.
   */
  private async move(ctx: RequestContext, id: number, action: AgreementAction, reason: string | null, today?: CalendarDate): Promise<Agreement | null> {
    AGREEMENT_MACHINE.reasonFor(action, reason);
    return this.db.transaction(ctx, async (tx) => {
      const agreement = await this.lockVisibleOrThrow(tx, id);
      if (action === AgreementAction.EXPIRE && !(agreement.to < today! && [AgreementStatus.ACTIVE, AgreementStatus.PROPOSED].includes(agreement.status))) return null;
      const move = AGREEMENT_MACHINE.plan(action, agreement.status, await this.sideOf(tx, agreement), reason);
      const now = nowToTheSecond();
      await tx.em.update(Agreement, { id }, { status: move.to, updatedAt: now });
      await this.record(tx, agreement, move.from, move.to, move.reason, now);
      if (move.to === AgreementStatus.TERMINATED || move.to === AgreementStatus.EXPIRED) {
        // Beds held for it and not used go back to general sale now, not at each night's release day.
        await this.allotments.releaseAll(tx, await this.allotments.list(tx, [id]), `agreement ${move.to.toLowerCase()}`);
      }
      return { ...agreement, status: move.to, updatedAt: now };
    });
  }

  /** Which side the caller acts for on this agreement. */
  private async sideOf(ctx: RequestContext, agreement: Agreement): Promise<AgreementSide> {
    if (actsAsSystem(ctx)) return 'SYSTEM';
    if (may(ctx, Permission.ManageFederation)) return 'ADMIN';
    if (may(ctx, Permission.ActForRegion, { regionId: agreement.proposerRegionId })) return 'PROPOSER';
    requireAccess(ctx, Permission.ActForRegion, { regionId: agreement.partnerRegionId }, { message: 'Only a PARTNER of one of its regions, or an admin, changes an agreement' });
    return 'PARTNER';
  }

  private canSee(region: number | null, agreement: Pick<Agreement, 'proposerRegionId' | 'partnerRegionId'>): boolean {
    return region === null || agreement.proposerRegionId === region || agreement.partnerRegionId === region;
  }

  async getVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Agreement> {
    const agreement = await this.db.read(ctx, (em) => em.findOneBy(Agreement, { id }));
    if (!agreement || !this.canSee(await this.callerRegion(ctx), agreement)) throw DomainException.notFound('Agreement', id, field);
    return agreement;
  }

  /** As getVisibleOrThrow, with the row locked for update until the caller's transaction ends. */
  async lockVisibleOrThrow(tx: TxContext, id: number, field = 'id'): Promise<Agreement> {
    const agreement = await this.db.forUpdate(tx.em.createQueryBuilder(Agreement, 'a')).where('a.id = :id', { id }).getOne();
    if (!agreement || !this.canSee(await this.callerRegion(tx), agreement)) throw DomainException.notFound('Agreement', id, field);
    return agreement;
  }

  /**
   * The row under a shared lock (MySQL): bookings under it run side by side, while a termination
   * waits for them and they for it — a batch is never booked under an agreement ended meanwhile.
   */
  lockShared(tx: TxContext, id: number): Promise<Agreement | null> {
    return this.db.forShare(tx.em.createQueryBuilder(Agreement, 'a')).where('a.id = :id', { id }).getOne();
  }

  /** Agreements the caller may see (their region's; all for an admin), newest first. */
  async list(ctx: RequestContext, filter: AgreementFilter | null | undefined): Promise<Agreement[]> {
    const region = await this.callerRegion(ctx);
    return this.db.read(ctx, (em) => {
      const qb = em.createQueryBuilder(Agreement, 'a').orderBy('a.id', 'DESC').take(MAX_LIST);
      if (region !== null) qb.andWhere('(a.proposerRegionId = :region OR a.partnerRegionId = :region)', { region });
      if (filter?.regionId != null) qb.andWhere('(a.proposerRegionId = :filterRegion OR a.partnerRegionId = :filterRegion)', { filterRegion: filter.regionId });
      if (filter?.status) qb.andWhere('a.status = :status', { status: filter.status });
      return qb.getMany();
    });
  }

  /** Visible agreements by id, batched per request (null where missing or not visible). */
  async loadVisible(ctx: RequestContext, id: number): Promise<Agreement | null> {
    const agreement = await ctx
      .loader<number, Agreement | null>('agreement', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(Agreement, { id: In([...ids]) }));
        return ids.map((i) => rows.find((a) => a.id === i) ?? null);
      })
      .load(id);
    return agreement && this.canSee(await this.callerRegion(ctx), agreement) ? agreement : null;
  }

  quotas(ctx: RequestContext, agreementId: number): Promise<AgreementQuota[]> {
    return ctx.loadGroup(
      'agreementQuotas',
      agreementId,
      (ids) => this.db.read(ctx, (em) => em.find(AgreementQuota, { where: { agreementId: In(ids) }, order: { fromRegionId: 'ASC', year: 'ASC' } })),
      (q) => q.agreementId,
    );
  }

  benefits(ctx: RequestContext, agreementId: number): Promise<AgreementBenefit[]> {
    return ctx.loadGroup(
      'agreementBenefits',
      agreementId,
      (ids) => this.db.read(ctx, (em) => em.find(AgreementBenefit, { where: { agreementId: In(ids) }, order: { hostRegionId: 'ASC' } })),
      (b) => b.agreementId,
    );
  }

  history(ctx: RequestContext, agreementId: number): Promise<AgreementEvent[]> {
    return ctx.loadGroup(
      'agreementHistory',
      agreementId,
      (ids) => this.db.read(ctx, (em) => em.find(AgreementEvent, { where: { agreementId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.agreementId,
    );
  }

  /**
   * Takes (delta > 0) or gives back (delta < 0) person-visits of the sending region's quota for the
   * agreement year of `day`, in the caller's transaction; QUOTA_EXCEEDED naming what is left. No quota
   * for that direction: nothing to count.
   */
  async useQuota(tx: TxContext, agreementId: number, fromRegionId: number, day: CalendarDate, delta: number, field = 'headcount'): Promise<void> {
    if (delta === 0) return;
    const em = tx.em;
    const quota = await em.findOne(AgreementQuota, { where: { agreementId, fromRegionId }, select: { year: true } });
    if (!quota) return;
    const result = await em
      .createQueryBuilder()
      .update(AgreementQuota)
      .set({ used: () => 'used + :delta' })
      .where('agreementId = :agreementId AND fromRegionId = :fromRegionId AND yearStart <= :day AND yearEnd >= :day', { agreementId, fromRegionId, day, delta })
      .andWhere('used + :delta >= 0 AND used + :delta <= personVisits')
      .execute();
    if (result.affected === 1) return;
    const row = await this.db
      .forUpdate(em.createQueryBuilder(AgreementQuota, 'q'))
      .where('q.agreementId = :agreementId AND q.fromRegionId = :fromRegionId AND q.yearStart <= :day AND q.yearEnd >= :day', { agreementId, fromRegionId, day })
      .getOne();
    if (!row) return;
    if (delta < 0) throw new Error(`Quota drift: giving back ${-delta} to agreement ${agreementId} year ${row.year} which has ${row.used} used`);
    const left = row.personVisits - row.used;
    const region = await this.regions.nameOf(tx, fromRegionId);
    throw DomainException.quotaExceeded(
      `Agreement ${agreementId} has ${left} person-visits left of its ${row.personVisits} from ${region} in agreement year ${row.year} (${row.yearStart}…${row.yearEnd}); ${delta} requested`,
      { field, agreementId, year: row.year, personVisits: row.personVisits, used: row.used, left, requested: delta },
    );
  }

  /**
   * The history row and its outbox event (`agreement.status_changed`), in the move's transaction. The
   * event has no union: it names both party regions, so that clients of either get it (each once).
   */
  private async record(tx: TxContext, agreement: Agreement, from: AgreementStatus | null, to: AgreementStatus, reason: string | null, at: Date): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, AgreementEvent, { agreementId: agreement.id, from, to, actor: actor.username, actorId: actor.userId, reason, at });
    await appendOutbox(tx.em, {
      type: 'agreement.status_changed',
      batchId: null,
      unionId: null,
      regionId: agreement.proposerRegionId,
      partnerRegionId: agreement.partnerRegionId,
      at,
      data: {
        agreementId: agreement.id,
        title: agreement.title,
        proposerRegionId: agreement.proposerRegionId,
        partnerRegionId: agreement.partnerRegionId,
        startDate: agreement.from,
        endDate: agreement.to,
        from,
        to,
        reason,
        by: outboxActor(actor),
      },
    });
  }
}
