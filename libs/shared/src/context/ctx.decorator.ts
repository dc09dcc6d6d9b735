import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { RequestContext } from './request-context.js';

/** The GraphQL context object of one request. */
export interface GqlContext {
  req: Request;
  ctx: RequestContext;
}

/** Reads the request's RequestContext, set up by the auth guard. */
export const Ctx = createParamDecorator((_data: unknown, exec: ExecutionContext): RequestContext => {
  if (exec.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(exec).getContext<GqlContext>().ctx;
  }
  const req = exec.switchToHttp().getRequest<Request & { ctx?: RequestContext }>();
  return req.ctx ?? RequestContext.anonymous();
});
