import { Injectable } from '@nestjs/common';
import { BaseService } from '@app/base';
import { Batch, BatchQueryService, BatchStatus } from '@app/booking';
import { addDays, Clock, DomainException, ErrorCode, isUniqueViolation, may, nowToTheSecond, Permission, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { PaperworkAccessService } from '../paperwork-access/paperwork-access.service.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { chunks, INSERT_CHUNK, LOOKUP_CHUNK } from './chunks.js';
import { type ListNaming, type ListProblem, PARTICIPANTS_INPUT, UPDATE_INPUT } from './list-problem.js';
import { checkParticipant, type CheckedParticipant, type ParticipantField, type ParticipantFields } from './participant-check.js';
import { Participant } from './participant.entity.js';
import { ParticipantQueryService } from './participant-query.service.js';
import { type ImportMode, RosterCheckService } from './roster-check.service.js';
import { howToReopen, RosterStatus, UNDER_APPROVAL } from '../roster-state/roster-status.js';
import { Roster } from '../roster-state/roster.entity.js';

/** A batch locked for a change of its list, with where its list stands. */
type ListedBatch = Batch & { rosterStatus: RosterStatus };

const EDITABLE = new Set([BatchStatus.REQUESTED, BatchStatus.CONFIRMED]);
/** What the base may still correct on a list that cleared public notice: nothing that was posted or says who the person is. */
const AFTER_NOTICE: ReadonlySet<ParticipantField> = new Set<ParticipantField>(['phone', 'dietaryNeeds', 'room']);

/** A list that cleared public notice takes nobody new: they were never posted. */
function refuseUnposted(batch: ListedBatch): void {
  if (batch.rosterStatus !== RosterStatus.CLEARED) return;
  throw new DomainException(
    ErrorCode.INVALID_TRANSITION,
    `The rooming list of batch ${batch.reference} cleared public notice: people who were not posted cannot join it. Book another batch for them`,
    { status: batch.status, rosterStatus: batch.rosterStatus },
  );
}

export const MAX_ADD = 1000;

/**
 * Editing a rooming list: adding people (by hand or from a file), changing and removing one, the
 * team leader and, at check-in, who arrived. Each edit locks the batch and is all or nothing.
 */
@Injectable()
export class ParticipantEditService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly batches: BatchQueryService,
    private readonly bases: BaseService,
    private readonly checks: RosterCheckService,
    private readonly query: ParticipantQueryService,
    private readonly clock: Clock,
    private readonly access: PaperworkAccessService,
  ) {}

  /** Adds people to a batch's list: all of them, or none and every problem, named as `naming` says (addParticipants' input by default). */
  async add(ctx: RequestContext, batchId: number, inputs: ParticipantFields[], naming: ListNaming = PARTICIPANTS_INPUT): Promise<Participant[]> {
    if (inputs.length === 0) throw DomainException.badInput('participants', 'Give at least one participant');
    if (inputs.length > MAX_ADD) throw DomainException.badInput('participants', `At most ${MAX_ADD} participants per call; upload a spreadsheet for more`);
    const { valid, problems } = this.checks.check(inputs);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.lockEditable(tx, batchId);
      refuseUnposted(batch);
      const existing = await this.query.countInTransaction(tx, batch.id);
      const tooMany = this.checks.roomProblem(batch, existing + inputs.length, existing);
      if (tooMany) throw tooMany;
      problems.push(...(await this.checks.duplicates(tx, batch, valid, 'append')));
      if (problems.length) throw this.checks.refusal(problems, naming);
      return this.insert(
        tx,
        batch,
        valid.map((v) => v.value),
        true,
      );
    });
  }

  /**
   * Loads a whole file: `replace` makes the file the list, `append` adds it. The file's rows are
   * checked first; nothing is written unless every row is right. `naming` names the problems as the
   * file's rows; `earlier` are those found while reading it.
   */
  async import(
    ctx: RequestContext,
    batchId: number,
    inputs: ParticipantFields[],
    mode: ImportMode,
    naming: ListNaming,
    earlier: ListProblem[] = [],
  ): Promise<{ batch: Batch; imported: number; participantCount: number }> {
    const { valid, problems } = this.checks.check(inputs);
    problems.push(...earlier);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.lockEditable(tx, batchId);
      refuseUnposted(batch);
      const existing = mode === 'append' ? await this.query.countInTransaction(tx, batch.id) : 0;
      // Too many people alone is said alone; beside the rows' own problems it leads them.
      const tooMany = this.checks.roomProblem(batch, existing + inputs.length, existing, 'file', mode);
      if (tooMany && !problems.length) throw tooMany;
      problems.push(...(await this.checks.duplicates(tx, batch, valid, mode)));
      if (problems.length) throw this.checks.refusal(problems, naming, tooMany);
      if (mode === 'replace') await tx.em.delete(Participant, { batchId: batch.id });
      await this.insert(
        tx,
        batch,
        valid.map((v) => v.value),
        false,
      );
      return { batch, imported: valid.length, participantCount: existing + valid.length };
    });
  }

  /** Changes one person's fields (those given): checked as a whole entry, and never into someone already listed. */
  async update(ctx: RequestContext, id: number, changes: ParticipantFields): Promise<Participant> {
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.query.getVisibleOrThrow(tx, id);
      const batch = await this.lockEditable(tx, current.batchId, 'id');
      if (batch.rosterStatus === RosterStatus.CLEARED) {
        // A field sent again unchanged (a form that sends the whole record) is no change.
        const now = (k: ParticipantField) => (k === 'idNumber' ? this.cipher.decrypt('idNumber', current.idNumberCipher) : current[k as keyof Participant]);
        const same = (k: ParticipantField) =>
          String(changes[k] ?? '')
            .trim()
            .toUpperCase() ===
          String(now(k) ?? '')
            .trim()
            .toUpperCase();
        const posted = (Object.keys(changes) as ParticipantField[]).filter((k) => changes[k] !== undefined && !AFTER_NOTICE.has(k) && !same(k));
        if (posted.length) {
          throw new DomainException(
            ErrorCode.INVALID_TRANSITION,
            `The rooming list of batch ${batch.reference} cleared public notice: who is on it (${posted.join(', ')}) no longer changes; only ${[...AFTER_NOTICE].join(', ')} do`,
            { field: `input.${posted[0]}`, status: batch.status, rosterStatus: batch.rosterStatus },
          );
        }
      }
      const merged: ParticipantFields = {
        name: current.name,
        gender: current.gender,
        documentType: current.documentType,
        idNumber: this.cipher.decrypt('idNumber', current.idNumberCipher),
        phone: this.cipher.decrypt('phone', current.phoneCipher),
        employer: current.employer,
        category: current.category,
        dietaryNeeds: current.dietaryNeeds,
        room: current.room,
      };
      for (const [key, value] of Object.entries(changes) as Array<[ParticipantField, unknown]>) {
        if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
      }
      const { value, problems } = checkParticipant(merged, this.clock.today());
      if (!value)
        throw UPDATE_INPUT.refuse(
          problems.map((p) => ({ index: 0, ...p })),
          null,
        );
      const duplicates = await this.checks.duplicates(tx, batch, [{ index: 0, value }], 'append', current.id);
      if (duplicates.length) throw this.checks.refusal(duplicates, UPDATE_INPUT);
      const row = this.toRow(tx, batch, value);
      delete (row as Partial<typeof row>).createdAt;
      delete (row as Partial<typeof row>).createdById;
      await tx.em.update(Participant, { id }, row);
      return { ...current, ...row };
    });
  }

  /**
   * At check-in: who of the (complete) list arrived — all of them when `ids` is null. Each id must be
   * on the batch's list, once; at least one person arrives. Returns how many did. In the check-in's
   * transaction, with the batch row locked.
   */
  async markArrivals(tx: TxContext, batch: Batch, ids: number[] | null): Promise<number> {
    const em = tx.em;
    const listed = await em.find(Participant, { select: { id: true }, where: { batchId: batch.id } });
    const onList = new Set(listed.map((p) => p.id));
    const arrived = ids ?? [...onList];
    if (!arrived.length) throw DomainException.badInput('arrivedParticipantIds', 'Name at least one participant who arrived; a batch nobody came to is cancelled, not checked in');
    if (new Set(arrived).size !== arrived.length) throw DomainException.badInput('arrivedParticipantIds', 'arrivedParticipantIds names a participant twice');
    const stranger = arrived.find((id) => !onList.has(id));
    if (stranger !== undefined) throw DomainException.badInput('arrivedParticipantIds', `Participant ${stranger} is not on the list of batch ${batch.reference}`, { participantId: stranger });
    const leader = await em.findOne(Participant, { select: { id: true, name: true }, where: { batchId: batch.id, teamLeader: true } });
    if (leader && !arrived.includes(leader.id)) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `The team leader (领队) of batch ${batch.reference}, participant ${leader.id}, is not among the arrivals; make someone who arrived the team leader (setTeamLeader) before check-in`,
        {
          // Called once the move is planned: the batch came from CONFIRMED, the only state check-in leaves.
          from: BatchStatus.CONFIRMED,
          to: BatchStatus.CHECKED_IN,
          missing: [{ what: 'a team leader (领队) among the arrivals' }],
          field: 'arrivedParticipantIds',
        },
      );
    }
    await em.update(Participant, { batchId: batch.id }, { arrived: false });
    for (const part of chunks(arrived, LOOKUP_CHUNK)) await em.update(Participant, { id: In(part) }, { arrived: true });
    return arrived.length;
  }

  /** Makes one person the batch's team leader (领队), the only one; by whoever may edit the list. */
  async setTeamLeader(ctx: RequestContext, id: number): Promise<Participant> {
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.query.getVisibleOrThrow(tx, id);
      await this.lockEditable(tx, current.batchId, 'id', false);
      await tx.em.update(Participant, { batchId: current.batchId }, { teamLeader: false });
      await tx.em.update(Participant, { id }, { teamLeader: true });
      return { ...current, teamLeader: true };
    });
  }

  /** Takes a person off the list; answers the batch, whose count has changed. */
  async remove(ctx: RequestContext, id: number): Promise<Batch> {
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.query.getVisibleOrThrow(tx, id);
      const batch = await this.lockEditable(tx, current.batchId, 'id');
      if (batch.rosterStatus === RosterStatus.CLEARED) {
        throw new DomainException(
          ErrorCode.INVALID_TRANSITION,
          `The rooming list of batch ${batch.reference} cleared public notice as it stands: someone who cannot come stays on it and is left out of the arrivals at check-in (checkInBatch arrivedParticipantIds)`,
          { field: 'id', status: batch.status, rosterStatus: batch.rosterStatus },
        );
      }
      await tx.em.delete(Participant, { id });
      return batch;
    });
  }

  /**
   * Locks the batch (so two edits of one list take turns) and checks that the caller may change its
   * list now: its organiser (or the partner standing in) while the list is a DRAFT and before the cutoff, its base's operator
   * while the batch is REQUESTED or CONFIRMED — but nobody while the union approves or posts the
   * list (SUBMITTED, APPROVED, PUBLISHED): what is posted is what was approved. `who: false` is for
   * changes that leave who goes alone (the team leader), which neither the union's process nor the
   * organiser's cut-off freezes: the organiser names the leader up to check-in.
   */
  private async lockEditable(tx: TxContext, batchId: number, field = 'batchId', who = true): Promise<ListedBatch> {
    let batch: ListedBatch;
    try {
      const locked = await this.batches.lockVisibleOrThrow(tx, batchId);
      const roster = await tx.em.findOneBy(Roster, { batchId });
      batch = { ...locked, rosterStatus: roster?.status ?? RosterStatus.DRAFT };
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.NOT_FOUND && field !== 'id') throw DomainException.notFound('Batch', batchId, field);
      throw error;
    }
    // The system (demo seeding) acts as the organiser would, and so does the partner standing in for a union without one.
    if (!(await this.access.may(tx, Permission.EditRoster, batch))) {
      throw DomainException.forbidden("Only the batch's organiser (or, for a union without one, the partner that sent it) and its base's operator change its rooming list");
    }
    if (!EDITABLE.has(batch.status)) {
      throw DomainException.wrongState(batch.status, `The rooming list of a ${batch.status} batch cannot change; only while REQUESTED or CONFIRMED`);
    }
    if (who && UNDER_APPROVAL.has(batch.rosterStatus)) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `The rooming list of batch ${batch.reference} is ${batch.rosterStatus}: while it is with the union (submitted, approved or posted), nobody changes who is on it; ${howToReopen(batch.rosterStatus)}`,
        { status: batch.status, rosterStatus: batch.rosterStatus },
      );
    }
    if (!may(tx, Permission.AmendLateRoster, batch)) {
      // A cleared list changes only through the base, which handles the last days before arrival.
      if (who && batch.rosterStatus === RosterStatus.CLEARED) {
        throw new DomainException(ErrorCode.INVALID_TRANSITION, `The rooming list of batch ${batch.reference} has cleared public notice; ask the base's operator to make a last change`, {
          status: batch.status,
          rosterStatus: batch.rosterStatus,
        });
      }
      // The cut-off lets the base prepare for the people who come; who leads them is not part of that.
      if (who) await this.refuseAfterCutoff(tx, batch);
    }
    return batch;
  }

  private async refuseAfterCutoff(tx: TxContext, batch: ListedBatch): Promise<void> {
    const base = await this.bases.getOrThrow(tx, batch.baseId);
    const frozenFrom = addDays(batch.startDate, -base.rosterCutoffDays);
    if (this.clock.today() < frozenFrom) return;
    throw DomainException.forbidden(
      `The rooming list of batch ${batch.reference} is frozen for the organiser from ${frozenFrom}, ${base.rosterCutoffDays} days before arrival; ask ${base.name}'s operator to make the change`,
      { frozenFrom },
    );
  }

  private toRow(tx: TxContext, batch: Batch, p: CheckedParticipant) {
    const now = nowToTheSecond();
    return {
      batchId: batch.id,
      name: p.name,
      gender: p.gender,
      documentType: p.documentType,
      idNumberCipher: this.cipher.encrypt('idNumber', p.idNumber),
      idNumberHash: this.checks.personKey(p),
      idNumberMasked: p.idNumberMasked,
      phoneCipher: this.cipher.encrypt('phone', p.phone),
      phoneMasked: p.phoneMasked,
      employer: p.employer,
      category: p.category,
      dietaryNeeds: p.dietaryNeeds,
      room: p.room,
      createdById: tx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    };
  }

  private async insert(tx: TxContext, batch: Batch, people: CheckedParticipant[], readBack: boolean): Promise<Participant[]> {
    const rows = people.map((p) => this.toRow(tx, batch, p));
    try {
      for (const part of chunks(rows, INSERT_CHUNK)) {
        await tx.em.createQueryBuilder().insert().into(Participant).values(part).updateEntity(false).execute();
      }
    } catch (error) {
      // The batch row is locked, so only a concurrent edit that slipped past it lands here.
      if (isUniqueViolation(error)) throw DomainException.conflict('Someone changed this rooming list at the same time; nothing was saved. Try again.');
      throw error;
    }
    if (!readBack) return [];
    const hashes = rows.map((r) => r.idNumberHash);
    const saved: Participant[] = [];
    for (const part of chunks(hashes, LOOKUP_CHUNK)) saved.push(...(await tx.em.find(Participant, { where: { batchId: batch.id, idNumberHash: In(part) } })));
    const order = new Map(hashes.map((h, i) => [h, i]));
    return saved.sort((a, b) => order.get(a.idNumberHash)! - order.get(b.idNumberHash)!);
  }
}
