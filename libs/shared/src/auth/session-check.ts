import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../context/request-context.js';
import type { Actor } from '../context/actor.js';
import { DomainException } from '../errors/domain.exception.js';

type Verify = (ctx: RequestContext, token: string) => Promise<Actor>;

/**
 * Turns a bearer token into the actor it stands for now (the accounts lib registers how; no other
 * lib may import it). A live subscription outlasts the request that opened it, so each update it
 * sends is checked again: a deactivated user, or one whose role or scope changed, stops receiving.
 */
@Injectable()
export class SessionCheck {
  private verifier: Verify | null = null;

  register(verify: Verify): void {
    if (this.verifier) throw new Error('The session check is registered twice');
    this.verifier = verify;
  }

  verify(ctx: RequestContext, token: string): Promise<Actor> {
    if (!this.verifier) return Promise.reject(DomainException.unauthenticated('Sign-in is not available'));
    return this.verifier(ctx, token);
  }
}
