import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@ogh/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-codes';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export interface ErrorReply {
  body: ApiError;
  headers?: Record<string, string>;
}

/** Maps anything thrown to the one error shape. Bad input never becomes a 500. */
export function toErrorReply(exception: unknown, requestId?: string): ErrorReply {
  const reply = (status: number, code: string, message: string, extra: Partial<ApiError> = {}, headers?: Record<string, string>): ErrorReply => ({
    body: { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', code, message, ...extra, requestId },
    headers,
  });

  if (exception instanceof DomainException) {
    return reply(exception.getStatus(), exception.code, exception.message, exception.details ? { details: exception.details } : {}, exception.headers);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    const message = typeof res === 'string' ? res : Array.isArray((res as { message?: unknown }).message) ? ((res as { message: string[] }).message).join('; ') : String((res as { message?: unknown }).message ?? exception.message);
    const code = status === 404 ? ErrorCode.NotFound : status === 429 ? ErrorCode.RateLimited : status === 401 ? ErrorCode.Unauthenticated : status === 403 ? ErrorCode.Forbidden : status >= 500 ? ErrorCode.Internal : ErrorCode.MalformedRequest;
    return reply(status, code, status === 429 ? 'Too many requests, try again later' : message, {}, status === 429 ? { 'Retry-After': '60' } : undefined);
  }
  if (exception instanceof EntityNotFoundError) return reply(404, ErrorCode.NotFound, 'Resource not found');
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception.driverError as { code?: string } | undefined)?.code ?? '';
    if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008' || pgCode === '22003' || pgCode === '22001') {
      return reply(400, ErrorCode.ValidationFailed, 'A value in the request has the wrong format or is out of range');
    }
    if (pgCode === '23505') return reply(409, ErrorCode.Conflict, 'A record with the same unique value already exists');
    if (pgCode === '23503') return reply(409, ErrorCode.Conflict, 'The request refers to a record that does not exist or is still in use');
    if (DB_UNAVAILABLE_CODES.has(pgCode)) return unavailable(reply);
  }
  const err = exception as { code?: string; statusCode?: number; message?: string } | null;
  if (err && typeof err === 'object') {
    // Fastify's own errors (body parsing, size, media type) carry a 4xx statusCode.
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? ErrorCode.PayloadTooLarge : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? ErrorCode.UnsupportedMediaType : ErrorCode.MalformedRequest;
      return reply(err.statusCode, code, err.statusCode === 400 ? `Malformed request body: ${err.message ?? 'cannot be parsed'}` : (err.message ?? 'Bad request'));
    }
    if (err.code && DB_UNAVAILABLE_CODES.has(err.code)) return unavailable(reply);
    if (/Connection terminated|connection timeout|Connection refused|timeout exceeded when trying to connect/i.test(err.message ?? '')) return unavailable(reply);
  }
  return reply(500, ErrorCode.Internal, 'Internal server error');
}

function unavailable(reply: (s: number, c: string, m: string, e?: Partial<ApiError>, h?: Record<string, string>) => ErrorReply): ErrorReply {
  return reply(503, ErrorCode.ServiceUnavailable, 'The database is temporarily unavailable, retry shortly', {}, { 'Retry-After': '5' });
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const response = ctx.getResponse<FastifyReply>();
    const { body, headers } = toErrorReply(exception, request?.id ? String(request.id) : undefined);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, `Unhandled error on ${request?.method} ${request?.url}`);
    }
    for (const [k, v] of Object.entries(headers ?? {})) void response.header(k, v);
    void response.status(body.statusCode).send(body);
  }
}

export { HttpStatus };
