import { Permission, type RequestContext, requireAccess } from '@app/shared';

/** Admins manage every base, an operator only their own (Permission.OperateBase). */
export function assertManagesBase(ctx: RequestContext, baseId: number): void {
  requireAccess(ctx, Permission.OperateBase, { baseId }, { message: `You may only manage your own base; base ${baseId} is not yours`, field: 'baseId' });
}
