import { Injectable } from '@nestjs/common';
import { BaseService, UnionPolicyService } from '@app/base';
import { Batch, BatchQueryService, batchScope, BatchStatus, canSee } from '@app/booking';
import { addDays, DomainException, ErrorCode, isUniqueViolation, nowToTheSecond, may, Permission, type RequestContext, todayInShanghai, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { checkParticipant, type CheckedParticipant, type ParticipantField, type ParticipantFields } from './participant-check.js';
import { Participant } from './participant.entity.js';
import { howToReopen, RosterStatus, UNDER_APPROVAL } from '../roster-workflow/roster-status.js';
import { Roster } from '../roster-workflow/roster.entity.js';

/** A batch locked for a change of its list, with where its list stands. */
type ListedBatch = Batch & { rosterStatus: RosterStatus };

/** A problem with the index-th participant of a list (an input array or a file's rows). */
export interface ListProblem {
  index: number;
  field: ParticipantField | null;
  message: string;
  /** Where in a file, when the problem was found while reading it. */
  at?: { row: number; column: string };
  /** For "the same person as …": the index of the earlier entry, which each edge names its own way. */
  sameAs?: number;
}

/** Raised with every problem of a list at once; the edge (GraphQL or file upload) names them its own way. */
export class ListProblems extends Error {
  constructor(
    readonly problems: ListProblem[],
    /** A problem of the whole list (too many people), reported beside the entries' own. */
    readonly listProblem: DomainException | null = null,
  ) {
    super(`${problems.length} problems`);
  }
}

export type ImportMode = 'replace' | 'append';

/** Days of a stay from arrival to departure, both included, per calendar year: a stay over New Year counts in each. */
export function daysPerYear(startDate: string, endDate: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let day = startDate; day <= endDate; day = addDays(day, 1)) out.set(day.slice(0, 4), (out.get(day.slice(0, 4)) ?? 0) + 1);
  return out;
}

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
const INSERT_CHUNK = 200;
const LOOKUP_CHUNK = 500;
export const MAX_ADD = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rooming list of a batch: who goes, validated, deduplicated, encrypted. */
@Injectable()
export class ParticipantService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly batches: BatchQueryService,
    private readonly bases: BaseService,
    private readonly policies: UnionPolicyService,
  ) {}

  /** The same person on any list: document type and number under the data key. */
  personKey(p: Pick<CheckedParticipant, 'documentType' | 'idNumber'>): string {
    return this.cipher.hash('document', `${p.documentType}:${p.idNumber}`);
  }

  /** The list of a batch the caller can see, in the order people were added; batched per request. */
  list(ctx: RequestContext, batchId: number): Promise<Participant[]> {
    return ctx.loadGroup('participants', batchId, (ids) => this.db.read(ctx, (em) => em.find(Participant, { where: { batchId: In(ids) }, order: { id: 'ASC' } })), (p) => p.batchId);
  }

  count(ctx: RequestContext, batchId: number): Promise<number> {
    return ctx
      .loader<number, number>('participantCount', async (ids) => {
        const rows = await this.db.read(ctx, (em) =>
          em.createQueryBuilder(Participant, 'p').select('p.batchId', 'batchId').addSelect('COUNT(*)', 'n').where('p.batchId IN (:...ids)', { ids: [...ids] }).groupBy('p.batchId').getRawMany<{ batchId: number; n: string | number }>(),
        );
        return ids.map((id) => Number(rows.find((r) => Number(r.batchId) === id)?.n ?? 0));
      })
      .load(batchId);
  }

  /** Checks a list of participants without the database; every problem, by index. */
  check(inputs: ParticipantFields[]): { valid: Array<{ index: number; value: CheckedParticipant }>; problems: ListProblem[] } {
    const today = todayInShanghai();
    const valid: Array<{ index: number; value: CheckedParticipant }> = [];
    const problems: ListProblem[] = [];
    inputs.forEach((input, index) => {
      const { value, problems: found } = checkParticipant(input, today);
      if (value) valid.push({ index, value });
      for (const p of found) problems.push({ index, ...p });
    });
    return { valid, problems };
  }

  /** Adds people to a batch's list: all of them, or none and every problem. */
  async add(ctx: RequestContext, batchId: number, inputs: ParticipantFields[]): Promise<Participant[]> {
    if (inputs.length === 0) throw DomainException.badInput('participants', 'Give at least one participant');
    if (inputs.length > MAX_ADD) throw DomainException.badInput('participants', `At most ${MAX_ADD} participants per call; upload a spreadsheet for more`);
    const { valid, problems } = this.check(inputs);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.lockEditable(tx, batchId);
      refuseUnposted(batch);
      const existing = await this.countInTransaction(tx, batch.id);
      this.checkRoom(batch, existing + inputs.length, existing);
      problems.push(...(await this.duplicates(tx, batch, valid, 'append')));
      if (problems.length) throw new ListProblems(problems);
      return this.insert(tx, batch, valid.map((v) => v.value), true);
    });
  }

  /**
   * Loads a whole file: `replace` makes the file the list, `append` adds it. The file's rows are
   * checked first; nothing is written unless every row is right.
   */
  async import(ctx: RequestContext, batchId: number, inputs: ParticipantFields[], mode: ImportMode, earlier: ListProblem[] = []): Promise<{ batch: Batch; imported: number; participantCount: number }> {
    const { valid, problems } = this.check(inputs);
    problems.push(...earlier);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.lockEditable(tx, batchId);
      refuseUnposted(batch);
      const existing = mode === 'append' ? await this.countInTransaction(tx, batch.id) : 0;
      let tooMany: DomainException | null = null;
      try {
        this.checkRoom(batch, existing + inputs.length, existing, 'file', mode);
      } catch (error) {
        if (!(error instanceof DomainException) || !problems.length) throw error;
        tooMany = error;
      }
      problems.push(...(await this.duplicates(tx, batch, valid, mode)));
      if (problems.length) throw new ListProblems(problems, tooMany);
      if (mode === 'replace') await tx.em!.delete(Participant, { batchId: batch.id });
      await this.insert(tx, batch, valid.map((v) => v.value), false);
      return { batch, imported: valid.length, participantCount: existing + valid.length };
    });
  }

  async update(ctx: RequestContext, id: number, changes: ParticipantFields): Promise<Participant> {
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.getVisibleOrThrow(tx, id);
      const batch = await this.lockEditable(tx, current.batchId, 'id');
      if (batch.rosterStatus === RosterStatus.CLEARED) {
        // A field sent again unchanged (a form that sends the whole record) is no change.
        const now = (k: ParticipantField) => (k === 'idNumber' ? this.cipher.decrypt('idNumber', current.idNumberCipher) : current[k as keyof Participant]);
        const same = (k: ParticipantField) => String(changes[k] ?? '').trim().toUpperCase() === String(now(k) ?? '').trim().toUpperCase();
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
      const { value, problems } = checkParticipant(merged, todayInShanghai());
      if (!value) throw new ListProblems(problems.map((p) => ({ index: 0, ...p })));
      const duplicates = await this.duplicates(tx, batch, [{ index: 0, value }], 'append', current.id);
      if (duplicates.length) throw new ListProblems(duplicates);
      const row = this.toRow(tx, batch, value);
      delete (row as Partial<typeof row>).createdAt;
      delete (row as Partial<typeof row>).createdById;
      await tx.em!.update(Participant, { id }, row);
      return { ...current, ...row };
    });
  }

  /**
   * At check-in: who of the (complete) list arrived — all of them when `ids` is null. Each id must be
   * on the batch's list, once; at least one person arrives. Returns how many did. In the check-in's
   * transaction, with the batch row locked.
   */
  async markArrivals(tx: RequestContext, batch: Batch, ids: number[] | null): Promise<number> {
    const em = tx.em!;
    const listed = await em.find(Participant, { select: { id: true }, where: { batchId: batch.id } });
    const onList = new Set(listed.map((p) => p.id));
    const arrived = ids ?? [...onList];
    if (!arrived.length) throw DomainException.badInput('arrivedParticipantIds', 'Name at least one participant who arrived; a batch nobody came to is cancelled, not checked in');
    if (new Set(arrived).size !== arrived.length) throw DomainException.badInput('arrivedParticipantIds', 'arrivedParticipantIds names a participant twice');
    const stranger = arrived.find((id) => !onList.has(id));
    if (stranger !== undefined) throw DomainException.badInput('arrivedParticipantIds', `Participant ${stranger} is not on the list of batch ${batch.reference}`, { participantId: stranger });
    const leader = await em.findOne(Participant, { select: { id: true, name: true }, where: { batchId: batch.id, teamLeader: true } });
    if (leader && !arrived.includes(leader.id)) {
      throw new DomainException(ErrorCode.INVALID_TRANSITION, `The team leader (领队) of batch ${batch.reference}, participant ${leader.id}, is not among the arrivals; make someone who arrived the team leader (setTeamLeader) before check-in`, {
        // Called once the move is planned: the batch came from CONFIRMED, the only state check-in leaves.
        from: BatchStatus.CONFIRMED,
        to: BatchStatus.CHECKED_IN,
        missing: [{ what: 'a team leader (领队) among the arrivals' }],
        field: 'arrivedParticipantIds',
      });
    }
    await em.update(Participant, { batchId: batch.id }, { arrived: false });
    for (const part of chunks(arrived, LOOKUP_CHUNK)) await em.update(Participant, { id: In(part) }, { arrived: true });
    return arrived.length;
  }

  /**
   * The arrival day of each person's latest earlier stay that went ahead (another batch checked in,
   * completed or settled, and they arrived), found by the keyed hash; null for someone who never went.
   * Batched per request.
   */
  async lastStayDate(ctx: RequestContext, participant: Participant): Promise<string | null> {
    const stays = await ctx.loadGroup(
      'staysOfPerson',
      participant.id,
      async (ids) => {
        const rows = await this.db.read(ctx, (em) =>
          em
            .createQueryBuilder(Participant, 'me')
            .innerJoin(Batch, 'mine', 'mine.id = me.batchId')
            .innerJoin(Participant, 'other', 'other.idNumberHash = me.idNumberHash AND other.batchId <> me.batchId')
            .innerJoin(Batch, 'b', 'b.id = other.batchId')
            .select('me.id', 'participantId')
            .addSelect('MAX(b.startDate)', 'lastStay')
            .where('me.id IN (:...ids)', { ids })
            .andWhere('b.status IN (:...went) AND b.startDate < mine.startDate', { went: [BatchStatus.CHECKED_IN, BatchStatus.COMPLETED, BatchStatus.SETTLED] })
            .andWhere('(other.arrived IS NULL OR other.arrived = :yes)', { yes: true })
            .groupBy('me.id')
            .getRawMany<{ participantId: number; lastStay: string }>(),
        );
        return rows.map((r) => ({ participantId: Number(r.participantId), lastStay: String(r.lastStay).slice(0, 10) }));
      },
      (r) => r.participantId,
    );
    return stays[0]?.lastStay ?? null;
  }

  /**
   * A union's coverage: distinct people (by keyed hash) who went on a stay with it in the five years
   * up to today, against its member count (the national goal: every worker once in five years).
   */
  async peopleWithStay(ctx: RequestContext, unionId: number, since: string): Promise<number> {
    const row = await this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(Participant, 'p')
        .innerJoin(Batch, 'b', 'b.id = p.batchId')
        .select('COUNT(DISTINCT p.idNumberHash)', 'people')
        .where('b.unionId = :unionId AND b.startDate >= :since AND b.status IN (:...went)', { unionId, since, went: [BatchStatus.CHECKED_IN, BatchStatus.COMPLETED, BatchStatus.SETTLED] })
        .andWhere('(p.arrived IS NULL OR p.arrived = :yes)', { yes: true })
        .getRawOne<{ people: string | number }>(),
    );
    return Number(row?.people ?? 0);
  }

  /** Makes one person the batch's team leader (领队), the only one; by whoever may edit the list. */
  async setTeamLeader(ctx: RequestContext, id: number): Promise<Participant> {
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.getVisibleOrThrow(tx, id);
      await this.lockEditable(tx, current.batchId, 'id', false);
      await tx.em!.update(Participant, { batchId: current.batchId }, { teamLeader: false });
      await tx.em!.update(Participant, { id }, { teamLeader: true });
      return { ...current, teamLeader: true };
    });
  }

  /** Who of a checked-in list arrived (everyone on a list from before arrivals were recorded), with their keyed hash; in the caller's transaction. */
  async arrivedInTransaction(tx: RequestContext, batchId: number): Promise<Array<Pick<Participant, 'id' | 'idNumberHash'>>> {
    const rows = await tx.em!.find(Participant, { select: { id: true, idNumberHash: true, arrived: true }, where: { batchId }, order: { id: 'ASC' } });
    return rows.filter((p) => p.arrived !== false).map((p) => ({ id: p.id, idNumberHash: p.idNumberHash }));
  }

  async hasTeamLeader(tx: RequestContext, batchId: number): Promise<boolean> {
    return (await tx.em!.countBy(Participant, { batchId, teamLeader: true })) > 0;
  }

  /** Takes a person off the list; answers the batch, whose count has changed. */
  async remove(ctx: RequestContext, id: number): Promise<Batch> {
    return this.db.transaction(ctx, async (tx) => {
      const current = await this.getVisibleOrThrow(tx, id);
      const batch = await this.lockEditable(tx, current.batchId, 'id');
      if (batch.rosterStatus === RosterStatus.CLEARED) {
        throw new DomainException(
          ErrorCode.INVALID_TRANSITION,
          `The rooming list of batch ${batch.reference} cleared public notice as it stands: someone who cannot come stays on it and is left out of the arrivals at check-in (checkInBatch arrivedParticipantIds)`,
          { field: 'id', status: batch.status, rosterStatus: batch.rosterStatus },
        );
      }
      await tx.em!.delete(Participant, { id });
      return batch;
    });
  }

  /** A participant whose batch the caller can see; NOT_FOUND otherwise. */
  async getVisibleOrThrow(ctx: RequestContext, id: number): Promise<Participant> {
    const participant = await this.db.read(ctx, (em) => em.findOneBy(Participant, { id }));
    if (!participant || !(await this.batches.loadVisible(ctx, participant.batchId))) throw DomainException.notFound('Participant', id, 'id');
    return participant;
  }

  /** For the rooming-list check at check-in and the headcount guard; inside the caller's transaction. */
  countInTransaction(tx: RequestContext, batchId: number): Promise<number> {
    return tx.em!.countBy(Participant, { batchId });
  }

  /**
   * Locks the batch (so two edits of one list take turns) and checks that the caller may change its
   * list now: its organiser while the list is a DRAFT and before the cutoff, its base's operator
   * while the batch is REQUESTED or CONFIRMED — but nobody while the union approves or posts the
   * list (SUBMITTED, APPROVED, PUBLISHED): what is posted is what was approved. `who: false` is for
   * changes that leave who goes alone (the team leader), which the union's process does not freeze.
   */
  private async lockEditable(tx: RequestContext, batchId: number, field = 'batchId', who = true): Promise<ListedBatch> {
    let batch: ListedBatch;
    try {
      const locked = await this.batches.lockVisibleOrThrow(tx, batchId);
      const roster = await tx.em!.findOneBy(Roster, { batchId });
      batch = { ...locked, rosterStatus: roster?.status ?? RosterStatus.DRAFT };
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.NOT_FOUND && field !== 'id') throw DomainException.notFound('Batch', batchId, field);
      throw error;
    }
    // The system (demo seeding) acts as the organiser would.
    if (!may(tx, Permission.EditRoster, batch)) {
      throw DomainException.forbidden("Only the batch's organiser and its base's operator change its rooming list");
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
      const base = await this.bases.getOrThrow(tx, batch.baseId);
      const frozenFrom = addDays(batch.startDate, -base.rosterCutoffDays);
      if (todayInShanghai() >= frozenFrom) {
        throw DomainException.forbidden(
          `The rooming list of batch ${batch.reference} is frozen for the organiser from ${frozenFrom}, ${base.rosterCutoffDays} days before arrival; ask ${base.name}'s operator to make the change`,
          { frozenFrom },
        );
      }
    }
    return batch;
  }

  private checkRoom(batch: Batch, total: number, existing: number, field = 'participants', mode: ImportMode = 'append'): void {
    if (total > batch.headcount) {
      const adding = total - existing;
      const message =
        mode === 'replace'
          ? `The file lists ${total} people and batch ${batch.reference} is for ${batch.headcount}. Raise the headcount first (changeHeadcount) or send fewer.`
          : `Batch ${batch.reference} is for ${batch.headcount} people and ${existing} are on its list: ${adding} more would make ${total}. Raise the headcount first (changeHeadcount) or send fewer.`;
      throw DomainException.badInput(field, message, { headcount: batch.headcount, participantCount: existing });
    }
  }

  /**
   * People listed twice: within the new list, already on this batch (when appending), or on another
   * batch whose nights overlap. Found by keyed hash; another batch is named only to those who may see it.
   */
  private async duplicates(tx: RequestContext, batch: Batch, people: Array<{ index: number; value: CheckedParticipant }>, mode: ImportMode, exceptId?: number): Promise<ListProblem[]> {
    const problems: ListProblem[] = [];
    const firstIndex = new Map<string, number>();
    const keyed = people.map((p) => ({ ...p, key: this.personKey(p.value) }));
    for (const p of keyed) {
      const earlier = firstIndex.get(p.key);
      if (earlier !== undefined) problems.push({ index: p.index, field: 'idNumber', message: 'the same person as an earlier entry', sameAs: earlier });
      else firstIndex.set(p.key, p.index);
    }
    const keys = [...firstIndex.keys()];
    const found: Array<Pick<Participant, 'id' | 'batchId' | 'idNumberHash' | 'arrived'>> = [];
    for (const part of chunks(keys, LOOKUP_CHUNK)) {
      // FOR UPDATE on MySQL: the next-key locks on idx_participant_person also cover hashes not yet
      // there, so two lists taking the same person at once cannot both pass this check; the loser
      // deadlocks, is re-run by the TransactionRunner, and then sees the winner's row.
      const query = tx.em!.createQueryBuilder(Participant, 'p').select(['p.id', 'p.batchId', 'p.idNumberHash', 'p.arrived']).where('p.idNumberHash IN (:...part)', { part });
      found.push(...(await this.db.forUpdate(query).getMany()));
    }
    const elsewhere = found.filter((f) => f.batchId !== batch.id);
    const overlapping = elsewhere.length ? await this.batches.overlapping(tx, batch, [...new Set(elsewhere.map((f) => f.batchId))]) : [];
    const scope = batchScope(tx);
    for (const f of found) {
      if (f.id === exceptId) continue;
      const index = firstIndex.get(f.idNumberHash)!;
      if (f.batchId === batch.id) {
        if (mode === 'append') problems.push({ index, field: 'idNumber', message: `already on the list of batch ${batch.reference}` });
        continue;
      }
      const other = overlapping.find((b) => b.id === f.batchId);
      if (!other) continue;
      problems.push({
        index,
        field: 'idNumber',
        message: canSee(scope, other) ? `already booked on batch ${other.reference} (${other.startDate} → ${other.endDate}), whose nights overlap` : 'already booked on another batch on these nights',
      });
    }
    // Someone who did not arrive on a stay that went ahead used none of its days.
    if (!problems.length) await this.checkYearlyDays(tx, batch, firstIndex, found.filter((f) => f.batchId !== batch.id && f.id !== exceptId && f.arrived !== false), exceptId !== undefined);
    return problems.sort((a, b) => a.index - b.index);
  }

  /**
   * The union's yearly maximum of days per person (the policy in force when the batch was requested),
   * across every batch the person is on that has not been cancelled, rejected or expired — found by
   * the keyed hash, never by decrypting. A stay's days are counted in the calendar year they fall in.
   * POLICY_VIOLATION names the other batches only where the caller may see them.
   */
  private async checkYearlyDays(tx: RequestContext, batch: Batch, indexOf: Map<string, number>, elsewhere: Array<Pick<Participant, 'batchId' | 'idNumberHash'>>, onePerson = false): Promise<void> {
    if (!elsewhere.length) return;
    const policy = await this.policies.forBatch(tx, batch);
    const others = new Map((await this.batches.countingDays(tx, [...new Set(elsewhere.map((f) => f.batchId))])).map((b) => [b.id, b]));
    const scope = batchScope(tx);
    const mine = daysPerYear(batch.startDate, batch.endDate);
    const violations: ListProblem[] = [];
    for (const [hash, index] of indexOf) {
      const theirs = elsewhere.filter((f) => f.idNumberHash === hash).map((f) => others.get(f.batchId)).filter((b): b is Batch => !!b);
      if (!theirs.length) continue;
      for (const [year, days] of mine) {
        const counted = theirs.map((b) => ({ b, days: daysPerYear(b.startDate, b.endDate).get(year) ?? 0 })).filter((x) => x.days > 0);
        const total = days + counted.reduce((s, x) => s + x.days, 0);
        if (total <= policy.maxDaysPerYear) continue;
        const named = counted.filter((x) => canSee(scope, x.b)).map((x) => `${x.b.reference} (${x.days} days)`);
        const hidden = counted.filter((x) => !canSee(scope, x.b));
        const hiddenDays = hidden.reduce((sum, x) => sum + x.days, 0);
        const where = [...named, ...(hidden.length ? [`${hidden.length} other batch${hidden.length === 1 ? '' : 'es'} (${hiddenDays} days)`] : [])].join(', ');
        violations.push({ index, field: 'idNumber', message: `would have ${total} days of stays in ${year} (this batch ${days}, ${where}); the union's policy allows ${policy.maxDaysPerYear} per person per year` });
        break;
      }
    }
    if (violations.length) {
      violations.sort((a, b) => a.index - b.index);
      const who = onePerson ? 'This person' : `${violations.length === 1 ? 'Participant' : `${violations.length} participants, the first`} at index ${violations[0].index}`;
      throw DomainException.policyViolation('maxDaysPerYear', `${who} ${violations[0].message}`, {
        field: 'idNumber',
        maxDaysPerYear: policy.maxDaysPerYear,
        problems: violations.map((v) => ({ index: v.index, field: v.field, message: v.message })),
      });
    }
  }

  private toRow(tx: RequestContext, batch: Batch, p: CheckedParticipant) {
    const now = nowToTheSecond();
    return {
      batchId: batch.id,
      name: p.name,
      gender: p.gender,
      documentType: p.documentType,
      idNumberCipher: this.cipher.encrypt('idNumber', p.idNumber),
      idNumberHash: this.personKey(p),
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

  private async insert(tx: RequestContext, batch: Batch, people: CheckedParticipant[], readBack: boolean): Promise<Participant[]> {
    const rows = people.map((p) => this.toRow(tx, batch, p));
    try {
      for (const part of chunks(rows, INSERT_CHUNK)) {
        await tx.em!.createQueryBuilder().insert().into(Participant).values(part).updateEntity(false).execute();
      }
    } catch (error) {
      // The batch row is locked, so only a concurrent edit that slipped past it lands here.
      if (isUniqueViolation(error)) throw DomainException.conflict('Someone changed this rooming list at the same time; nothing was saved. Try again.');
      throw error;
    }
    if (!readBack) return [];
    const hashes = rows.map((r) => r.idNumberHash);
    const saved: Participant[] = [];
    for (const part of chunks(hashes, LOOKUP_CHUNK)) saved.push(...(await tx.em!.find(Participant, { where: { batchId: batch.id, idNumberHash: In(part) } })));
    const order = new Map(hashes.map((h, i) => [h, i]));
    return saved.sort((a, b) => order.get(a.idNumberHash)! - order.get(b.idNumberHash)!);
  }
}
