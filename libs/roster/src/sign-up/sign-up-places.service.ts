import { Injectable } from '@nestjs/common';
import { type Batch } from '@app/booking';
import { appendOutbox, insertRow, nowToTheSecond, outboxActor, RequestContext, type TxContext } from '@app/shared';
import type { ListProblem } from '../participant/list-problem.js';
import type { CheckedParticipant, ParticipantFields } from '../participant/participant-check.js';
import { ParticipantEditService } from '../participant/participant-edit.service.js';
import { ParticipantQueryService } from '../participant/participant-query.service.js';
import { RosterCheckService } from '../participant/roster-check.service.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { SignUp, SignUpEvent, SignUpRound } from './sign-up.entity.js';
import { orderByRule } from './sign-up-order.js';
import { SignUpAction, SignUpRoundStatus, SignUpStatus } from './sign-up-status.js';
import { SIGN_UP_MACHINE } from './sign-up-transitions.js';

type Chosen = SignUp & { lastStayDate: string | null };

/** What the rule gives out at a closing: the refused (with why), the selected and the reserve, each in the rule's order. */
export interface PlacesChoice {
  refused: Array<{ signUp: SignUp; reason: string }>;
  selected: Chosen[];
  reserve: Chosen[];
}

/**
 * How places are given out and taken back: the rule's choice at the closing, the reserve moving up,
 * and the one way a sign-up's status changes (`move`, with its history row). Always inside the
 * caller's transaction, which holds the batch's lock.
 */
@Injectable()
export class SignUpPlacesService {
  /** A round's union never changes (its batch's): read once per process, not once per move of a closing's fifty. */
  private readonly unionOfRounds = new Map<number, number>();

  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly checks: RosterCheckService,
    private readonly participants: ParticipantQueryService,
    private readonly edit: ParticipantEditService,
  ) {}

  /**
   * The rule gives out the places: those the rooming list no longer takes (booked on an overlapping
   * batch meanwhile, over the yearly days) are INELIGIBLE with the reason; of the others, in the rule's
   * order, up to the places (and the room left on the list) are SELECTED and added to the list in that
   * order, the rest are the RESERVE in that order.
   */
  async giveOutPlaces(tx: TxContext, batch: Batch, round: SignUpRound): Promise<SignUpRound> {
    const listed = await this.participants.countInTransaction(tx, batch.id);
    const choice = await this.choose(tx, batch, round, Math.max(0, Math.min(round.places, batch.headcount - listed)));
    return this.apply(tx, batch, round, choice);
  }

  /**
   * What the rule would do, changing nothing: the sign-ups still waiting weighed against `batch` (a
   * booked batch, or a trip as it would be booked), the refused with why, then up to `room` selected
   * in the rule's order and the rest the reserve in that order.
   */
  async choose(tx: TxContext, batch: Batch, round: SignUpRound, room: number): Promise<PlacesChoice> {
    const candidates = await tx.em.find(SignUp, { where: { roundId: round.id, status: SignUpStatus.SIGNED_UP }, order: { seq: 'ASC' } });
    const people = candidates.map((c) => this.person(c));
    const problems = people.length
      ? await this.checks.duplicates(
          tx,
          batch,
          people.map((value, index) => ({ index, value })),
          'append',
        )
      : [];
    const refused = new Map<number, ListProblem>();
    for (const p of problems) if (!refused.has(p.index)) refused.set(p.index, p);
    const last = await this.participants.lastStaysByHash(
      tx,
      candidates.map((c) => c.idNumberHash),
      batch.startDate,
    );
    const eligible = candidates.filter((_, i) => !refused.has(i)).map((c) => ({ ...c, lastStayDate: last.get(c.idNumberHash) ?? null }));
    const ordered = orderByRule(round.rule, round.seed, eligible);
    return {
      refused: [...refused].map(([index, problem]) => ({ signUp: candidates[index], reason: problem.message })),
      selected: ordered.slice(0, room),
      reserve: ordered.slice(room),
    };
  }

  /** Carries out `choice` on `batch`'s rooming list and closes the round, in the caller's transaction. */
  async apply(tx: TxContext, batch: Batch, round: SignUpRound, choice: PlacesChoice): Promise<SignUpRound> {
    const { selected, reserve } = choice;
    for (const r of choice.refused) await this.move(tx, r.signUp, SignUpAction.REFUSE, r.reason);
    const added = selected.length
      ? await this.edit.add(
          this.asRule(tx),
          batch.id,
          selected.map((s) => this.fields(s)),
        )
      : [];
    const participantOf = new Map(added.map((p) => [p.idNumberHash, p.id]));
    for (const s of selected) await this.move(tx, s, SignUpAction.SELECT, null, { participantId: participantOf.get(s.idNumberHash) ?? null, lastStayDate: s.lastStayDate });
    for (const [i, r] of reserve.entries()) await this.move(tx, r, SignUpAction.RESERVE, null, { reservePosition: i + 1, lastStayDate: r.lastStayDate });
    return this.closeRound(tx, round, SignUpRoundStatus.CLOSED, { batchId: batch.id, selected: selected.length });
  }

  /**
   * Ends a round (CLOSED, or NOT_BOOKED with why) and writes its outbox event
   * (`sign_up_round.status_changed`), in the caller's transaction.
   */
  async closeRound(
    tx: TxContext,
    round: SignUpRound,
    to: SignUpRoundStatus,
    outcome: { batchId: number | null; selected: number | null; notBookedCode?: string; notBookedReason?: string },
  ): Promise<SignUpRound> {
    const actor = tx.requireActor();
    const closedAt = nowToTheSecond();
    const changes = {
      status: to,
      closedAt,
      closedBy: actor.username,
      batchId: outcome.batchId,
      notBookedCode: outcome.notBookedCode ?? null,
      notBookedReason: outcome.notBookedReason?.slice(0, 500) ?? null,
    };
    await tx.em.update(SignUpRound, { id: round.id }, changes);
    await appendOutbox(tx.em, {
      type: 'sign_up_round.status_changed',
      batchId: outcome.batchId,
      unionId: round.unionId,
      at: closedAt,
      data: {
        roundId: round.id,
        batchId: outcome.batchId,
        from: round.status,
        to,
        places: round.places,
        selected: outcome.selected,
        packageId: round.packageId,
        startDate: round.startDate,
        notBookedCode: changes.notBookedCode,
        reason: changes.notBookedReason,
        by: outboxActor(actor),
      },
    });
    return { ...round, ...changes };
  }

  /**
   * Moves up to `count` of the reserve, first first, onto the list; one the list no longer takes
   * becomes INELIGIBLE (with why) and the next is tried.
   */
  async moveUp(tx: TxContext, batch: Batch, count: number): Promise<void> {
    const round = (await tx.em.findOneBy(SignUpRound, { batchId: batch.id }))!;
    const reserve = await tx.em.find(SignUp, { where: { roundId: round.id, status: SignUpStatus.RESERVE }, order: { reservePosition: 'ASC' } });
    // Someone added by hand meanwhile may have taken the place.
    const room = Math.max(0, Math.min(count, batch.headcount - (await this.participants.countInTransaction(tx, batch.id))));
    let moved = 0;
    for (const next of reserve) {
      if (moved === room) break;
      const problems = await this.checks.duplicates(tx, batch, [{ index: 0, value: this.person(next) }], 'append');
      if (problems.length) {
        await this.move(tx, next, SignUpAction.REFUSE, problems[0].message, { reservePosition: null });
        continue;
      }
      const [participant] = await this.edit.add(this.asRule(tx), batch.id, [this.fields(next)]);
      await this.move(tx, next, SignUpAction.PROMOTE, null, { reservePosition: null, participantId: participant.id });
      moved++;
    }
    await this.renumberReserve(tx, round.id);
  }

  async renumberReserve(tx: TxContext, roundId: number): Promise<void> {
    const reserve = await tx.em.find(SignUp, { select: { id: true, reservePosition: true }, where: { roundId, status: SignUpStatus.RESERVE }, order: { reservePosition: 'ASC' } });
    for (const [i, r] of reserve.entries()) if (r.reservePosition !== i + 1) await tx.em.update(SignUp, { id: r.id }, { reservePosition: i + 1 });
  }

  /** One move of the table with its history row, in the caller's transaction (which holds the batch's lock). */
  async move(tx: TxContext, signUp: SignUp, action: SignUpAction, reason: string | null, changes: Partial<Pick<SignUp, 'reservePosition' | 'participantId' | 'lastStayDate'>> = {}): Promise<SignUp> {
    // The rule's moves are the system's; a withdrawal is the caller's (checked by `withdraw`).
    const mover = action === SignUpAction.WITHDRAW ? tx.requireActor().role : 'SYSTEM';
    const move = SIGN_UP_MACHINE.plan(action, signUp.status, mover, reason);
    const now = nowToTheSecond();
    const result = await tx.em
      .createQueryBuilder()
      .update(SignUp)
      .set({ status: move.to, updatedAt: now, ...changes })
      .where('id = :id AND status = :from', { id: signUp.id, from: move.from })
      .execute();
    if (result.affected !== 1) throw new Error(`Sign-up ${signUp.id} was not ${move.from} when moved to ${move.to}`);
    await this.record(tx, { ...signUp, ...changes }, move.from, move.to, move.reason, now);
    return { ...signUp, ...changes, status: move.to, updatedAt: now };
  }

  /**
   * The history row and its outbox event (`sign_up.status_changed`: selected, in the reserve at a
   * position, moved up, ineligible, withdrawn), by the sign-up's id and arrival number: no name or
   * document leaves in it; the platform that posted the sign-up knows whose it is.
   */
  async record(
    tx: TxContext,
    signUp: Pick<SignUp, 'id' | 'roundId' | 'batchId' | 'seq' | 'reservePosition'>,
    from: SignUpStatus | null,
    to: SignUpStatus,
    reason: string | null,
    at: Date,
  ): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, SignUpEvent, { signUpId: signUp.id, from, to, actor: actor.username, actorId: actor.userId, reason, at });
    await appendOutbox(tx.em, {
      type: 'sign_up.status_changed',
      batchId: signUp.batchId,
      unionId: await this.unionOfRound(tx, signUp.roundId),
      at,
      data: {
        signUpId: signUp.id,
        roundId: signUp.roundId,
        batchId: signUp.batchId,
        seq: signUp.seq,
        from,
        to,
        reservePosition: to === SignUpStatus.RESERVE ? signUp.reservePosition : null,
        reason,
        by: outboxActor(actor),
      },
    });
  }

  private async unionOfRound(tx: TxContext, roundId: number): Promise<number | null> {
    const known = this.unionOfRounds.get(roundId);
    if (known !== undefined) return known;
    const round = await tx.em.findOne(SignUpRound, { select: { id: true, unionId: true }, where: { id: roundId } });
    if (round) this.unionOfRounds.set(roundId, round.unionId);
    return round?.unionId ?? null;
  }

  /** The rooming list is filled by the rule: its entries are added and removed as the system, in the caller's transaction. */
  asRule(tx: TxContext): TxContext {
    return RequestContext.system().withManager(tx.em);
  }

  private person(s: SignUp): CheckedParticipant {
    return {
      name: s.name,
      gender: s.gender,
      documentType: s.documentType,
      idNumber: this.cipher.decrypt('idNumber', s.idNumberCipher),
      idNumberMasked: s.idNumberMasked,
      phone: this.cipher.decrypt('phone', s.phoneCipher),
      phoneMasked: s.phoneMasked,
      employer: s.employer,
      category: s.category,
      dietaryNeeds: s.dietaryNeeds,
      room: null,
    };
  }

  private fields(s: SignUp): ParticipantFields {
    const { idNumberMasked: _m, phoneMasked: _p, ...fields } = this.person(s);
    return fields;
  }
}
