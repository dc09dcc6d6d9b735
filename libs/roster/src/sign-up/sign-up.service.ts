import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BaseService } from '@app/base';
import { type Batch, BatchQueryService, BatchStatus } from '@app/booking';
import { addDays, Clock, DomainException, ErrorCode, insertRow, isUniqueViolation, nowToTheSecond, Permission, RequestContext, requireAccess, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { inputNaming } from '../participant/list-problem.js';
import { checkParticipant, type ParticipantFields } from '../participant/participant-check.js';
import { ParticipantEditService } from '../participant/participant-edit.service.js';
import { Participant } from '../participant/participant.entity.js';
import { ParticipantQueryService } from '../participant/participant-query.service.js';
import { RosterCheckService } from '../participant/roster-check.service.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { RosterStatus } from '../roster-state/roster-status.js';
import { Roster } from '../roster-state/roster.entity.js';
import { SignUp, SignUpEvent, SignUpRound } from './sign-up.entity.js';
import type { OpenSignUpInput, SignUpInput } from './sign-up.input.js';
import { SignUpAction, SignUpRoundStatus, SignUpRule, SignUpStatus } from './sign-up-status.js';
import { SIGN_UP_MACHINE } from './sign-up-transitions.js';
import { SignUpPlacesService } from './sign-up-places.service.js';
import { SignUpTripService } from './sign-up-trip.service.js';

/** A sign-up's one person, as signUp's `input` names it: "input.idNumber", "This person …". */
const SIGN_UP_INPUT = inputNaming(() => 'input', true);
/** The batches whose list still takes people (as ParticipantEditService's). */
const EDITABLE = new Set([BatchStatus.REQUESTED, BatchStatus.CONFIRMED]);

/**
 * Sign-ups (报名): an organiser opens a batch of the union for sign-up until a deadline with a rule;
 * workers sign up (checked as a rooming-list entry is: fields, overlapping stays, yearly days); at
 * the deadline (the sign-up sweep) or when the organiser closes it, the rule chooses up to the places
 * — those become the rooming list through ParticipantEditService, the others a reserve in order —
 * and a selected worker who withdraws before the list freezes is replaced by the first of the reserve.
 * The list is filled by the rule, so its entries are added as the system (inside the caller's
 * transaction), under the list's own rules: a list with the union or past the organiser's cut-off refuses.
 */
@Injectable()
export class SignUpService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly batches: BatchQueryService,
    private readonly bases: BaseService,
    private readonly checks: RosterCheckService,
    private readonly participants: ParticipantQueryService,
    private readonly edit: ParticipantEditService,
    private readonly places: SignUpPlacesService,
    private readonly trips: SignUpTripService,
    private readonly clock: Clock,
  ) {}

  async open(ctx: RequestContext, input: OpenSignUpInput): Promise<SignUpRound> {
    const actor = ctx.requireActor();
    const seed = input.rule === SignUpRule.LOTTERY ? (input.seed ?? '').trim() || randomBytes(16).toString('hex') : null;
    if (input.rule !== SignUpRule.LOTTERY && input.seed != null) throw DomainException.badInput('input.seed', 'A seed is for the LOTTERY rule only');
    if (seed !== null && [...seed].length > 100) throw DomainException.badInput('input.seed', `The seed is at most 100 characters, got ${[...seed].length}`);
    const now = this.clock.now();
    if (!(input.deadline instanceof Date) || Number.isNaN(input.deadline.getTime())) throw DomainException.badInput('input.deadline', 'deadline must be a date and time');
    if (input.deadline.getTime() <= now.getTime()) throw DomainException.badInput('input.deadline', `The deadline must be in the future; it is ${now.toISOString()} now`);
    if ((input.batchId == null) === (input.packageId == null)) {
      throw DomainException.badInput('input.batchId', 'Give exactly one of batchId (a batch already booked) and packageId (with startDate and places: a trip not yet booked)');
    }
    if (input.packageId != null) return this.trips.open(ctx, input, seed);
    if (input.startDate != null || input.unionId != null)
      throw DomainException.badInput(input.startDate != null ? 'input.startDate' : 'input.unionId', "A batch's sign-up takes its dates and union from the batch");
    const batchId = input.batchId!;
    try {
      return await this.db.transaction(ctx, async (tx) => {
        const batch = await this.lockForSignUp(tx, batchId, 'input.batchId', Permission.RunSignUp);
        await this.refuseFrozen(tx, batch);
        const frozen = await this.frozenFrom(tx, batch);
        if (input.deadline.getTime() >= new Date(`${frozen}T00:00:00+08:00`).getTime()) {
          throw DomainException.badInput('input.deadline', `The deadline must be before ${frozen}, when the rooming list of batch ${batch.reference} freezes for the organiser`, {
            frozenFrom: frozen,
          });
        }
        const places = input.places ?? batch.headcount;
        if (places > batch.headcount)
          throw DomainException.badInput('input.places', `Batch ${batch.reference} is for ${batch.headcount} people; places can be at most that`, { headcount: batch.headcount });
        if (await tx.em.findOneBy(SignUpRound, { batchId: batch.id })) {
          throw DomainException.conflict(`Batch ${batch.reference} was already opened for sign-up; a batch has one sign-up`, { field: 'input.batchId' });
        }
        const round: Omit<SignUpRound, 'id'> = {
          batchId: batch.id,
          unionId: batch.unionId,
          packageId: null,
          baseId: null,
          startDate: null,
          endDate: null,
          notBookedCode: null,
          notBookedReason: null,
          rule: input.rule,
          status: SignUpRoundStatus.OPEN,
          deadline: new Date(Math.floor(input.deadline.getTime() / 1000) * 1000),
          places,
          seed,
          openedBy: actor.username,
          openedById: actor.userId,
          openedAt: nowToTheSecond(),
          closedAt: null,
          closedBy: null,
        };
        const id = await insertRow(tx.em, SignUpRound, round);
        return { id, ...round };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.conflict(`Batch ${batchId} was already opened for sign-up; a batch has one sign-up`, { field: 'input.batchId' });
      throw error;
    }
  }

  /**
   * A worker's sign-up: checked as a rooming-list entry is (BAD_USER_INPUT on input.<field>; booked
   * on an overlapping batch: BAD_USER_INPUT on input.idNumber; over the union's yearly days:
   * POLICY_VIOLATION), while the batch's sign-up is open. The same person (document) again answers
   * the sign-up they already have.
   */
  async signUp(ctx: RequestContext, input: SignUpInput): Promise<SignUp> {
    const actor = ctx.requireActor();
    const fields: ParticipantFields = { ...input, room: null };
    const { value, problems } = checkParticipant(fields, this.clock.today());
    if (!value)
      throw SIGN_UP_INPUT.refuse(
        problems.map((p) => ({ index: 0, ...p })),
        null,
      );
    const hash = this.checks.personKey(value);
    if ((input.batchId == null) === (input.roundId == null)) throw DomainException.badInput('input.batchId', 'Give exactly one of batchId and roundId: the batch or the sign-up round signed up for');
    return this.db.transaction(ctx, async (tx) => {
      const { batch, round, field, where } = await this.target(tx, input, Permission.PostSignUp);
      const existing = await tx.em.findOneBy(SignUp, { roundId: round.id, idNumberHash: hash });
      if (existing) return existing;
      if (round.status !== SignUpRoundStatus.OPEN || round.deadline.getTime() <= this.clock.now().getTime()) {
        throw new DomainException(ErrorCode.INVALID_TRANSITION, `The sign-up for ${where} closed at ${round.deadline.toISOString()}`, { field, status: round.status });
      }
      const found = await this.checks.duplicates(tx, batch, [{ index: 0, value }], 'append');
      if (found.length) throw this.checks.refusal(found, SIGN_UP_INPUT);
      const seq = (await tx.em.countBy(SignUp, { roundId: round.id })) + 1;
      const last = await this.participants.lastStaysByHash(tx, [hash], batch.startDate);
      const now = nowToTheSecond();
      const row: Omit<SignUp, 'id'> = {
        roundId: round.id,
        batchId: round.batchId,
        seq,
        status: SignUpStatus.SIGNED_UP,
        name: value.name,
        gender: value.gender,
        documentType: value.documentType,
        idNumberCipher: this.cipher.encrypt('idNumber', value.idNumber),
        idNumberHash: hash,
        idNumberMasked: value.idNumberMasked,
        phoneCipher: this.cipher.encrypt('phone', value.phone),
        phoneMasked: value.phoneMasked,
        employer: value.employer,
        category: value.category,
        dietaryNeeds: value.dietaryNeeds,
        lastStayDate: last.get(hash) ?? null,
        reservePosition: null,
        participantId: null,
        createdBy: actor.username,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      const id = await insertRow(tx.em, SignUp, row);
      await this.places.record(tx, { id, roundId: row.roundId, batchId: row.batchId, seq: row.seq, reservePosition: null }, null, SignUpStatus.SIGNED_UP, null, now);
      return { id, ...row };
    });
  }

  /** The organiser closes the sign-up before its deadline: the rule gives out the places now (a trip is booked now). */
  async close(ctx: RequestContext, by: { batchId?: number | null; roundId?: number | null }): Promise<SignUpRound> {
    if ((by.batchId == null) === (by.roundId == null)) throw DomainException.badInput('batchId', 'Give exactly one of batchId and roundId');
    return this.db.transaction(ctx, async (tx) => {
      const { batch, round, field, where } = await this.target(tx, by, Permission.RunSignUp, '');
      if (round.status !== SignUpRoundStatus.OPEN) {
        throw new DomainException(ErrorCode.INVALID_TRANSITION, `The sign-up for ${where} is already ${round.status === SignUpRoundStatus.CLOSED ? 'closed' : 'NOT_BOOKED'}`, {
          field,
          status: round.status,
        });
      }
      return round.batchId === null ? this.trips.close(tx, round) : this.places.giveOutPlaces(tx, batch, round);
    });
  }

  /** The sweep's closing of one sign-up past its deadline, as the system; false when it no longer had to. */
  async closeIfDue(tx: TxContext, roundId: number, now: Date): Promise<boolean> {
    const due = await tx.em.findOneBy(SignUpRound, { id: roundId });
    if (!due) return false;
    // A trip's round is its own lock (it has no batch yet); a batch's round is locked through its batch.
    const batch = due.batchId === null ? null : await this.batches.lockVisibleOrThrow(tx, due.batchId);
    const round = batch ? await tx.em.findOneBy(SignUpRound, { id: roundId }) : await this.trips.lockRound(tx, roundId, 'id');
    if (!round || round.status !== SignUpRoundStatus.OPEN || round.deadline.getTime() > now.getTime()) return false;
    if (!batch) {
      await this.trips.close(tx, round);
      return true;
    }
    if (!EDITABLE.has(batch.status)) {
      // A batch cancelled, rejected or expired meanwhile has no list to fill: the sign-up just ends.
      await this.places.closeRound(tx, round, SignUpRoundStatus.CLOSED, { batchId: batch.id, selected: 0 });
      return true;
    }
    await this.places.giveOutPlaces(tx, batch, round);
    return true;
  }

  /**
   * A worker withdraws (until the list freezes): a selected one is taken off the rooming list and the
   * first of the reserve the list still takes moves up onto it; a reserve's place is given up.
   */
  async withdraw(ctx: RequestContext, id: number, reason: string | null): Promise<SignUp> {
    const checked = SIGN_UP_MACHINE.reasonFor(SignUpAction.WITHDRAW, reason);
    return this.db.transaction(ctx, async (tx) => {
      const found = await tx.em.findOneBy(SignUp, { id });
      if (!found) throw DomainException.notFound('Sign-up', id, 'id');
      if (found.batchId === null) {
        // A trip not yet booked: nobody is on a list yet, so withdrawing is the move alone (under the round's lock).
        const round = await this.trips.lockRound(tx, found.roundId, 'id');
        if (round.batchId === null) {
          requireAccess(tx, Permission.PostSignUp, { unionId: round.unionId }, { message: `Only the organiser of the union of sign-up ${round.id} (or the admin) handles its sign-ups`, field: 'id' });
          const signUp = (await tx.em.findOneBy(SignUp, { id }))!;
          return this.places.move(tx, signUp, SignUpAction.WITHDRAW, checked, { reservePosition: null });
        }
      }
      const batchId = (await tx.em.findOneBy(SignUp, { id }))!.batchId!;
      if (!(await this.batches.loadVisible(tx, batchId))) throw DomainException.notFound('Sign-up', id, 'id');
      const batch = await this.lockForSignUp(tx, batchId, 'id', Permission.PostSignUp);
      const signUp = (await tx.em.findOneBy(SignUp, { id }))!;
      SIGN_UP_MACHINE.plan(SignUpAction.WITHDRAW, signUp.status, tx.requireActor().role, checked);
      if (signUp.status === SignUpStatus.SELECTED) {
        const list = this.places.asRule(tx);
        if (signUp.participantId !== null && (await tx.em.existsBy(Participant, { id: signUp.participantId }))) await this.edit.remove(list, signUp.participantId);
        const moved = await this.places.move(tx, signUp, SignUpAction.WITHDRAW, checked, { reservePosition: null });
        await this.places.moveUp(tx, batch, 1);
        return moved;
      }
      const moved = await this.places.move(tx, signUp, SignUpAction.WITHDRAW, checked, { reservePosition: null });
      if (signUp.status === SignUpStatus.RESERVE) await this.places.renumberReserve(tx, signUp.roundId);
      return moved;
    });
  }

  /** A batch's sign-up, if it was opened; the batch is one the caller sees. */
  round(ctx: RequestContext, batchId: number): Promise<SignUpRound | null> {
    return ctx
      .loader<number, SignUpRound | null>('signUpRound', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(SignUpRound, { batchId: In([...ids]) }));
        return ids.map((id) => rows.find((r) => r.batchId === id) ?? null);
      })
      .load(batchId);
  }

  /** A round's sign-ups in order of arrival; the round is one the caller sees. */
  listOfRound(ctx: RequestContext, roundId: number): Promise<SignUp[]> {
    return ctx.loadGroup(
      'roundSignUps',
      roundId,
      (ids) => this.db.read(ctx, (em) => em.find(SignUp, { where: { roundId: In(ids) }, order: { seq: 'ASC' } })),
      (s) => s.roundId,
    );
  }

  /** A batch's sign-ups in order of arrival; the batch is one the caller sees. */
  list(ctx: RequestContext, batchId: number): Promise<SignUp[]> {
    return ctx.loadGroup(
      'signUps',
      batchId,
      (ids) => this.db.read(ctx, (em) => em.find(SignUp, { where: { batchId: In(ids) }, order: { seq: 'ASC' } })),
      (s) => s.batchId!,
    );
  }

  /** Moves of a sign-up, oldest first. */
  history(ctx: RequestContext, signUpId: number): Promise<SignUpEvent[]> {
    return ctx.loadGroup(
      'signUpHistory',
      signUpId,
      (ids) => this.db.read(ctx, (em) => em.find(SignUpEvent, { where: { signUpId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.signUpId,
    );
  }

  /**
   * What a sign-up or a closing is about, checked for `permission` and locked: a batch (by batchId, or
   * a round that has one) through lockForSignUp, or a trip's round (locked itself). `prefix` names the
   * input's fields: "input." for signUp, "" for closeSignUp's arguments.
   */
  private async target(
    tx: TxContext,
    by: { batchId?: number | null; roundId?: number | null },
    permission: Permission,
    prefix = 'input.',
  ): Promise<{ batch: Batch; round: SignUpRound; field: string; where: string }> {
    if (by.roundId != null) {
      const field = `${prefix}roundId`;
      const found = await tx.em.findOneBy(SignUpRound, { id: by.roundId });
      if (!found) throw DomainException.notFound('Sign-up round', by.roundId, field);
      if (found.batchId === null) {
        const round = await this.trips.lockRound(tx, found.id, field);
        if (round.batchId === null) {
          requireAccess(tx, permission, { unionId: round.unionId }, { message: `Only the organiser of the union of sign-up ${round.id} (or the admin) handles it`, field });
          return { batch: await this.trips.asBatch(tx, round), round, field, where: `sign-up ${round.id}` };
        }
        // Booked meanwhile: from now on it is its batch's.
        found.batchId = round.batchId;
      }
      const batch = await this.lockForSignUp(tx, found.batchId, field, permission).catch((error: unknown) => {
        throw error instanceof DomainException && error.code === ErrorCode.NOT_FOUND ? DomainException.notFound('Sign-up round', found.id, field) : error;
      });
      return { batch, round: (await tx.em.findOneBy(SignUpRound, { id: found.id }))!, field, where: `batch ${batch.reference}` };
    }
    const field = `${prefix}batchId`;
    const batch = await this.lockForSignUp(tx, by.batchId!, field, permission);
    const round = await tx.em.findOneBy(SignUpRound, { batchId: batch.id });
    if (!round) throw DomainException.badInput(field, `Batch ${batch.reference} is not open for sign-up`);
    return { batch, round, field, where: `batch ${batch.reference}` };
  }

  /**
   * Locks the batch and checks the caller acts for its union with `permission` (NOT_FOUND when they
   * do not see it) and that its list can still take people: REQUESTED or CONFIRMED, its list a DRAFT.
   */
  private async lockForSignUp(tx: TxContext, batchId: number, field: string, permission: Permission): Promise<Batch> {
    let batch: Batch;
    try {
      batch = await this.batches.lockVisibleOrThrow(tx, batchId, field);
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.NOT_FOUND) throw DomainException.notFound('Batch', batchId, field);
      throw error;
    }
    requireAccess(tx, permission, batch, { message: `Only the organiser of the union of batch ${batch.reference} (or the admin) handles its sign-up`, field });
    if (!EDITABLE.has(batch.status)) throw DomainException.wrongState(batch.status, `Sign-ups are for a REQUESTED or CONFIRMED batch; batch ${batch.reference} is ${batch.status}`);
    const roster = await tx.em.findOneBy(Roster, { batchId: batch.id });
    const status = roster?.status ?? RosterStatus.DRAFT;
    if (status !== RosterStatus.DRAFT) {
      throw new DomainException(ErrorCode.INVALID_TRANSITION, `The rooming list of batch ${batch.reference} is ${status}: it takes nobody new from sign-ups`, {
        field,
        rosterStatus: status,
      });
    }
    return batch;
  }

  /** The first day the organiser can no longer change the list (the base's cut-off before arrival). */
  private async frozenFrom(tx: TxContext, batch: Batch): Promise<string> {
    const base = await this.bases.getOrThrow(tx, batch.baseId);
    return addDays(batch.startDate, -base.rosterCutoffDays);
  }

  private async refuseFrozen(tx: TxContext, batch: Batch): Promise<void> {
    const frozen = await this.frozenFrom(tx, batch);
    if (this.clock.today() >= frozen) {
      throw DomainException.forbidden(`The rooming list of batch ${batch.reference} is frozen for the organiser from ${frozen}; it cannot be opened for sign-up`, { frozenFrom: frozen });
    }
  }
}
