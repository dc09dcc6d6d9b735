import { Clock } from '@app/shared';
import { person, ADD_PARTICIPANTS } from './people.js';
import type { TestApp } from './test-app.js';
import { REQUEST_BATCH } from './world.js';

let nextPerson = 500_000;

/** A batch taken through the lifecycle to `until` by the right people, as the API allows it. */
export async function stay(
  t: TestApp,
  who: { organiser: string; operator: string },
  input: { packageId: number; startDate: string; headcount: number; agreementId?: number; unionId?: number },
  until: 'REQUESTED' | 'CONFIRMED' | 'CHECKED_IN' | 'COMPLETED',
): Promise<{ id: number; reference: string; pricePerPerson: string; headcount: number }> {
  const batch = (await t.ok(REQUEST_BATCH, { i: input }, who.organiser)).requestBatch;
  if (until === 'REQUESTED') return batch;
  await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: batch.id }, who.operator);
  if (until === 'CONFIRMED') return batch;
  const people = Array.from({ length: input.headcount }, () => person(nextPerson++));
  await t.ok(ADD_PARTICIPANTS, { b: batch.id, p: people }, who.operator);
  await readyForCheckIn(t, batch.id, who.organiser, who.operator);
  await t.ok('mutation($id:Int!){checkInBatch(id:$id){id}}', { id: batch.id }, who.operator);
  if (until === 'CHECKED_IN') return batch;
  await completeBatch(t, batch.id, who.operator);
  return batch;
}

const moved = new WeakMap<Clock, { day: string; users: number }>();

/**
 * Runs `work` with the app's clock at 10:00 in Shanghai on `day`, then puts the clock back; calls
 * running at once may share a day (they take turns putting it back), not ask for different ones.
 */
export async function onDay<T>(t: TestApp, day: string, work: () => Promise<T>): Promise<T> {
  const clock = t.get(Clock);
  const current = moved.get(clock);
  if (current && current.day !== day) throw new Error(`The clock is already moved to ${current.day} by a concurrent call; cannot move it to ${day}`);
  if (current) current.users++;
  else {
    moved.set(clock, { day, users: 1 });
    clock.now = () => new Date(`${day}T02:00:00Z`);
  }
  try {
    return await work();
  } finally {
    const entry = moved.get(clock)!;
    if (--entry.users === 0) {
      moved.delete(clock);
      delete (clock as Partial<Clock>).now;
    }
  }
}

/** Completes a checked-in batch on its morning of departure (not before: the last night is slept first). */
export async function completeBatch(t: TestApp, batchId: number, operator: string): Promise<{ id: number; status: string }> {
  const { batch } = await t.ok<any>('query($id:Int!){batch(id:$id){endDate}}', { id: batchId }, operator);
  return (await onDay(t, batch.endDate, () => t.ok<any>('mutation($id:Int!){completeBatch(id:$id){id status}}', { id: batchId }, operator))).completeBatch;
}

export const RECORD = 'mutation($i:RecordConsumptionInput!){recordConsumption(input:$i){id amount quantity unitPrice category occurredOn reversesEntryId}}';
export const REVERSE = 'mutation($id:Int!,$r:String!){reverseConsumption(entryId:$id,reason:$r){id amount quantity reversesEntryId reason}}';
export const ISSUE = 'mutation($b:Int!){issueBill(batchId:$b){id kind status total paid outstanding batchStartDate lines{kind description quantity unitPrice amount consumptionEntryId}}}';
export const PAY = 'mutation($i:RecordPaymentInput!){recordPayment(input:$i){id status total paid outstanding}}';

/** Yuan text ↔ fen, for exact sums in tests. */
export const fen = (yuan: string) => Math.round(Number(yuan) * 100);
export const yuan = (f: number) => `${f < 0 ? '-' : ''}${Math.floor(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, '0')}`;

export const RECORD_INSURANCE = 'mutation($i:RecordInsuranceInput!){recordInsurance(input:$i){id insurer sumInsured}}';
export const SET_TEAM_LEADER = 'mutation($p:Int!){setTeamLeader(participantId:$p){id teamLeader}}';

/** What check-in needs besides the full list: accident insurance (by the union) and a team leader (by the base on the day). */
export async function readyForCheckIn(t: TestApp, batchId: number, organiser: string, operator: string): Promise<void> {
  await t.ok(RECORD_INSURANCE, { i: { batchId, insurer: '中国人寿', policyNumber: `PL-${batchId}`, sumInsured: '1000000.00' } }, organiser);
  const { batch } = await t.ok<any>('query($id:Int!){batch(id:$id){participants{id}}}', { id: batchId }, operator);
  await t.ok(SET_TEAM_LEADER, { p: batch.participants[0].id }, operator);
}
