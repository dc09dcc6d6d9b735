import { may, Permission, type RequestContext, requireAccess } from '@app/shared';
import type { StayRequest } from './stay-request.entity.js';

/**
 * How the access policy reads a stay request: the union's side (its people, its region's partner,
 * the federation) sees all of it; a base's operator sees it only if it was sent to that base, and
 * then only that base's quotes and thread — competing bases never see each other's answers.
 */
const unionTarget = (request: Pick<StayRequest, 'unionId' | 'unionRegionId'>) => ({ unionId: request.unionId, regionId: request.unionRegionId });

/** The bases of `baseIds` whose side of the request the caller sees: all for the union's side, their own for an operator. */
export function visibleBases(ctx: RequestContext, request: Pick<StayRequest, 'unionId' | 'unionRegionId'>, baseIds: readonly number[]): number[] {
  if (may(ctx, Permission.SeeStayRequest, unionTarget(request))) return [...baseIds];
  return baseIds.filter((baseId) => may(ctx, Permission.SeeStayRequest, { baseId }));
}

/** Whether the caller acts for the union on this request (replies, accepts, declines, withdraws). */
export function actsForUnion(ctx: RequestContext, request: Pick<StayRequest, 'unionId' | 'unionRegionId'>): boolean {
  return may(ctx, Permission.SendStayRequest, unionTarget(request));
}

/** FORBIDDEN unless the caller acts for the request's union (an approver sees it but does not act on it). */
export function requireUnionSide(ctx: RequestContext, request: Pick<StayRequest, 'id' | 'unionId' | 'unionRegionId'>): void {
  requireAccess(ctx, Permission.SendStayRequest, unionTarget(request), {
    message: `Only the union's organiser, its region's partner or the federation act on stay request ${request.id}`,
  });
}
