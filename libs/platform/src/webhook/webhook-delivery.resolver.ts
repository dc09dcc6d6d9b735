import { Args, GraphQLISODateTime, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { WebhookAdminService } from './webhook-admin.service.js';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity.js';

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly webhooks: WebhookAdminService) {}

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
