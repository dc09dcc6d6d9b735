import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorCode } from './domain.exception.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CAPACITY_EXCEEDED]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * A user's mistake is not a server error: hand it to Apollo (GraphQL) or answer it (HTTP) without
 * Nest logging it as an unhandled exception.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements ExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    res.status(HTTP_STATUS[exception.code]).json({ error: { code: exception.code, message: exception.message, ...exception.details } });
    return undefined;
  }
}
