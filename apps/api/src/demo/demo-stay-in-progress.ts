import { BatchLifecycleService, BatchRequestService } from '@app/booking';
import { InsuranceService, ParticipantEditService, type ParticipantFields } from '@app/roster';
import { type Actor, RequestContext, todayInShanghai } from '@app/shared';

/** The sum insured the demo records: the default union policy's minimum (1,000,000.00 yuan), in fen. */
const SUM_INSURED = 1_000_000_00;

/**
 * A batch that arrived today and is CHECKED_IN — with its full list, a team leader and insurance, as
 * check-in asks — so the README's consumption example has a stay to record against on any day the
 * demo is loaded. The list is the base operator's to complete this late (the organiser's is frozen
 * days before arrival), as it would be in a real deployment. Answers its id.
 */
export async function loadDemoStayInProgress(
  ctx: RequestContext,
  s: { requests: BatchRequestService; lifecycle: BatchLifecycleService; participants: ParticipantEditService; insurance: InsuranceService },
  stay: { packageId: number; unionId: number; people: ParticipantFields[]; operator: Actor },
): Promise<number> {
  const operator = RequestContext.forActor(stay.operator, ctx.requestId);
  const batch = await s.requests.request(ctx, {
    packageId: stay.packageId,
    startDate: todayInShanghai(),
    headcount: stay.people.length,
    unionId: stay.unionId,
    notes: '今日入住的演示批次 demo batch checked in today',
  });
  await s.lifecycle.confirm(ctx, batch.id);
  const [leader] = await s.participants.add(operator, batch.id, stay.people);
  await s.participants.setTeamLeader(operator, leader.id);
  await s.insurance.record(ctx, { batchId: batch.id, insurer: '中国人寿（演示）', policyNumber: `DEMO-${batch.reference}`, sumInsured: SUM_INSURED });
  await s.lifecycle.checkIn(operator, batch.id);
  return batch.id;
}
