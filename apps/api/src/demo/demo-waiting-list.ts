import type { CapacityCalendarService } from '@app/base';
import type { BatchLifecycleService, BatchRequestService, WaitingListOfferService, WaitingListService } from '@app/booking';
import { type Actor, addDays, RequestContext, todayInShanghai } from '@app/shared';

export interface DemoWaitingListServices {
  capacity: CapacityCalendarService;
  requests: BatchRequestService;
  lifecycle: BatchLifecycleService;
  entries: WaitingListService;
  offers: WaitingListOfferService;
}

/**
 * A small waiting list for the README: at the operator's base, twelve weeks out, the nights are cut
 * to 40 free beds and two batches fill them; the organiser's union (entry 1, 20 people) and a 深圳
 * union (entry 2, 30 people) wait; one batch of 25 is cancelled, so entry 1 is OFFERED those beds
 * and entry 2 (too many for them) still waits. Entry 3, the organiser's again, waits for the spa
 * base's nights closed for maintenance. Loaded after the stay orders, so no id the README names moves.
 */
export async function loadDemoWaitingList(
  ctx: RequestContext,
  s: DemoWaitingListServices,
  d: { organiser: Actor; home: { baseId: number; packageId: number }; spa: { packageId: number; closedFrom: string }; unionIds: { shenzhen: number; foshan: number; huizhou: number } },
): Promise<void> {
  const today = todayInShanghai();
  const organiser = RequestContext.forActor(d.organiser, ctx.requestId);
  const start = addDays(today, 84);
  const nights = await s.capacity.calendar(ctx, d.home.baseId, start, addDays(start, 3));
  const held = Math.max(0, ...nights.map((n) => n.reservedBeds));
  await s.capacity.setCapacity(ctx, { baseId: d.home.baseId, from: start, to: addDays(start, 3), totalBeds: held + 40 });
  const leaving = await s.requests.request(ctx, { packageId: d.home.packageId, startDate: start, headcount: 25, unionId: d.unionIds.foshan, notes: '（演示）' });
  await s.requests.request(ctx, { packageId: d.home.packageId, startDate: start, headcount: 15, unionId: d.unionIds.huizhou, notes: '（演示）' });
  await s.entries.join(organiser, { packageId: d.home.packageId, startDate: start, headcount: 20, notes: '候补：一线职工疗休养（演示）' });
  await s.entries.join(ctx, { packageId: d.home.packageId, startDate: start, headcount: 30, unionId: d.unionIds.shenzhen, answerBy: addDays(today, 60), notes: '候补（演示）' });
  await s.entries.join(organiser, { packageId: d.spa.packageId, startDate: addDays(d.spa.closedFrom, 1), headcount: 20, notes: '等基地检修结束（演示）' });
  await s.lifecycle.cancel(ctx, leaving.id, '行程调整（演示）');
  await s.offers.offerWaiting(new Date());
}
