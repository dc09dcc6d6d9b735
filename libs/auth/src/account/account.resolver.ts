import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { UpdateUserInput } from '../user/update-user.input.js';
import { User } from '../user/user.entity.js';
import { AuthPayload } from '../login/auth-payload.model.js';
import { AccountService } from './account.service.js';

@Resolver()
export class AccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Mutation(() => AuthPayload, {
    description: 'Changes your own password (at least 8 characters, not your username, not a common password). Every older token of yours stops working; use the accessToken returned.',
  })
  @SignedIn()
  changePassword(@Ctx() ctx: RequestContext, @Args('currentPassword') currentPassword: string, @Args('newPassword') newPassword: string): Promise<AuthPayload> {
    return this.accounts.changePassword(ctx, currentPassword, newPassword);
  }

  @Mutation(() => User, { description: "Sets a user's password (admin only; at least 8 characters, not the username, not a common password). The user's tokens stop working." })
  @Roles(Role.ADMIN)
  resetPassword(@Ctx() ctx: RequestContext, @Args('userId', { type: () => Int }) userId: number, @Args('newPassword') newPassword: string): Promise<User> {
    return this.accounts.resetPassword(ctx, userId, newPassword);
  }

  @Mutation(() => User, {
    description: "Changes an account's role or home (admin only, not your own; validated like createUser). The user's tokens stop working at once: they sign in again with the new scope.",
  })
  @Roles(Role.ADMIN)
  updateUser(@Ctx() ctx: RequestContext, @Args('userId', { type: () => Int }) userId: number, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.accounts.updateUser(ctx, userId, input);
  }

  @Mutation(() => User, { description: 'Deactivates an account (admin only, not your own): it cannot sign in and its tokens stop working at once.' })
  @Roles(Role.ADMIN)
  deactivateUser(@Ctx() ctx: RequestContext, @Args('userId', { type: () => Int }) userId: number): Promise<User> {
    return this.accounts.setActive(ctx, userId, false);
  }

  @Mutation(() => User, { description: 'Reactivates an account (admin only): the user signs in again; tokens from before stay dead.' })
  @Roles(Role.ADMIN)
  reactivateUser(@Ctx() ctx: RequestContext, @Args('userId', { type: () => Int }) userId: number): Promise<User> {
    return this.accounts.setActive(ctx, userId, true);
  }
}
