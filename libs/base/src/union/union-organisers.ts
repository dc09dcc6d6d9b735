import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/shared';

/** Which of some unions have an active organiser account. */
export type OrganiserLookup = (ctx: RequestContext, unionIds: readonly number[]) => Promise<ReadonlySet<number>>;

/**
 * Whether a union has an organiser of its own: where it has none, the partner of its region keeps
 * the paperwork of what it sends (the access policy's `stand-in`). Accounts live in auth, above this
 * lib and the roster, so auth registers the lookup here (AuthModule's onModuleInit), the way other
 * domains register BatchRules with booking; the roster asks without importing auth or its table.
 */
@Injectable()
export class UnionOrganisers {
  private lookup: OrganiserLookup | null = null;

  register(lookup: OrganiserLookup): void {
    if (this.lookup) throw new Error('The union organiser lookup is registered twice');
    this.lookup = lookup;
  }

  /**
   * Whether the union has an active organiser account; batched per request (per transaction inside
   * one). With no accounts module registered, every union counts as having one: nobody stands in.
   */
  has(ctx: RequestContext, unionId: number): Promise<boolean> {
    const lookup = this.lookup;
    if (!lookup) return Promise.resolve(true);
    return ctx
      .loader<number, boolean>('unionHasOrganiser', async (ids) => {
        const found = await lookup(ctx, ids);
        return ids.map((id) => found.has(id));
      })
      .load(unionId);
  }
}
