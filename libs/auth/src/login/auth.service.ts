import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type Actor, DomainException, type RequestContext, Role } from '@app/shared';
import { UserService } from '../user/user.service.js';
import type { User } from '../user/user.entity.js';
import type { AuthPayload } from './auth-payload.model.js';
import { hashPassword, verifyPassword } from '../user/password.js';

interface TokenClaims {
  sub: number;
  username: string;
  role: Role;
  baseId: number | null;
  unionId: number | null;
  regionId?: number | null;
}

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly decoy = hashPassword('decoy-password-for-timing');

  constructor(
    private readonly users: UserService,
    private readonly jwt: JwtService,
  ) {}

  /** A token for the right password; one UNAUTHENTICATED message for every wrong pair (no username probing). */
  async login(ctx: RequestContext, username: string, password: string): Promise<AuthPayload> {
    // Usernames are lower-case (createUser insists); MySQL would match any case, SQLite none.
    const user = username.length <= 50 && password.length <= 200 ? await this.users.findByUsername(ctx, username.trim().toLowerCase()) : null;
    const ok = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? (await this.decoy));
    if (!user || !ok) throw DomainException.unauthenticated('Wrong username or password');
    return { accessToken: await this.sign(user), user };
  }

  sign(user: User): Promise<string> {
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, baseId: user.baseId, unionId: user.unionId, regionId: user.regionId };
    return this.jwt.signAsync(claims);
  }

  /** The actor a bearer token stands for; UNAUTHENTICATED when it is forged, expired or malformed. */
  async verify(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw DomainException.unauthenticated('The access token is invalid or has expired: sign in again');
    }
    if (!Object.values(Role).includes(claims.role)) throw DomainException.unauthenticated('The access token is invalid: sign in again');
    return { userId: claims.sub, username: claims.username, role: claims.role, baseId: claims.baseId, unionId: claims.unionId, regionId: claims.regionId ?? null };
  }
}
