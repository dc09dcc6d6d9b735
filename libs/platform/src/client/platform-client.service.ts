import { Inject, Injectable } from '@nestjs/common';
import { type ClientTokenClaims } from '@app/auth';
import { RegionService, UnionService } from '@app/base';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  CLIENT_OPERATIONS,
  DomainException,
  insertRow,
  nowToTheSecond,
  OutboxEvent,
  Permission,
  PLATFORM_CLIENT,
  type RequestContext,
  requireAccess,
  TransactionRunner,
} from '@app/shared';
import { ClientRateLimit } from './client-rate-limit.js';
import { hashSecret, newClientId, newClientSecret, secretMatches, signingSecretOf } from './client-secrets.js';
import { PlatformClient, type PlatformClientCredentials } from './platform-client.entity.js';
import type { RegisterPlatformClientInput } from './register-platform-client.input.js';

const TOKEN_REFUSED = 'This platform client was revoked or has a new secret: get a new token at /oauth/token';
/** Compared against when the client id is unknown, so both failures take the same time. */
const DECOY_HASH = hashSecret('decoy-client-secret');

/** Platform clients: registered, listed, given new secrets and revoked by the federation admin; authenticated for tokens and requests. */
@Injectable()
export class PlatformClientService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly regions: RegionService,
    private readonly unions: UnionService,
    private readonly rateLimit: ClientRateLimit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers a client; its secrets are in the answer and nowhere else. Events written before now are not sent to it. */
  async register(ctx: RequestContext, input: RegisterPlatformClientInput): Promise<PlatformClientCredentials> {
    requireAccess(ctx, Permission.ManageFederation, {}, { message: 'Only the federation admin registers platform clients' });
    const name = input.name.trim();
    if (!name) throw DomainException.badInput('name', 'Give the client a name');
    const operations = [...new Set(input.operations.map((o) => o.trim()))];
    const unknown = operations.filter((o) => !CLIENT_OPERATIONS.has(o));
    if (unknown.length) {
      throw DomainException.badInput('operations', `Not operations a platform client may call: ${unknown.join(', ')}. Open to clients: ${[...CLIENT_OPERATIONS].sort().join(', ')}`);
    }
    const webhookUrl = checkWebhookUrl(input.webhookUrl);
    const regionId = input.regionId ?? null;
    const unionIds = input.unionIds?.length ? [...new Set(input.unionIds)].sort((a, b) => a - b) : null;
    if ((regionId === null) === (unionIds === null)) throw DomainException.badInput('regionId', 'Give the client one scope: a regionId, or a list of unionIds');
    if (regionId !== null) await this.regions.getOrThrow(ctx, regionId, 'regionId');
    if (unionIds) {
      const found = await this.unions.findByIds(ctx, unionIds);
      const missing = unionIds.filter((_, i) => !found[i]);
      if (missing.length) throw DomainException.badInput('unionIds', `No such union: ${missing.join(', ')}`);
    }
    const secret = newClientSecret();
    return this.db.transaction(ctx, async (tx) => {
      const [{ last }] = await tx.em.createQueryBuilder(OutboxEvent, 'o').select('MAX(o.id)', 'last').getRawMany<{ last: number | string | null }>();
      const client: Omit<PlatformClient, 'id'> = {
        clientId: newClientId(),
        name,
        regionId,
        unionIds,
        operations,
        webhookUrl,
        requestsPerMinute: input.requestsPerMinute ?? 120,
        active: true,
        secretHash: hashSecret(secret),
        tokenVersion: 0,
        secretVersion: 1,
        fromOutboxId: Number(last ?? 0),
        createdAt: nowToTheSecond(),
        revokedAt: null,
      };
      const id = await insertRow(tx.em, PlatformClient, client);
      return this.credentials({ id, ...client }, secret);
    });
  }

  /** Every client, newest first; never a secret. */
  list(ctx: RequestContext): Promise<PlatformClient[]> {
    requireAccess(ctx, Permission.ManageFederation, {}, { message: 'Only the federation admin sees the platform clients' });
    return this.db.read(ctx, (em) => em.find(PlatformClient, { order: { id: 'DESC' } }));
  }

  /** A new client secret and signing secret, shown once; the old secret and every token signed before stop at once. */
  async rotateSecret(ctx: RequestContext, id: number): Promise<PlatformClientCredentials> {
    requireAccess(ctx, Permission.ManageFederation, {}, { message: 'Only the federation admin gives platform clients new secrets' });
    const secret = newClientSecret();
    return this.db.transaction(ctx, async (tx) => {
      const client = await this.getOrThrow(tx, id);
      if (!client.active) throw DomainException.conflict(`Platform client ${client.clientId} is revoked; register a new one`, { field: 'id' });
      const changes = { secretHash: hashSecret(secret), tokenVersion: client.tokenVersion + 1, secretVersion: client.secretVersion + 1 };
      await tx.em.update(PlatformClient, { id }, changes);
      return this.credentials({ ...client, ...changes }, secret);
    });
  }

  /** Revokes a client: its tokens are refused from the next request on, and nothing more is delivered to it. */
  async revoke(ctx: RequestContext, id: number): Promise<PlatformClient> {
    requireAccess(ctx, Permission.ManageFederation, {}, { message: 'Only the federation admin revokes platform clients' });
    return this.db.transaction(ctx, async (tx) => {
      const client = await this.getOrThrow(tx, id);
      if (!client.active) return client;
      const changes = { active: false, tokenVersion: client.tokenVersion + 1, revokedAt: nowToTheSecond() };
      await tx.em.update(PlatformClient, { id }, changes);
      this.rateLimit.forget(id);
      return { ...client, ...changes };
    });
  }

  async getOrThrow(ctx: RequestContext, id: number): Promise<PlatformClient> {
    const client = await this.db.read(ctx, (em) => em.findOneBy(PlatformClient, { id }));
    if (!client) throw DomainException.notFound('PlatformClient', id, 'id');
    return client;
  }

  /** The active client with this id and secret, or null (the secret compared in constant time; an unknown id costs the same). */
  async authenticate(ctx: RequestContext, clientId: string, secret: string): Promise<PlatformClient | null> {
    const client = clientId.length <= 40 ? await this.db.read(ctx, (em) => em.findOneBy(PlatformClient, { clientId })) : null;
    const ok = secretMatches(secret.slice(0, 200), client?.secretHash ?? DECOY_HASH);
    return client && ok && client.active ? client : null;
  }

  /**
   * The actor of a client token, from the client's current row (read once per request, like a
   * user's): UNAUTHENTICATED when it was revoked or given a new secret since; TOO_MANY_REQUESTS past
   * its rate. A region's client acts for the region's unions as they are now.
   */
  async actorFor(ctx: RequestContext, claims: ClientTokenClaims): Promise<Actor> {
    const client = await this.db.read(ctx, (em) => em.findOneBy(PlatformClient, { id: claims.sub }));
    if (!client || !client.active || client.tokenVersion !== claims.ver) throw DomainException.unauthenticated(TOKEN_REFUSED);
    this.rateLimit.takeOrThrow(client.id, client.requestsPerMinute);
    const unionIds = client.unionIds ?? (client.regionId !== null ? await this.unions.idsInRegion(ctx, client.regionId) : []);
    return {
      userId: null,
      username: `client:${client.clientId}`,
      role: PLATFORM_CLIENT,
      baseId: null,
      unionId: null,
      regionId: client.regionId,
      clientRef: client.clientId,
      unionIds,
      operations: client.operations,
    };
  }

  /** The signing secret of a client's webhooks (derived from DATA_KEY; see client-secrets.ts). */
  signingSecret(client: Pick<PlatformClient, 'id' | 'secretVersion'>): string {
    return signingSecretOf(this.config.dataKey, client.id, client.secretVersion);
  }

  private credentials(client: PlatformClient, clientSecret: string): PlatformClientCredentials {
    return { client, clientSecret, signingSecret: this.signingSecret(client) };
  }
}

/** An absolute http(s) address without credentials in it; BAD_USER_INPUT on webhookUrl otherwise. */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw DomainException.badInput('webhookUrl', `"${raw}" is not an address: give one like https://platform.example.cn/rr/events`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw DomainException.badInput('webhookUrl', `The webhook address must start with https:// (or http://), not ${url.protocol}`);
  if (url.username || url.password) throw DomainException.badInput('webhookUrl', 'Put no user name or password in the webhook address: its signature proves who sends');
  return url.toString();
}
