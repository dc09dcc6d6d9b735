import { Injectable } from '@nestjs/common';
import { UnionPolicyService } from '@app/base';
import { type Batch, BatchQueryService, batchScope, canSee } from '@app/booking';
import { addDays, DomainException, type RequestContext, todayInShanghai, TransactionRunner, type TxContext } from '@app/shared';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { chunks, LOOKUP_CHUNK } from './chunks.js';
import { type ListNaming, type ListProblem, movedListNaming } from './list-problem.js';
import { checkParticipant, type CheckedParticipant, type ParticipantFields } from './participant-check.js';
import { Participant } from './participant.entity.js';

/** How a file meets the list: `replace` makes it the list, `append` adds it. */
export type ImportMode = 'replace' | 'append';

/** Days of a stay from arrival to departure, both included, per calendar year: a stay over New Year counts in each. */
export function daysPerYear(startDate: string, endDate: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let day = startDate; day <= endDate; day = addDays(day, 1)) out.set(day.slice(0, 4), (out.get(day.slice(0, 4)) ?? 0) + 1);
  return out;
}

/**
 * Checking a rooming list: each entry's documents and fields, room under the headcount, the same
 * person twice (within the list, on this batch, on another batch whose nights overlap) and the
 * union's yearly days per person. Every problem of a list is found, not just the first.
 */
@Injectable()
export class RosterCheckService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly batches: BatchQueryService,
    private readonly policies: UnionPolicyService,
  ) {}

  /** The same person on any list: document type and number under the data key. */
  personKey(p: Pick<CheckedParticipant, 'documentType' | 'idNumber'>): string {
    return this.cipher.hash('document', `${p.documentType}:${p.idNumber}`);
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

  /** BAD_USER_INPUT on `field` when `total` people would not fit the batch's headcount, `existing` of them already on its list; null when they fit. */
  roomProblem(batch: Batch, total: number, existing: number, field = 'participants', mode: ImportMode = 'append'): DomainException | null {
    if (total <= batch.headcount) return null;
    const adding = total - existing;
    const message =
      mode === 'replace'
        ? `The file lists ${total} people and batch ${batch.reference} is for ${batch.headcount}. Raise the headcount first (changeHeadcount) or send fewer.`
        : `Batch ${batch.reference} is for ${batch.headcount} people and ${existing} are on its list: ${adding} more would make ${total}. Raise the headcount first (changeHeadcount) or send fewer.`;
    return DomainException.badInput(field, message, { headcount: batch.headcount, participantCount: existing });
  }

  /**
   * People listed twice: within the new list, already on this batch (when appending), or on another
   * batch whose nights overlap. Found by keyed hash; another batch is named only to those who may see it.
   * The others are weighed against the union's yearly days too (problems with a `rule`; see `refusal`).
   */
  async duplicates(tx: TxContext, batch: Batch, people: Array<{ index: number; value: CheckedParticipant }>, mode: ImportMode, exceptId?: number): Promise<ListProblem[]> {
    const problems: ListProblem[] = [];
    const firstIndex = new Map<string, number>();
    const keyed = people.map((p) => ({ ...p, key: this.personKey(p.value) }));
    for (const p of keyed) {
      const earlier = firstIndex.get(p.key);
      if (earlier !== undefined) problems.push({ index: p.index, field: 'idNumber', message: 'the same person as an earlier entry', sameAs: earlier });
      else firstIndex.set(p.key, p.index);
    }
    const found = await this.listedAnywhere(tx, [...firstIndex.keys()]);
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
    // Someone who did not arrive on a stay that went ahead used none of its days; someone already
    // refused for being booked twice is not weighed again.
    const refused = new Set(problems.map((p) => p.index));
    const weighed = new Map([...firstIndex].filter(([, index]) => !refused.has(index)));
    problems.push(
      ...(await this.yearlyDays(
        tx,
        batch,
        weighed,
        found.filter((f) => f.batchId !== batch.id && f.id !== exceptId && f.arrived !== false),
      )),
    );
    return problems.sort((a, b) => a.index - b.index);
  }

  /**
   * The list of `moved` (a batch as it would be after a move) on its new nights: nobody on it may be
   * on another batch whose nights overlap them (BAD_USER_INPUT on startDate, every such entry in
   * extensions.problems by its index in the list, in the order it was made) nor go past the union's
   * yearly days (POLICY_VIOLATION), the same checks as adding them.
   */
  async checkMovedList(tx: TxContext, moved: Batch): Promise<void> {
    const listed = await tx.em.find(Participant, { select: { id: true, idNumberHash: true }, where: { batchId: moved.id }, order: { id: 'ASC' } });
    if (!listed.length) return;
    const indexOf = new Map(listed.map((p, index) => [p.idNumberHash, index]));
    const elsewhere = (await this.listedAnywhere(tx, [...indexOf.keys()])).filter((f) => f.batchId !== moved.id);
    const overlapping = elsewhere.length ? await this.batches.overlapping(tx, moved, [...new Set(elsewhere.map((f) => f.batchId))]) : [];
    const scope = batchScope(tx);
    const problems: ListProblem[] = [];
    for (const f of elsewhere) {
      const other = overlapping.find((b) => b.id === f.batchId);
      if (!other) continue;
      const where = canSee(scope, other) ? `batch ${other.reference} (${other.startDate} → ${other.endDate})` : 'another batch';
      problems.push({ index: indexOf.get(f.idNumberHash)!, field: 'idNumber', message: `already booked on ${where}, whose nights overlap the new dates` });
    }
    const overlapped = new Set(problems.map((p) => p.index));
    const weighed = new Map([...indexOf].filter(([, index]) => !overlapped.has(index)));
    problems.push(
      ...(await this.yearlyDays(
        tx,
        moved,
        weighed,
        elsewhere.filter((f) => f.arrived !== false),
      )),
    );
    if (problems.length) throw this.refusal(problems, movedListNaming(moved.reference));
  }

  /** Every list entry of these people (by keyed hash), on any batch. */
  private async listedAnywhere(tx: TxContext, keys: string[]): Promise<Array<Pick<Participant, 'id' | 'batchId' | 'idNumberHash' | 'arrived'>>> {
    const found: Array<Pick<Participant, 'id' | 'batchId' | 'idNumberHash' | 'arrived'>> = [];
    for (const part of chunks(keys, LOOKUP_CHUNK)) {
      // FOR UPDATE on MySQL: the next-key locks on idx_participant_person also cover hashes not yet
      // there, so two lists taking the same person at once cannot both pass this check; the loser
      // deadlocks, is re-run by the TransactionRunner, and then sees the winner's row.
      const query = tx.em.createQueryBuilder(Participant, 'p').select(['p.id', 'p.batchId', 'p.idNumberHash', 'p.arrived']).where('p.idNumberHash IN (:...part)', { part });
      found.push(...(await this.db.forUpdate(query).getMany()));
    }
    return found;
  }

  /**
   * The error that refuses a list with `problems`. Yearly days alone keep their POLICY_VIOLATION (the
   * entries are right; the union's rule refuses some people); beside any other problem, or a problem
   * of the whole list, they are entries of the list's one BAD_USER_INPUT (each with its `rule`), so
   * one answer shows everything to fix.
   */
  refusal(problems: ListProblem[], naming: ListNaming, listProblem: DomainException | null = null): DomainException {
    const sorted = [...problems].sort((a, b) => a.index - b.index);
    const rule = sorted[0]?.rule;
    if (listProblem || !rule || sorted.some((p) => p.rule?.name !== rule.name)) return naming.refuse(sorted, listProblem);
    return naming.refusePolicy(rule, sorted);
  }

  /**
   * The union's yearly maximum of days per person (the policy in force when the batch was requested),
   * across every batch the person is on that has not been cancelled, rejected or expired — found by
   * the keyed hash, never by decrypting. A stay's days are counted in the calendar year they fall in.
   * One problem per person over it, naming the other batches only where the caller may see them; two
   * queries whatever the list's length.
   */
  private async yearlyDays(tx: RequestContext, batch: Batch, indexOf: Map<string, number>, elsewhere: Array<Pick<Participant, 'batchId' | 'idNumberHash'>>): Promise<ListProblem[]> {
    if (!elsewhere.length || !indexOf.size) return [];
    const policy = await this.policies.forBatch(tx, batch);
    const others = new Map((await this.batches.countingDays(tx, [...new Set(elsewhere.map((f) => f.batchId))])).map((b) => [b.id, b]));
    const scope = batchScope(tx);
    const mine = daysPerYear(batch.startDate, batch.endDate);
    const violations: ListProblem[] = [];
    for (const [hash, index] of indexOf) {
      const theirs = elsewhere
        .filter((f) => f.idNumberHash === hash)
        .map((f) => others.get(f.batchId))
        .filter((b): b is Batch => !!b);
      if (!theirs.length) continue;
      for (const [year, days] of mine) {
        const counted = theirs.map((b) => ({ b, days: daysPerYear(b.startDate, b.endDate).get(year) ?? 0 })).filter((x) => x.days > 0);
        const total = days + counted.reduce((s, x) => s + x.days, 0);
        if (total <= policy.maxDaysPerYear) continue;
        const named = counted.filter((x) => canSee(scope, x.b)).map((x) => `${x.b.reference} (${x.days} days)`);
        const hidden = counted.filter((x) => !canSee(scope, x.b));
        const hiddenDays = hidden.reduce((sum, x) => sum + x.days, 0);
        const where = [...named, ...(hidden.length ? [`${hidden.length} other batch${hidden.length === 1 ? '' : 'es'} (${hiddenDays} days)`] : [])].join(', ');
        violations.push({
          index,
          field: 'idNumber',
          message: `would have ${total} days of stays in ${year} (this batch ${days}, ${where}); the union's policy allows ${policy.maxDaysPerYear} per person per year`,
          rule: { name: 'maxDaysPerYear', limit: policy.maxDaysPerYear },
        });
        break;
      }
    }
    return violations;
  }
}
