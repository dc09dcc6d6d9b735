import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { PlatformClient, PlatformClientCredentials } from './platform-client.entity.js';
import { PlatformClientService } from './platform-client.service.js';
import { RegisterPlatformClientInput } from './register-platform-client.input.js';

@Resolver(() => PlatformClient)
export class PlatformClientResolver {
  constructor(private readonly clients: PlatformClientService) {}

  @Query(() => [PlatformClient], { description: 'Every platform client, newest first (never a secret). Federation admin only.' })
  @Roles(Role.ADMIN)
  platformClients(@Ctx() ctx: RequestContext): Promise<PlatformClient[]> {
    return this.clients.list(ctx);
  }

  @Mutation(() => PlatformClientCredentials, { description: 'Registers a platform client; its client secret and signing secret are in this answer only.' })
  @Roles(Role.ADMIN)
  registerPlatformClient(@Ctx() ctx: RequestContext, @Args('input') input: RegisterPlatformClientInput): Promise<PlatformClientCredentials> {
    return this.clients.register(ctx, input);
  }

  @Mutation(() => PlatformClientCredentials, { description: 'Gives a client a new secret and signing secret (shown once); its old secret and tokens stop at once.' })
  @Roles(Role.ADMIN)
  rotatePlatformClientSecret(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int, description: "The client's row id." }) id: number): Promise<PlatformClientCredentials> {
    return this.clients.rotateSecret(ctx, id);
  }

  @Mutation(() => PlatformClient, { description: 'Revokes a client: its tokens are refused from the next request on and nothing more is delivered to it.' })
  @Roles(Role.ADMIN)
  revokePlatformClient(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int, description: "The client's row id." }) id: number): Promise<PlatformClient> {
    return this.clients.revoke(ctx, id);
  }
}
