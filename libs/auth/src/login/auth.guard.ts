import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Actor, CLIENTS_KEY, DomainException, type GqlContext, PLATFORM_CLIENT, PUBLIC_KEY, RequestContext, requestIdOf, ROLES_KEY, type Role } from '@app/shared';
import type { Request } from 'express';
import { AuthService } from './auth.service.js';

/**
 * Runs before every query, mutation and HTTP route: turns the bearer token into the request's
 * RequestContext, then enforces the operation's @Roles. An operation with neither @Roles nor
 * @Public is refused, so a forgotten decorator fails closed. The token's user row is read once per
 * request (never cached across requests), so a deactivation or a role change ends its sessions at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** The actor of each request, so a request of several fields reads the user row once; gone with the request. */
  private readonly actors = new WeakMap<Request, Promise<Actor>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(exec: ExecutionContext): Promise<boolean> {
    const targets = [exec.getHandler(), exec.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    let req: Request;
    let setCtx: (ctx: RequestContext) => void;
    let operation: string | null = null;
    if (exec.getType<string>() === 'graphql') {
      const gqlExec = GqlExecutionContext.create(exec);
      const gql = gqlExec.getContext<GqlContext>();
      operation = gqlExec.getInfo<{ fieldName: string }>().fieldName;
      req = gql.req;
      setCtx = (ctx) => (gql.ctx = ctx);
    } else {
      req = exec.switchToHttp().getRequest<Request>();
      setCtx = (ctx) => ((req as Request & { ctx?: RequestContext }).ctx = ctx);
    }
    const requestId = requestIdOf(req);
    const header = req.headers.authorization;
    if (!header) {
      setCtx(RequestContext.anonymous(requestId));
      if (isPublic) return true;
      throw DomainException.unauthenticated();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      if (isPublic) return true;
      throw DomainException.unauthenticated('The Authorization header must be "Bearer <accessToken>"');
    }
    let actor: Actor;
    try {
      let pending = this.actors.get(req);
      if (!pending) {
        pending = this.auth.verify(RequestContext.anonymous(requestId), match[1]);
        this.actors.set(req, pending);
      }
      actor = await pending;
    } catch (error) {
      if (isPublic) return true;
      throw error;
    }
    setCtx(RequestContext.forActor(actor, requestId));
    if (isPublic) return true;
    if (actor.role === PLATFORM_CLIENT) return this.clientMay(actor, operation, targets);
    if (!roles) throw DomainException.forbidden('This operation is not open to any role');
    if (!roles.includes(actor.role as Role)) {
      throw DomainException.forbidden(`This operation is for ${roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}` : roles[0]}; you are signed in as ${actor.role}`);
    }
    return true;
  }

  /**
   * A platform client calls only GraphQL operations open to clients (@OpenToClients) that its
   * registration lists; what they reach is then its scope (the access policy's `client unions`).
   */
  private clientMay(actor: Actor, operation: string | null, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    const open = this.reflector.getAllAndOverride<boolean>(CLIENTS_KEY, targets) ?? false;
    if (operation === null || !open) throw DomainException.forbidden(`Platform clients may not call ${operation ?? 'this route'}`);
    if (!actor.operations?.includes(operation)) {
      throw DomainException.forbidden(`This client may not call ${operation}: its registration lists ${actor.operations?.join(', ') || 'no operation'}; ask the federation admin to add it`);
    }
    return true;
  }
}
