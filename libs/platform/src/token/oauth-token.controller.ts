import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { AuthService } from '@app/auth';
import { APP_CONFIG, type AppConfig, Public, RequestContext, requestIdOf } from '@app/shared';
import type { Request, Response } from 'express';
import { PlatformClientService } from '../client/platform-client.service.js';

type TokenError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4): a form body `grant_type=client_credentials`,
 * the client authenticated by HTTP Basic (§2.3.1) or by `client_id` and `client_secret` in the body
 * (not both). Answers `{access_token, token_type: "Bearer", expires_in}`, or an RFC 6749 §5.2 error
 * with 400 (401 with `WWW-Authenticate` for a client that fails to authenticate).
 */
@Controller('oauth')
export class OAuthTokenController {
  constructor(
    private readonly clients: PlatformClientService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  async token(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    const fail = (status: number, error: TokenError, description: string) => {
      if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="rr-platform"');
      res.status(status).json({ error, error_description: description });
    };
    if (!req.is('application/x-www-form-urlencoded')) return fail(400, 'invalid_request', 'Send the request as application/x-www-form-urlencoded');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
    const grantType = field('grant_type');
    if (!grantType) return fail(400, 'invalid_request', 'grant_type is missing');
    if (grantType !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');

    let clientId: string | undefined;
    let secret: string | undefined;
    const header = req.headers.authorization;
    const basic = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
    if (header && !basic) return fail(401, 'invalid_client', 'Authenticate with HTTP Basic (client id and secret) or with client_id and client_secret in the body');
    if (basic) {
      if (field('client_secret') !== undefined) return fail(400, 'invalid_request', 'Use one way to authenticate: HTTP Basic or client_secret in the body, not both');
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return fail(401, 'invalid_client', 'The Basic credentials must be "client_id:client_secret"');
      // RFC 6749 §2.3.1: both are form-urlencoded before they are joined.
      try {
        clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
        secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      } catch {
        return fail(401, 'invalid_client', 'The Basic credentials are not validly encoded');
      }
    } else {
      clientId = field('client_id');
      secret = field('client_secret');
      if (!clientId || !secret) return fail(401, 'invalid_client', 'Authenticate with HTTP Basic, or send client_id and client_secret');
    }
    const ctx = RequestContext.anonymous(requestIdOf(req));
    const client = await this.clients.authenticate(ctx, clientId, secret);
    if (!client) return fail(401, 'invalid_client', 'Unknown client, wrong secret, or a revoked client');
    const ttl = this.config.platformTokenTtlSeconds;
    res.status(200).json({ access_token: await this.auth.signClient(client.id, client.tokenVersion, ttl), token_type: 'Bearer', expires_in: ttl });
  }
}
