import { DomainException, type RequestContext, Role } from '@app/shared';
import type { Batch } from './batch.entity.js';

/** What part of all batches the caller may see: everything, one union's, one base's, or none. */
export type BatchScope = { all: true } | { unionId: number } | { baseId: number } | { none: true };

export function batchScope(ctx: RequestContext): BatchScope {
  const actor = ctx.requireActor();
  switch (actor.role) {
    case Role.ADMIN:
    case 'SYSTEM':
      return { all: true };
    case Role.UNION_ORGANISER:
      return actor.unionId !== null ? { unionId: actor.unionId } : { none: true };
    case Role.BASE_OPERATOR:
      return actor.baseId !== null ? { baseId: actor.baseId } : { none: true };
    case Role.PARTNER:
      // Partners book under exchange agreements (a later issue); until then they see no batches.
      return { none: true };
  }
}

export function canSee(scope: BatchScope, batch: Pick<Batch, 'unionId' | 'baseId'>): boolean {
  if ('all' in scope) return true;
  if ('unionId' in scope) return batch.unionId === scope.unionId;
  if ('baseId' in scope) return batch.baseId === scope.baseId;
  return false;
}

/** The union a request books for: an organiser's own; an admin must name one. */
export function bookingUnion(ctx: RequestContext, requested: number | null | undefined): number {
  const actor = ctx.requireActor();
  if (actor.role === Role.UNION_ORGANISER) {
    if (requested != null && requested !== actor.unionId) {
      throw DomainException.forbidden(`You book for your own union (${actor.unionId}), not union ${requested}`, { field: 'unionId' });
    }
    return actor.unionId!;
  }
  if (actor.role === Role.ADMIN || actor.role === 'SYSTEM') {
    if (requested == null) throw DomainException.badInput('unionId', 'Say which union the batch is for (unionId)');
    return requested;
  }
  throw DomainException.forbidden(`A ${actor.role} cannot request batches`);
}
