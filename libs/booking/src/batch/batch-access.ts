import { DomainException, type RequestContext, Role } from '@app/shared';
import type { Batch } from './batch.entity.js';

/**
 * What part of all batches the caller may see: everything, one union's, one base's, a region's
 * exchange batches (sent by its unions or hosted at its bases, under an agreement), or none.
 */
export type BatchScope = { all: true } | { unionId: number } | { baseId: number } | { regionId: number } | { none: true };

export function batchScope(ctx: RequestContext): BatchScope {
  const actor = ctx.requireActor();
  switch (actor.role) {
    case Role.ADMIN:
    case 'SYSTEM':
      return { all: true };
    case Role.UNION_ORGANISER:
    case Role.UNION_APPROVER:
      return actor.unionId !== null ? { unionId: actor.unionId } : { none: true };
    case Role.BASE_OPERATOR:
      return actor.baseId !== null ? { baseId: actor.baseId } : { none: true };
    case Role.PARTNER:
      return actor.regionId !== null ? { regionId: actor.regionId } : { none: true };
  }
}

export function canSee(scope: BatchScope, batch: Pick<Batch, 'unionId' | 'baseId'> & Partial<Pick<Batch, 'agreementId' | 'unionRegionId' | 'baseRegionId'>>): boolean {
  if ('all' in scope) return true;
  if ('unionId' in scope) return batch.unionId === scope.unionId;
  if ('baseId' in scope) return batch.baseId === scope.baseId;
  if ('regionId' in scope) return batch.agreementId != null && (batch.unionRegionId === scope.regionId || batch.baseRegionId === scope.regionId);
  return false;
}

/** The same scope as SQL conditions on the batch alias `b`. */
export function scopeBatches(qb: { andWhere(where: string, params?: Record<string, unknown>): unknown }, scope: BatchScope, alias = 'b'): void {
  if ('unionId' in scope) qb.andWhere(`${alias}.unionId = :scopeUnion`, { scopeUnion: scope.unionId });
  if ('baseId' in scope) qb.andWhere(`${alias}.baseId = :scopeBase`, { scopeBase: scope.baseId });
  if ('regionId' in scope) {
    qb.andWhere(`${alias}.agreementId IS NOT NULL AND (${alias}.unionRegionId = :scopeRegion OR ${alias}.baseRegionId = :scopeRegion)`, { scopeRegion: scope.regionId });
  }
}

/** A PARTNER changes only the batches their own region sends; the others by their scope alone. */
export function assertMaySendFor(ctx: RequestContext, batch: Pick<Batch, 'unionRegionId' | 'reference'>): void {
  const actor = ctx.requireActor();
  if (actor.role === Role.PARTNER && batch.unionRegionId !== actor.regionId) {
    throw DomainException.forbidden(`Batch ${batch.reference} is sent by another region; only its own union or region changes it`);
  }
}

/** The union a request books for: an organiser's own; an admin must name one. */
export function bookingUnion(ctx: RequestContext, requested: number | null | undefined, agreementId?: number | null): number {
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
  if (actor.role === Role.PARTNER) {
    if (actor.regionId === null) throw DomainException.forbidden('Your PARTNER account has no region: ask an admin to set one, then sign in again');
    // Which unions are the partner's region's is checked once the union is loaded.
    if (requested == null) throw DomainException.badInput('unionId', 'Say which union of your region the batch is for (unionId)');
    if (agreementId == null) throw DomainException.badInput('agreementId', 'A PARTNER books under an exchange agreement: give its agreementId');
    return requested;
  }
  throw DomainException.forbidden(`A ${actor.role} cannot request batches`);
}
