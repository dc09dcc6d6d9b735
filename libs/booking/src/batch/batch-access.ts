import { type AccessScope, DomainException, Permission, type RequestContext, requireAccess, requireScope, scopeFor } from '@app/shared';
import type { Batch } from './batch.entity.js';

/**
 * What part of all batches the caller may see: everything, one union's, one base's, a region's
 * exchange batches (sent by its unions or hosted at its bases, under an agreement), or none. The
 * access policy decides (Permission.SeeBatch); these helpers apply it to rows and queries.
 */
export type BatchScope = AccessScope;

export function batchScope(ctx: RequestContext): BatchScope {
  return scopeFor(ctx, Permission.SeeBatch);
}

export function canSee(scope: BatchScope, batch: Pick<Batch, 'unionId' | 'baseId'> & Partial<Pick<Batch, 'agreementId' | 'unionRegionId' | 'baseRegionId'>>): boolean {
  if ('all' in scope) return true;
  if ('unionId' in scope) return batch.unionId === scope.unionId;
  if ('baseId' in scope) return batch.baseId === scope.baseId;
  if ('regionId' in scope) return batch.agreementId != null && (batch.unionRegionId === scope.regionId || batch.baseRegionId === scope.regionId);
  if ('unionIds' in scope) return scope.unionIds.includes(batch.unionId);
  return false;
}

/** The same scope as SQL conditions on the batch alias `b`. */
export function scopeBatches(qb: { andWhere(where: string, params?: Record<string, unknown>): unknown }, scope: BatchScope, alias = 'b'): void {
  if ('unionId' in scope) qb.andWhere(`${alias}.unionId = :scopeUnion`, { scopeUnion: scope.unionId });
  if ('baseId' in scope) qb.andWhere(`${alias}.baseId = :scopeBase`, { scopeBase: scope.baseId });
  if ('unionIds' in scope) qb.andWhere(`${alias}.unionId IN (:...scopeUnions)`, { scopeUnions: scope.unionIds.length ? [...scope.unionIds] : [-1] });
  if ('regionId' in scope) {
    qb.andWhere(`${alias}.agreementId IS NOT NULL AND (${alias}.unionRegionId = :scopeRegion OR ${alias}.baseRegionId = :scopeRegion)`, { scopeRegion: scope.regionId });
  }
}

/** A PARTNER changes only the batches their own region sends; the others by their scope alone. */
export function assertMaySendFor(ctx: RequestContext, batch: Pick<Batch, 'unionId' | 'baseId' | 'unionRegionId' | 'baseRegionId' | 'agreementId' | 'reference'>): void {
  requireAccess(ctx, Permission.SendForBatch, batch, { message: `Batch ${batch.reference} is sent by another region; only its own union or region changes it` });
}

/**
 * The union a request books for: an organiser's own; an admin must name one; a partner names one of
 * their region's (checked once the union is loaded: `may(ctx, Permission.BookForUnion, union)`).
 */
export function bookingUnion(ctx: RequestContext, requested: number | null | undefined, agreementId?: number | null): number {
  const actor = ctx.requireActor();
  const scope = requireScope(ctx, Permission.BookForUnion, `A ${actor.role} cannot request batches`);
  if ('unionId' in scope) {
    if (requested != null && requested !== scope.unionId) {
      throw DomainException.forbidden(`You book for your own union (${scope.unionId}), not union ${requested}`, { field: 'unionId' });
    }
    return scope.unionId;
  }
  if ('regionId' in scope) {
    if (requested == null) throw DomainException.badInput('unionId', 'Say which union of your region the batch is for (unionId)');
    if (agreementId == null) throw DomainException.badInput('agreementId', 'A PARTNER books under an exchange agreement: give its agreementId');
    return requested;
  }
  if (requested == null) throw DomainException.badInput('unionId', 'Say which union the batch is for (unionId)');
  return requested;
}
