import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/**
 * Structured JSON logs. Credentials and personal data are redacted wherever
 * they could appear in a logged object.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'ogh-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
        'password',
        '*.password',
        'refreshToken',
        '*.refreshToken',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}

/** Lets Nest's own messages go to the same JSON stream as request logs. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    if (message && typeof message === 'object') {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.logger[level]({ context, ...rest }, typeof msg === 'string' ? msg : String(params[0] ?? ''));
      return;
    }
    const stack = level === 'error' && typeof params[0] === 'string' ? params[0] : undefined;
    this.logger[level]({ context, stack }, String(message));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
}
