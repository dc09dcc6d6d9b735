import { Injectable, Logger } from '@nestjs/common';
import { DomainException, passwordProblem, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { hashPassword, verifyPassword } from '../user/password.js';
import type { UpdateUserInput } from '../user/update-user.input.js';
import { User } from '../user/user.entity.js';
import { UserService } from '../user/user.service.js';
import { AuthService } from '../login/auth.service.js';
import type { AuthPayload } from '../login/auth-payload.model.js';

/**
 * An account's life after creation: its password changed by its owner or reset by the admin, its
 * role or home changed, and the account deactivated or reactivated. Each bumps the user's tokenVersion, so every token signed
 * before stops working on its next request.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly users: UserService,
    private readonly auth: AuthService,
  ) {}

  /** The signed-in user's own password; returns a fresh token (their older tokens, this one's included, end). */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<AuthPayload> {
    const user = await this.users.getOrThrow(ctx, ctx.requireActor().userId!);
    if (currentPassword.length > 200 || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw DomainException.badInput('currentPassword', 'The current password is wrong');
    }
    const passwordHash = await this.newHash('newPassword', newPassword, user.username);
    const changed = await this.db.transaction(ctx, (tx) => this.bump(tx, user.id, { passwordHash }));
    this.logger.log(`user ${changed.username} changed their password`);
    return { accessToken: await this.auth.sign(changed), user: changed };
  }

  /** The admin sets a user's password (for someone who forgot theirs); the user's sessions end. */
  async resetPassword(ctx: RequestContext, userId: number, newPassword: string): Promise<User> {
    const user = await this.users.getOrThrow(ctx, userId);
    const passwordHash = await this.newHash('newPassword', newPassword, user.username);
    const changed = await this.db.transaction(ctx, (tx) => this.bump(tx, user.id, { passwordHash }));
    this.logger.log(`password of ${changed.username} reset by ${ctx.actor?.username ?? 'system'}`);
    return changed;
  }

  /** Deactivated: the user cannot sign in and their tokens stop working; nothing they did is removed. */
  async setActive(ctx: RequestContext, userId: number, active: boolean): Promise<User> {
    if (!active && ctx.actor?.userId === userId) throw DomainException.badInput('userId', 'You cannot deactivate your own account: ask another admin');
    const user = await this.users.getOrThrow(ctx, userId);
    const changed = await this.db.transaction(ctx, (tx) => this.bump(tx, user.id, { active }));
    this.logger.log(`user ${changed.username} ${active ? 'reactivated' : 'deactivated'} by ${ctx.actor?.username ?? 'system'}`);
    return changed;
  }

  /**
   * A new role or home for an account (admin; never their own, so the last admin cannot demote
   * themselves). In the same transaction the user's tokenVersion moves on: every token signed with the
   * old role or scope is refused on its next request. Changing nothing changes nothing.
   */
  async updateUser(ctx: RequestContext, userId: number, input: UpdateUserInput): Promise<User> {
    if (ctx.actor?.userId === userId) throw DomainException.badInput('userId', 'You cannot change your own role or scope: ask another admin');
    const { user, changed } = await this.db.transaction(ctx, async (tx) => {
      const current = await tx.em.findOneBy(User, { id: userId });
      if (!current) throw DomainException.notFound('User', userId, 'userId');
      const scope = await this.users.updatedScope(tx, current, input);
      return { user: scope ? await this.bump(tx, userId, scope) : current, changed: scope !== null };
    });
    if (changed) this.logger.log(`user ${user.username} is now ${user.role} (base ${user.baseId}, union ${user.unionId}, region ${user.regionId}), set by ${ctx.actor?.username ?? 'system'}`);
    return user;
  }

  private async newHash(field: string, password: string, username: string): Promise<string> {
    const problem = passwordProblem(password, username);
    if (problem) throw DomainException.badInput(field, problem);
    return hashPassword(password);
  }

  /** Applies the change and moves tokenVersion on, in one transaction; returns the row as it now is. */
  private async bump(tx: TxContext, id: number, change: Partial<Pick<User, 'passwordHash' | 'active' | 'role' | 'baseId' | 'unionId' | 'regionId'>>): Promise<User> {
    await tx.em.update(User, { id }, change);
    await tx.em.increment(User, { id }, 'tokenVersion', 1);
    const user = await tx.em.findOneBy(User, { id });
    if (!user) throw DomainException.notFound('User', id);
    return user;
  }
}
