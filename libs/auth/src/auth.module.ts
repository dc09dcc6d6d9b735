import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { BaseModule, UnionOrganisers } from '@app/base';
import { type AppConfig, SessionCheck } from '@app/shared';
import { AccountResolver } from './account/account.resolver.js';
import { AccountService } from './account/account.service.js';
import { AuthGuard } from './login/auth.guard.js';
import { AuthResolver } from './login/auth.resolver.js';
import { AuthService } from './login/auth.service.js';
import { LoginBackoff } from './login/login-backoff.js';
import { IntrospectionGate } from './login/introspection.plugin.js';
import { UserService } from './user/user.service.js';

/** Accounts, login, and the global guard that puts the actor into every request. */
@Module({})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly organisers: UnionOrganisers,
    private readonly users: UserService,
    private readonly auth: AuthService,
    private readonly sessions: SessionCheck,
  ) {}

  /** The accounts say which unions have an organiser; the roster asks through base (it cannot import auth). */
  onModuleInit(): void {
    this.organisers.register((ctx, unionIds) => this.users.unionsWithOrganiser(ctx, unionIds));
    // Live subscriptions (booking) check their token again before each update.
    this.sessions.register((ctx, token) => this.auth.verify(ctx, token));
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      // Global: the platform module asks AuthService to sign and verify client tokens.
      global: true,
      imports: [
        BaseModule,
        JwtModule.register({
          // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
          // as a PEM public key on every verify, an exception per request.
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      providers: [AuthService, LoginBackoff, UserService, AuthResolver, AccountService, AccountResolver, IntrospectionGate, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AuthService, UserService],
    };
  }
}
