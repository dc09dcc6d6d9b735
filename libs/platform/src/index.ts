import { PlatformClient } from './client/platform-client.entity.js';
import { WebhookDelivery } from './webhook/webhook-delivery.entity.js';

export { PlatformModule } from './platform.module.js';
export { PlatformClient, PlatformClientCredentials } from './client/platform-client.entity.js';
export { PlatformClientService } from './client/platform-client.service.js';
export { signPayload } from './client/client-secrets.js';
export { WebhookDeliveryService, backoffMs } from './webhook/webhook-delivery.service.js';
export { DeliveryStatus, WebhookDelivery } from './webhook/webhook-delivery.entity.js';

/** The tables this module owns (outbox_event is shared's: every module writes it). */
export const PLATFORM_ENTITIES = [PlatformClient, WebhookDelivery];
