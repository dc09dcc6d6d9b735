import { Injectable } from '@nestjs/common';
import { DomainException, insertRow, isUniqueViolation, nowToTheSecond, Permission, type RequestContext, requireAccess, todayInShanghai, TransactionRunner } from '@app/shared';
import { In, LessThanOrEqual } from 'typeorm';
import type { SetUnionPolicyInput } from './set-union-policy.input.js';
import { DEFAULT_POLICY, UnionPolicy } from './union-policy.entity.js';
import { UnionService } from './union.service.js';

/** The rules a version sets (the rest of a row says whose and when). */
const RULES = ['capPerPersonPerDay', 'maxDaysPerTrip', 'maxDaysPerYear', 'capPerPersonPerYear', 'insuranceMinimum', 'publicationRequired', 'publicationWorkingDays'] as const;

/** Days a stay counts against the policy: every calendar day from arrival to departure, both included. */
export function stayDays(nights: number): number {
  return nights + 1;
}

/** Versions of each union's funding policy; the defaults until a union sets its own. */
@Injectable()
export class UnionPolicyService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly unions: UnionService,
  ) {}

  /** The version in force on `day` (Asia/Shanghai): the latest whose effectiveFrom is on or before it. */
  async on(ctx: RequestContext, unionId: number, day: string = todayInShanghai()): Promise<UnionPolicy> {
    const found = await this.db.read(ctx, (em) => em.findOne(UnionPolicy, { where: { unionId, effectiveFrom: LessThanOrEqual(day) }, order: { effectiveFrom: 'DESC' } }));
    return found ?? { ...DEFAULT_POLICY, unionId };
  }

  /**
   * The version a batch is judged by: the one in force when it was requested, kept on the batch
   * (`unionPolicyId`, null for the defaults), so a version saved later the same day never reaches it.
   */
  async forBatch(ctx: RequestContext, batch: { unionId: number; unionPolicyId: number | null }): Promise<UnionPolicy> {
    if (batch.unionPolicyId === null) return { ...DEFAULT_POLICY, unionId: batch.unionId };
    const found = await ctx
      .loader<number, UnionPolicy | undefined>('unionPolicy', (ids) =>
        this.db.read(ctx, async (em) => {
          const rows = await em.find(UnionPolicy, { where: { id: In([...ids]) } });
          return ids.map((id) => rows.find((r) => r.id === id));
        }),
      )
      .load(batch.unionPolicyId);
    if (!found) throw new Error(`Union policy version ${batch.unionPolicyId} of batch's union ${batch.unionId} is missing`);
    return found;
  }

  /** For the queries: NOT_FOUND for a union that does not exist rather than the defaults. */
  async ofUnion(ctx: RequestContext, unionId: number, day?: string): Promise<UnionPolicy> {
    await this.readable(ctx, unionId);
    return this.on(ctx, unionId, day);
  }

  /**
   * A union's people read their own union's rules only; bases, partners and the admin read any union's
   * (they book and host for them). NOT_FOUND for a union that does not exist.
   */
  private async readable(ctx: RequestContext, unionId: number): Promise<void> {
    await this.unions.getOrThrow(ctx, unionId, 'unionId');
    requireAccess(
      ctx,
      Permission.ReadUnion,
      { unionId },
      { message: `You read your own union's funding policy (unionId ${ctx.requireActor().unionId}); union ${unionId} is another's`, field: 'unionId' },
    );
  }

  /** Every version of the union's policy, oldest first (only the defaults before the first). */
  async versions(ctx: RequestContext, unionId: number): Promise<UnionPolicy[]> {
    await this.readable(ctx, unionId);
    const rows = await this.db.read(ctx, (em) => em.find(UnionPolicy, { where: { unionId }, order: { effectiveFrom: 'ASC' } }));
    return rows.length ? rows : [{ ...DEFAULT_POLICY, unionId }];
  }

  /** Policies in force on each day for several unions (for bills of many batches). */
  async forUnions(ctx: RequestContext, unionIds: number[]): Promise<UnionPolicy[]> {
    if (!unionIds.length) return [];
    return this.db.read(ctx, (em) => em.find(UnionPolicy, { where: { unionId: In(unionIds) }, order: { effectiveFrom: 'ASC' } }));
  }

  /**
   * A new version from `effectiveFrom` (today or later), by the union's approver or an admin; fields
   * left out keep the values in force the day before. A version from a later day is corrected in
   * place (fields left out keep its own values); one from today is not (batches may already be judged
   * by it): CONFLICT. A version that changes nothing is refused.
   */
  async set(ctx: RequestContext, input: SetUnionPolicyInput): Promise<UnionPolicy> {
    const actor = ctx.requireActor();
    requireAccess(ctx, Permission.GovernUnion, { unionId: input.unionId }, { message: "Only the union's approver or an admin sets its funding policy", field: 'unionId' });
    if (RULES.every((k) => input[k] === undefined || input[k] === null)) {
      throw DomainException.badInput('input', `Give at least one rule to change (${RULES.join(', ')}); a version that changes nothing is not saved`);
    }
    const today = todayInShanghai();
    if (input.effectiveFrom < today) throw DomainException.badInput('effectiveFrom', `effectiveFrom (${input.effectiveFrom}) is in the past; a policy applies from today (${today}) on`);
    for (const field of ['capPerPersonPerDay', 'insuranceMinimum'] as const) {
      const value = input[field];
      if (value != null && value <= 0) throw DomainException.badInput(field, `${field} must be above 0.00`);
    }
    if (input.capPerPersonPerYear != null && input.capPerPersonPerYear < 0) throw DomainException.badInput('capPerPersonPerYear', 'capPerPersonPerYear cannot be negative');
    return this.db.transaction(ctx, async (tx) => {
      await this.unions.getOrThrow(tx, input.unionId, 'unionId');
      // A version from that very day: today's may already judge batches requested today, so it stands;
      // a later one judges nobody yet, so it is corrected in place (fields left out keep its values).
      const existing = await tx.em.findOneBy(UnionPolicy, { unionId: input.unionId, effectiveFrom: input.effectiveFrom });
      if (existing && input.effectiveFrom <= today) {
        throw DomainException.conflict(`Union ${input.unionId} already has a policy version from today (${today}), and batches requested today may be judged by it; set the correction from tomorrow`, {
          field: 'effectiveFrom',
        });
      }
      const before = existing ?? (await this.on(tx, input.unionId, input.effectiveFrom));
      const pick = <K extends keyof UnionPolicy>(k: K, v: UnionPolicy[K] | null | undefined): UnionPolicy[K] => (v === undefined || v === null ? before[k] : v);
      const row = {
        unionId: input.unionId,
        effectiveFrom: input.effectiveFrom,
        capPerPersonPerDay: pick('capPerPersonPerDay', input.capPerPersonPerDay),
        maxDaysPerTrip: pick('maxDaysPerTrip', input.maxDaysPerTrip),
        maxDaysPerYear: pick('maxDaysPerYear', input.maxDaysPerYear),
        capPerPersonPerYear: input.capPerPersonPerYear === 0 ? null : pick('capPerPersonPerYear', input.capPerPersonPerYear),
        insuranceMinimum: pick('insuranceMinimum', input.insuranceMinimum),
        publicationRequired: pick('publicationRequired', input.publicationRequired),
        publicationWorkingDays: pick('publicationWorkingDays', input.publicationWorkingDays),
        createdById: actor.userId,
        createdAt: nowToTheSecond(),
      };
      if (row.maxDaysPerTrip > row.maxDaysPerYear) {
        const field = input.maxDaysPerTrip != null ? 'maxDaysPerTrip' : 'maxDaysPerYear';
        throw DomainException.badInput(
          field,
          `A trip of up to ${row.maxDaysPerTrip} days cannot fit a year of at most ${row.maxDaysPerYear} days per person; lower maxDaysPerTrip or raise maxDaysPerYear`,
          {
            maxDaysPerTrip: row.maxDaysPerTrip,
            maxDaysPerYear: row.maxDaysPerYear,
          },
        );
      }
      if (RULES.every((k) => row[k] === before[k])) {
        throw DomainException.badInput(
          'input',
          `Nothing changes against the version in force from ${before.effectiveFrom}${before.id ? '' : ' (the defaults)'}; a version that changes nothing is not saved`,
        );
      }
      if (existing) {
        await tx.em.update(UnionPolicy, { id: existing.id }, row);
        return { id: existing.id, ...row };
      }
      try {
        return { id: await insertRow(tx.em, UnionPolicy, row), ...row };
      } catch (error) {
        if (isUniqueViolation(error))
          throw DomainException.conflict(`Union ${input.unionId} already has a policy version from ${input.effectiveFrom}, saved at the same moment; read it and correct it`, {
            field: 'effectiveFrom',
          });
        throw error;
      }
    });
  }

  /** Refuses a stay longer than the policy's trip maximum (POLICY_VIOLATION naming the rule and the numbers). */
  checkTrip(policy: UnionPolicy, nights: number): void {
    const days = stayDays(nights);
    if (days > policy.maxDaysPerTrip) {
      throw DomainException.policyViolation(
        'maxDaysPerTrip',
        `A stay of ${nights} nights is ${days} days (departure and return days counted); the union's policy allows at most ${policy.maxDaysPerTrip} days per trip`,
        { field: 'packageId', days, maxDaysPerTrip: policy.maxDaysPerTrip },
      );
    }
  }
}
