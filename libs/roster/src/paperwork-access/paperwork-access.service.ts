import { Injectable } from '@nestjs/common';
import { UnionOrganisers } from '@app/base';
import { type AccessRefusal, type AccessTarget, may, type Permission, type RequestContext, requireAccess, turnsOnOrganiser } from '@app/shared';

/** A batch as the access policy reads it. */
type BatchTarget = AccessTarget & { readonly unionId: number };

/**
 * The access policy for a batch's paperwork (its list, insurance, team leader, approval, personal
 * data), with the one fact the pure policy cannot know: whether the batch's union has an organiser
 * of its own. It is looked up only when the caller's grant turns on it (a partner standing in), once
 * per request or transaction for all the batches asked about.
 */
@Injectable()
export class PaperworkAccessService {
  constructor(private readonly organisers: UnionOrganisers) {}

  /** The batch with `unionHasOrganiser` when the caller's grant of `permission` needs it. */
  async target<T extends BatchTarget>(ctx: RequestContext, permission: Permission, batch: T): Promise<T> {
    if (!turnsOnOrganiser(ctx, permission)) return batch;
    return { ...batch, unionHasOrganiser: await this.organisers.has(ctx, batch.unionId) };
  }

  async may(ctx: RequestContext, permission: Permission, batch: BatchTarget): Promise<boolean> {
    return may(ctx, permission, await this.target(ctx, permission, batch));
  }

  async require(ctx: RequestContext, permission: Permission, batch: BatchTarget, refusal: AccessRefusal = {}): Promise<void> {
    requireAccess(ctx, permission, await this.target(ctx, permission, batch), refusal);
  }
}
