import { DomainException, type RequestContext, Role } from '@app/shared';

/** Admins manage every base, an operator only their own. */
export function assertManagesBase(ctx: RequestContext, baseId: number): void {
  const actor = ctx.requireActor();
  if (actor.role === Role.ADMIN || actor.role === 'SYSTEM') return;
  if (actor.role === Role.BASE_OPERATOR && actor.baseId === baseId) return;
  throw DomainException.forbidden(`You may only manage your own base; base ${baseId} is not yours`, { field: 'baseId' });
}
