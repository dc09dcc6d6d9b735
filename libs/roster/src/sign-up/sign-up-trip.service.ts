import { Injectable } from '@nestjs/common';
import { BaseService, Package, PackageService, UnionPolicyService, UnionService } from '@app/base';
import { type Batch, BatchQueryService, BatchRequestService, batchScope, BatchStatus } from '@app/booking';
import {
  addDays,
  checkPageSize,
  Clock,
  type ConnectionShape,
  decodeCursor,
  DomainException,
  ErrorCode,
  insertRow,
  nowToTheSecond,
  pageNewestFirst,
  Permission,
  type RequestContext,
  requireAccess,
  requireScope,
  TransactionRunner,
  type TxContext,
} from '@app/shared';
import { SignUp, SignUpRound } from './sign-up.entity.js';
import type { OpenSignUpInput } from './sign-up.input.js';
import { SignUpAction, SignUpRoundStatus, SignUpStatus } from './sign-up-status.js';
import { type PlacesChoice, SignUpPlacesService } from './sign-up-places.service.js';

/** Refusals of a booking that are the trip's (beds gone, a night closed, the policy, the package): the round is NOT_BOOKED with them. A busy database (CONFLICT) or an outage is not: the closing is tried again. */
const TRANSIENT = new Set([ErrorCode.CONFLICT, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.UNAUTHENTICATED]);

/** The one reason a NOT_BOOKED round's waiting sign-ups are given (a history reason is at most 500 characters). */
function notBookedReason(reason: string): string {
  return `The trip was not booked: ${reason}`.slice(0, 500);
}

/**
 * Sign-ups for a trip not yet booked (package, arrival day, places): the round is the union's and
 * has no batch while it is open; sign-ups are weighed against the trip as it would be booked. At the
 * closing the rule chooses, then the trip is booked through BatchRequestService (the same path as
 * requestBatch: capacity guarded, its outbox event) for as many as were selected, in the closing's
 * transaction (which holds the round's row lock: a second closing finds it closed), and the choice
 * is carried out on the new batch's rooming list. A booking refused is rolled back to a savepoint and
 * the round is NOT_BOOKED with the refusal's code and words.
 */
@Injectable()
export class SignUpTripService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly packages: PackageService,
    private readonly unions: UnionService,
    private readonly bases: BaseService,
    private readonly policies: UnionPolicyService,
    private readonly booking: BatchRequestService,
    private readonly batches: BatchQueryService,
    private readonly places: SignUpPlacesService,
    private readonly clock: Clock,
  ) {}

  /** Opens a trip for sign-up: the package, places and dates checked as a booking would be, the deadline before the list would freeze. */
  async open(ctx: RequestContext, input: OpenSignUpInput, seed: string | null): Promise<SignUpRound> {
    const actor = ctx.requireActor();
    const unionId = this.tripUnion(ctx, input.unionId);
    if (input.places == null) throw DomainException.badInput('input.places', 'A trip needs places: the headcount wanted');
    if (!input.startDate) throw DomainException.badInput('input.startDate', 'A trip needs startDate, its day of arrival');
    const today = this.clock.today();
    if (input.startDate <= today) throw DomainException.badInput('input.startDate', `startDate ${input.startDate} is not after today (${today}); a trip opened for sign-up arrives later`);
    return this.db.transaction(ctx, async (tx) => {
      const pkg = await this.packages.getOrThrow(tx, input.packageId!, 'input.packageId');
      if (!pkg.active) throw DomainException.badInput('input.packageId', `Package ${pkg.id} ("${pkg.name}") is no longer offered`);
      await this.unions.getOrThrow(tx, unionId, 'input.unionId');
      if (input.places! < pkg.minGroupSize || input.places! > pkg.maxGroupSize) {
        throw DomainException.badInput('input.places', `Package "${pkg.name}" takes groups of ${pkg.minGroupSize}–${pkg.maxGroupSize}; places ${input.places} asked`, {
          minGroupSize: pkg.minGroupSize,
          maxGroupSize: pkg.maxGroupSize,
        });
      }
      this.policies.checkTrip(await this.policies.on(tx, unionId, today), pkg.nights);
      const frozen = await this.frozenFrom(tx, pkg.baseId, input.startDate!);
      if (input.deadline.getTime() >= new Date(`${frozen}T00:00:00+08:00`).getTime()) {
        throw DomainException.badInput('input.deadline', `The deadline must be before ${frozen}, when the rooming list of a trip arriving ${input.startDate} freezes for the organiser`, {
          frozenFrom: frozen,
        });
      }
      const round: Omit<SignUpRound, 'id'> = {
        batchId: null,
        unionId,
        packageId: pkg.id,
        baseId: pkg.baseId,
        startDate: input.startDate!,
        endDate: addDays(input.startDate!, pkg.nights),
        rule: input.rule,
        status: SignUpRoundStatus.OPEN,
        deadline: new Date(Math.floor(input.deadline.getTime() / 1000) * 1000),
        places: input.places!,
        seed,
        openedBy: actor.username,
        openedById: actor.userId,
        openedAt: nowToTheSecond(),
        closedAt: null,
        closedBy: null,
        notBookedCode: null,
        notBookedReason: null,
      };
      const id = await insertRow(tx.em, SignUpRound, round);
      return { id, ...round };
    });
  }

  /** The round with its row locked until the caller's transaction ends (MySQL); NOT_FOUND unless the caller sees it. */
  async lockRound(tx: TxContext, id: number, field: string): Promise<SignUpRound> {
    const round = await this.db.forUpdate(tx.em.createQueryBuilder(SignUpRound, 'r')).where('r.id = :id', { id }).getOne();
    if (!round || !this.sees(tx, round)) throw DomainException.notFound('Sign-up round', id, field);
    return round;
  }

  /** A sign-up round by its id: a trip's to those who see its union's batches, a batch's to those who see the batch; NOT_FOUND otherwise. */
  async roundById(ctx: RequestContext, id: number): Promise<SignUpRound> {
    const round = await this.db.read(ctx, (em) => em.findOneBy(SignUpRound, { id }));
    const visible = round && (round.batchId === null ? this.sees(ctx, round) : !!(await this.batches.loadVisible(ctx, round.batchId)));
    if (!visible) throw DomainException.notFound('Sign-up round', id, 'id');
    return round;
  }

  /**
   * The rounds of the unions the caller sees (trips and batches alike), newest first: what an organiser
   * comes back to after openSignUp. A caller seeing no union's batches (a base, a partner) sees none.
   */
  async listRounds(ctx: RequestContext, args: { first: number; after?: string | null; status?: SignUpRoundStatus | null }): Promise<ConnectionShape<SignUpRound>> {
    const first = checkPageSize(args.first);
    const afterId = args.after ? decodeCursor(args.after) : null;
    const scope = batchScope(ctx);
    if (!('all' in scope) && !('unionId' in scope) && !('unionIds' in scope)) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    return this.db.read(ctx, (em) =>
      pageNewestFirst(
        () => {
          const qb = em.createQueryBuilder(SignUpRound, 'r');
          if ('unionId' in scope) qb.andWhere('r.unionId = :scopeUnion', { scopeUnion: scope.unionId });
          if ('unionIds' in scope) qb.andWhere('r.unionId IN (:...scopeUnions)', { scopeUnions: scope.unionIds.length ? [...scope.unionIds] : [-1] });
          if (args.status) qb.andWhere('r.status = :status', { status: args.status });
          return qb;
        },
        'r',
        first,
        afterId,
      ),
    );
  }

  /**
   * Who sees a trip not yet booked: those who see its union's batches (the admin, the system, its
   * organiser and approver, a platform client of the union). A base and a partner see the batch once
   * it is booked. A round with a batch is seen as its batch is (the caller checks that).
   */
  sees(ctx: RequestContext, round: Pick<SignUpRound, 'unionId'>): boolean {
    const scope = batchScope(ctx);
    if ('all' in scope) return true;
    if ('unionId' in scope) return scope.unionId === round.unionId;
    if ('unionIds' in scope) return scope.unionIds.includes(round.unionId);
    return false;
  }

  /** The trip as the batch it would be booked as: what a sign-up and the rule are weighed against before it exists. */
  async asBatch(tx: TxContext, round: SignUpRound): Promise<Batch> {
    const policy = await this.policies.on(tx, round.unionId, this.clock.today());
    const trip: Partial<Batch> = {
      id: 0,
      reference: `the trip of sign-up ${round.id}`,
      status: BatchStatus.REQUESTED,
      unionId: round.unionId,
      baseId: round.baseId!,
      packageId: round.packageId!,
      startDate: round.startDate!,
      endDate: round.endDate!,
      headcount: round.places,
      unionPolicyId: policy.id || null,
      agreementId: null,
    };
    return trip as Batch;
  }

  /** The trip's closing, in the caller's transaction which holds the round's lock (the round is OPEN): booked and filled, or NOT_BOOKED with why. */
  async close(tx: TxContext, round: SignUpRound): Promise<SignUpRound> {
    const pkg = await tx.em.findOneBy(Package, { id: round.packageId! });
    const frozen = await this.frozenFrom(tx, round.baseId!, round.startDate!);
    if (this.clock.today() >= frozen) {
      return this.notBooked(tx, round, 'TOO_LATE', `it was closed on or after ${frozen}, when the rooming list of a trip arriving ${round.startDate} freezes; nothing was booked`);
    }
    const choice = await this.places.choose(tx, await this.asBatch(tx, round), round, round.places);
    const smallest = Math.max(1, pkg?.minGroupSize ?? 1);
    if (choice.selected.length < smallest) {
      const got = choice.selected.length;
      return this.notBooked(tx, round, 'TOO_FEW_SIGN_UPS', `${got} eligible sign-up${got === 1 ? '' : 's'}, and package "${pkg?.name}" takes groups of ${smallest} or more`, choice);
    }
    let batch: Batch;
    try {
      // A savepoint: a refused booking leaves nothing behind (its batch row is written before the beds are taken), and the round is still closed in this transaction.
      batch = await tx.em.transaction((sp) =>
        this.booking.request(tx.withManager(sp), {
          packageId: round.packageId!,
          startDate: round.startDate!,
          headcount: choice.selected.length,
          unionId: round.unionId,
          idempotencyKey: `sign-up-round-${round.id}`,
          notes: `Booked at the closing of sign-up ${round.id} (报名): ${choice.selected.length} selected of ${round.places} places`,
        }),
      );
    } catch (error) {
      if (error instanceof DomainException && !TRANSIENT.has(error.code)) return this.notBooked(tx, round, error.code, error.message, choice);
      throw error;
    }
    await tx.em.update(SignUp, { roundId: round.id }, { batchId: batch.id });
    const on = <T extends SignUp>(s: T): T => ({ ...s, batchId: batch.id });
    return this.places.apply(
      tx,
      batch,
      { ...round, batchId: batch.id },
      { refused: choice.refused.map((r) => ({ ...r, signUp: on(r.signUp) })), selected: choice.selected.map(on), reserve: choice.reserve.map(on) },
    );
  }

  /** No batch: every sign-up still waiting becomes INELIGIBLE (those the list refused with their own reason, the others with the round's), the round NOT_BOOKED. */
  private async notBooked(tx: TxContext, round: SignUpRound, code: string, reason: string, choice?: PlacesChoice): Promise<SignUpRound> {
    const own = new Map((choice?.refused ?? []).map((r) => [r.signUp.id, r.reason]));
    const waiting = await tx.em.find(SignUp, { where: { roundId: round.id, status: SignUpStatus.SIGNED_UP }, order: { seq: 'ASC' } });
    for (const s of waiting) await this.places.move(tx, s, SignUpAction.REFUSE, own.get(s.id) ?? notBookedReason(reason));
    return this.places.closeRound(tx, round, SignUpRoundStatus.NOT_BOOKED, { batchId: null, selected: null, notBookedCode: code, notBookedReason: reason });
  }

  /** The union a trip is for: an organiser's own; the admin names one. */
  private tripUnion(ctx: RequestContext, requested: number | null | undefined): number {
    const scope = requireScope(ctx, Permission.RunSignUp, `A ${ctx.requireActor().role} cannot open sign-ups`);
    if ('unionId' in scope) {
      if (requested != null && requested !== scope.unionId)
        throw DomainException.forbidden(`You open sign-ups for your own union (${scope.unionId}), not union ${requested}`, { field: 'input.unionId' });
      return scope.unionId;
    }
    if (requested == null) throw DomainException.badInput('input.unionId', 'Say which union the trip is for (unionId)');
    requireAccess(ctx, Permission.RunSignUp, { unionId: requested }, { field: 'input.unionId' });
    return requested;
  }

  /** The first day the organiser could no longer change the trip's list (the base's cut-off before arrival). */
  private async frozenFrom(tx: TxContext, baseId: number, startDate: string): Promise<string> {
    const base = await this.bases.getOrThrow(tx, baseId);
    return addDays(startDate, -base.rosterCutoffDays);
  }
}
