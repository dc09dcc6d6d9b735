import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorCode } from './domain.exception.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CAPACITY_EXCEEDED]: 409,
  [ErrorCode.QUOTA_EXCEEDED]: 409,
  [ErrorCode.POLICY_VIOLATION]: 422,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Nest's and multer's own HTTP errors (unknown route, upload too large) in the same shape as ours. */
function fromHttpException(exception: HttpException): DomainException {
  const status: HttpStatus = exception.getStatus();
  switch (status) {
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return DomainException.badInput('file', `${exception.message}: uploads are at most 10 MB`);
    case HttpStatus.NOT_FOUND:
      return new DomainException(ErrorCode.NOT_FOUND, exception.message);
    case HttpStatus.UNAUTHORIZED:
      return DomainException.unauthenticated();
    case HttpStatus.FORBIDDEN:
      return DomainException.forbidden(exception.message);
    default:
      // multer: a file under another form field name than the endpoint reads.
      if (/^Unexpected (file )?field/.test(exception.message)) {
        return DomainException.badInput('file', `${exception.message}: send the file as multipart/form-data field "file"`);
      }
      return new DomainException(ErrorCode.BAD_USER_INPUT, exception.message);
  }
}

/**
 * A user's mistake is not a server error: hand it to Apollo (GraphQL) or answer it (HTTP) as
 * `{ error: { code, message, …details } }`, without Nest logging it as an unhandled exception.
 */
@Catch(DomainException, HttpException)
export class DomainExceptionFilter implements ExceptionFilter {
  catch(exception: DomainException | HttpException, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException && exception.getStatus() >= 500) {
      res.status(exception.getStatus()).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error; it has been logged' } });
      return undefined;
    }
    const domain = exception instanceof DomainException ? exception : fromHttpException(exception);
    const status = exception instanceof HttpException ? exception.getStatus() : HTTP_STATUS[domain.code];
    res.status(status).json({ error: { code: domain.code, message: domain.message, ...domain.details } });
    return undefined;
  }
}
