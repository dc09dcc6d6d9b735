import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthService } from '@app/auth';
import { BaseModule } from '@app/base';
import { ClientRateLimit } from './client/client-rate-limit.js';
import { PlatformClientResolver } from './client/platform-client.resolver.js';
import { PlatformClientService } from './client/platform-client.service.js';
import { OAuthTokenController } from './token/oauth-token.controller.js';
import { WebhookAdminService } from './webhook/webhook-admin.service.js';
import { WebhookDeliveryResolver } from './webhook/webhook-delivery.resolver.js';
import { WebhookDeliveryService } from './webhook/webhook-delivery.service.js';
import { WebhookFanOut } from './webhook/webhook-fan-out.js';

/** Platform clients (OAuth 2.0 client credentials, scoped, rate-limited) and the outbox delivered to them by signed webhooks. */
@Module({
  imports: [BaseModule],
  controllers: [OAuthTokenController],
  providers: [PlatformClientService, ClientRateLimit, PlatformClientResolver, WebhookFanOut, WebhookDeliveryService, WebhookAdminService, WebhookDeliveryResolver],
  exports: [PlatformClientService, WebhookDeliveryService],
})
export class PlatformModule implements OnModuleInit {
  constructor(
    private readonly auth: AuthService,
    private readonly clients: PlatformClientService,
  ) {}

  /** Client tokens are verified by auth's guard, which asks this module who the client is now (auth cannot import it). */
  onModuleInit(): void {
    this.auth.registerClients((ctx, claims) => this.clients.actorFor(ctx, claims));
  }
}
