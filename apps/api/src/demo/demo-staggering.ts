import type { BatchRequestService, BatchRescheduleService } from '@app/booking';
import { addDays, DomainException, type RequestContext } from '@app/shared';

/** A call the demo means to be refused (a closed night): it must be refused, and nothing else is expected of it. */
async function refused(what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (error instanceof DomainException) return;
    throw error;
  }
  throw new Error(`The demo's ${what} was meant to be refused, and was not`);
}

/**
 * Staggering figures to look at (statistics { staggering }): a request refused over the closed week
 * of a base, a move into that week refused, and the same batch moved to a quieter week instead.
 * Last in the demo, so no id named elsewhere shifts.
 */
export async function loadDemoStaggering(
  ctx: RequestContext,
  services: { requests: BatchRequestService; reschedule: BatchRescheduleService },
  demo: { packageId: number; unionId: number; batchId: number; closedNight: string; quietStart: string },
): Promise<void> {
  await refused('request over a closed week', () => services.requests.request(ctx, { packageId: demo.packageId, startDate: addDays(demo.closedNight, -1), headcount: 20, unionId: demo.unionId }));
  await refused('move into a closed week', () => services.reschedule.reschedule(ctx, demo.batchId, { startDate: demo.closedNight, reason: '工会申请改期（演示）' }));
  await services.reschedule.reschedule(ctx, demo.batchId, { startDate: demo.quietStart, reason: '错峰：工会同意改到淡季（演示）' });
}
