import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type GqlContext, Public, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { CreateUserInput } from '../user/create-user.input.js';
import { User } from '../user/user.entity.js';
import { UserService } from '../user/user.service.js';
import { AuthPayload } from './auth-payload.model.js';
import { AuthService } from './auth.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly userService: UserService,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Signs in; send the accessToken as "Authorization: Bearer <token>". After repeated failures TOO_MANY_REQUESTS, with extensions.retryAfterSeconds.',
  })
  @Public()
  login(@Ctx() ctx: RequestContext, @Context() gql: GqlContext, @Args('username') username: string, @Args('password') password: string): Promise<AuthPayload> {
    // The socket's address (Express's req.ip): the API does not trust X-Forwarded-For, which a client could forge.
    return this.auth.login(ctx, username, password, gql.req.ip ?? gql.req.socket.remoteAddress ?? 'unknown');
  }

  @Query(() => User, { description: 'The signed-in user.' })
  @SignedIn()
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.userService.getOrThrow(ctx, ctx.requireActor().userId!);
  }

  @Query(() => [User], { description: 'Every account (admin only).' })
  @Roles(Role.ADMIN)
  users(@Ctx() ctx: RequestContext): Promise<User[]> {
    return this.userService.list(ctx);
  }

  @Mutation(() => User, { description: 'A new account; BASE_OPERATOR needs baseId, UNION_ORGANISER needs unionId.' })
  @Roles(Role.ADMIN)
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.userService.create(ctx, input);
  }
}
