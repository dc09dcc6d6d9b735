import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type Actor, DomainException, type RequestContext, Role } from '@app/shared';
import { UserService } from '../user/user.service.js';
import type { User } from '../user/user.entity.js';
import type { AuthPayload } from './auth-payload.model.js';
import { hashPassword, verifyPassword } from '../user/password.js';
import { LoginBackoff } from './login-backoff.js';

interface TokenClaims {
  typ?: undefined;
  sub: number;
  username: string;
  role: Role;
  baseId: number | null;
  unionId: number | null;
  regionId?: number | null;
  /** The user's tokenVersion when signed; a token older than the row's is refused. */
  ver?: number;
}

const SESSION_ENDED = 'Your session has ended: sign in again';

/** The claims of a platform client's access token (client-credentials grant). */
export interface ClientTokenClaims {
  typ: 'client';
  /** The client's row id. */
  sub: number;
  /** The client's tokenVersion when signed: revoking or rotating moves it on. */
  ver: number;
}

/** Turns a verified client token into its actor (reading the client's row), or refuses it: registered by the platform module. */
export type ClientActorLookup = (ctx: RequestContext, claims: ClientTokenClaims) => Promise<Actor>;

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly decoy = hashPassword('decoy-password-for-timing');

  private clientLookup: ClientActorLookup | null = null;

  constructor(
    private readonly users: UserService,
    private readonly jwt: JwtService,
    private readonly backoff: LoginBackoff,
  ) {}

  /**
   * A token for the right password; one UNAUTHENTICATED message for every wrong pair (no username
   * probing). After repeated failures for the username or from the `address`, TOO_MANY_REQUESTS
   * until the wait is over, whatever the password (see LoginBackoff).
   */
  async login(ctx: RequestContext, username: string, password: string, address: string): Promise<AuthPayload> {
    this.backoff.checkOrThrow(username, address);
    // Usernames are lower-case (createUser insists); MySQL would match any case, SQLite none.
    const user = username.length <= 50 && password.length <= 200 ? await this.users.findByUsername(ctx, username.trim().toLowerCase()) : null;
    const ok = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? (await this.decoy));
    if (!user || !ok) {
      this.backoff.failed(username, address);
      throw DomainException.unauthenticated('Wrong username or password');
    }
    this.backoff.succeeded(username);
    if (!user.active) throw DomainException.unauthenticated('This account is deactivated: ask the administrator to reactivate it');
    return { accessToken: await this.sign(user), user };
  }

  sign(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, baseId: user.baseId, unionId: user.unionId, regionId: user.regionId, ver: user.tokenVersion };
    return this.jwt.signAsync(claims);
  }

  /** The platform module says how a client token becomes an actor (auth cannot import it). */
  registerClients(lookup: ClientActorLookup): void {
    this.clientLookup = lookup;
  }

  /** An access token for a platform client, signed like a user's but living `ttlSeconds`. */
  signClient(clientId: number, tokenVersion: number, ttlSeconds: number): Promise<string> {
    const claims: ClientTokenClaims = { typ: 'client', sub: clientId, ver: tokenVersion };
    return this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
  }

  /**
   * The actor a bearer token stands for, built from the user's current row (one query); UNAUTHENTICATED
   * when the token is forged, expired or malformed, or the user is gone, deactivated, or has had their
   * password, role or scope changed since it was signed (the row's tokenVersion moved on).
   */
  async verify(ctx: RequestContext, token: string): Promise<Actor> {
    let claims: TokenClaims | ClientTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims | ClientTokenClaims>(token);
    } catch {
      throw DomainException.unauthenticated('The access token is invalid or has expired: sign in again');
    }
    if (claims.typ === 'client') {
      if (!this.clientLookup || typeof claims.sub !== 'number') throw DomainException.unauthenticated('The access token is invalid: get a new one at /oauth/token');
      return this.clientLookup(ctx, claims);
    }
    if (!Object.values(Role).includes(claims.role)) throw DomainException.unauthenticated('The access token is invalid: sign in again');
    const user = typeof claims.sub === 'number' ? await this.users.findById(ctx, claims.sub) : null;
    if (!user || !user.active || user.tokenVersion !== (claims.ver ?? 0)) throw DomainException.unauthenticated(SESSION_ENDED);
    return { userId: user.id, username: user.username, role: user.role, baseId: user.baseId, unionId: user.unionId, regionId: user.regionId };
  }
}
