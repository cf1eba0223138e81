import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorDetail } from '@ogh/domain';
import { ErrorCode } from './error-codes';

/**
 * An error the domain raises on purpose. The exception filter turns it into
 * the one JSON error shape; services never build HTTP responses themselves.
 */
export class DomainException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: ApiErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message, status);
  }
}

export const badRequest = (message: string, details?: ApiErrorDetail[]) =>
  new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, message, details);

export const fieldError = (field: string, problem: string) =>
  badRequest(`${field}: ${problem}`, [{ field, problem }]);

export const notFound = (what: string) => new DomainException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, `${what} not found`);

export const conflict = (message: string, details?: ApiErrorDetail[]) =>
  new DomainException(HttpStatus.CONFLICT, ErrorCode.Conflict, message, details);

export const forbidden = (message = 'You do not have access to this resource', code: ErrorCode = ErrorCode.Forbidden) =>
  new DomainException(HttpStatus.FORBIDDEN, code, message);

export const unauthenticated = (message = 'Authentication required', code: ErrorCode = ErrorCode.Unauthenticated) =>
  new DomainException(HttpStatus.UNAUTHORIZED, code, message);
