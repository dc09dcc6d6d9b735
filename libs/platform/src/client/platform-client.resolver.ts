import { Args, GraphQLISODateTime, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { DeliveryStatus, WebhookDelivery } from '../webhook/webhook-delivery.entity.js';
import { WebhookAdminService } from '../webhook/webhook-admin.service.js';
import { PlatformClient, PlatformClientCredentials } from './platform-client.entity.js';
import { PlatformClientService } from './platform-client.service.js';
import { RegisterPlatformClientInput } from './register-platform-client.input.js';

@Resolver(() => PlatformClient)
export class PlatformClientResolver {
  constructor(
    private readonly clients: PlatformClientService,
    private readonly webhooks: WebhookAdminService,
  ) {}

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

  @Mutation(() => PlatformClientCredentials, { description: "Gives a client a new secret and signing secret (shown once); its old secret and tokens stop at once." })
  @Roles(Role.ADMIN)
  rotatePlatformClientSecret(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<PlatformClientCredentials> {
    return this.clients.rotateSecret(ctx, id);
  }

  @Mutation(() => PlatformClient, { description: 'Revokes a client: its tokens are refused from the next request on and nothing more is delivered to it.' })
  @Roles(Role.ADMIN)
  revokePlatformClient(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<PlatformClient> {
    return this.clients.revoke(ctx, id);
  }

  @Query(() => [WebhookDelivery], { description: "A client's webhook deliveries, newest event first. Federation admin only." })
  @Roles(Role.ADMIN)
  webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args('clientId', { type: () => Int, description: "The client's row id." }) clientId: number,
    @Args('status', { type: () => DeliveryStatus, nullable: true, description: 'Only these.' }) status: DeliveryStatus | null,
    @Args('first', { type: () => Int, defaultValue: 100, description: 'At most this many (1–500).' }) first: number,
  ): Promise<WebhookDelivery[]> {
    return this.webhooks.list(ctx, clientId, status ?? null, first);
  }

  @Mutation(() => Int, { description: "Sends a client's deliveries again, in order: its DEAD ones, or with `from` every one made since then. Answers how many." })
  @Roles(Role.ADMIN)
  replayWebhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args('clientId', { type: () => Int, description: "The client's row id." }) clientId: number,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true, description: 'Replay every delivery made at or after this time, delivered ones too.' }) from: Date | null,
  ): Promise<number> {
    return this.webhooks.replay(ctx, clientId, from ?? null);
  }
}
