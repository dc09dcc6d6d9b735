import { type Actor, addDays, RequestContext, Role, todayInShanghai } from '@app/shared';
import type { StayAcceptanceService, StayMessageService, StayQuoteService, StayRequestService } from '@app/stay-order';

export interface DemoStayOrderServices {
  requests: StayRequestService;
  quotes: StayQuoteService;
  acceptance: StayAcceptanceService;
  messages: StayMessageService;
}

/**
 * Stays made to order for the README's walk-through: the organiser's union asks two bases (request
 * 1), the operator's base asks a question and both bases quote (quotes 1 and 2, left OPEN for the
 * reader to accept); a 深圳 union's request to the operator's base was accepted (a private package
 * and a REQUESTED batch); a 珠海 union's request waits for its first answer. Loaded last, so no id
 * the README names elsewhere moves.
 */
export async function loadDemoStayOrders(
  ctx: RequestContext,
  s: DemoStayOrderServices,
  d: { organiser: Actor; operator: Actor; baseIds: number[]; unionIds: { organisers: number; shenzhen: number; zhuhai: number } },
): Promise<void> {
  const today = todayInShanghai();
  const organiser = RequestContext.forActor(d.organiser, ctx.requestId);
  const operator = RequestContext.forActor(d.operator, ctx.requestId);
  const [home, spa, longkan] = d.baseIds;
  const programme = ['抵达，入住，欢迎座谈', '六祖故里文化参观', '温泉康养，健康讲座', '劳模经验交流会', '早餐后返程'];

  const open = await s.requests.send(organiser, {
    baseIds: [home, spa],
    earliestStart: addDays(today, 40),
    latestStart: addDays(today, 50),
    nights: 4,
    headcount: 35,
    budgetPerPerson: 2600_00,
    themes: ['劳模疗养', '康养'],
    dietNeeds: '三人清真，一人素食',
    accessibilityNeeds: '两位行动不便的老劳模，需要低楼层房间',
    notes: '希望安排一次劳模经验交流会（演示）',
    answerBy: addDays(today, 14),
  });
  await s.messages.post(operator, { requestId: open.id, text: '交流会需要会议室和投影吗？（演示）' });
  await s.messages.post(organiser, { requestId: open.id, baseId: home, text: '需要，约40人的会议室（演示）' });
  await s.quotes.send(operator, {
    requestId: open.id,
    baseId: home,
    startDate: addDays(today, 42),
    pricePerPerson: 2480_00,
    includes: '住宿（双人间）、一日三餐、景点门票、会议室、往返大巴（演示）',
    programme,
    validUntil: addDays(today, 10),
  });
  await s.quotes.send(ctx, {
    requestId: open.id,
    baseId: spa,
    startDate: addDays(today, 45),
    pricePerPerson: 2550_00,
    includes: '住宿（温泉房）、一日三餐、温泉、会议室（演示）',
    programme: ['抵达，入住', '天露山徒步', '温泉康养', '劳模经验交流会', '返程'],
    validUntil: addDays(today, 12),
  });

  const accepted = await s.requests.send(ctx, {
    unionId: d.unionIds.shenzhen,
    baseIds: [home],
    earliestStart: addDays(today, 30),
    nights: 3,
    headcount: 28,
    themes: ['红色教育'],
    notes: '党员职工红色教育（演示）',
  });
  const quote = await s.quotes.send(operator, {
    requestId: accepted.id,
    baseId: home,
    startDate: addDays(today, 30),
    pricePerPerson: 1880_00,
    includes: '住宿、一日三餐、红色教育基地讲解（演示）',
    programme: ['抵达，入住', '红色教育基地参观', '专题党课', '返程'],
    validUntil: addDays(today, 7),
  });
  await s.acceptance.accept(ctx, quote.id, null, null);

  await s.requests.send(ctx, {
    unionId: d.unionIds.zhuhai,
    baseIds: [longkan],
    earliestStart: addDays(today, 60),
    latestStart: addDays(today, 90),
    nights: 2,
    headcount: 50,
    budgetPerPerson: 1500_00,
    themes: ['康养', '错峰出行'],
    notes: '淡季出行，价格优先（演示）',
  });
}

/** The demo's accounts as actors, for acting as them while seeding. */
export const demoActor = (user: { id: number; username: string }, role: Role, home: Partial<Pick<Actor, 'baseId' | 'unionId' | 'regionId'>>): Actor => ({
  userId: user.id,
  username: user.username,
  role,
  baseId: null,
  unionId: null,
  regionId: null,
  ...home,
});
