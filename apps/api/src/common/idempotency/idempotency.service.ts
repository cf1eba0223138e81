import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, fieldError } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-codes';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this answer is the replay of an earlier request. */
  replayed: boolean;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Runs a create exactly once per Idempotency-Key. The work and the key are
 * committed in one transaction; when two requests with the same key race,
 * the unique key makes the second wait for the first and then replay its
 * answer, and the second's work is rolled back.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    scope: string,
    key: string | undefined,
    request: unknown,
    work: (manager: EntityManager) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) {
      const out = await this.dataSource.transaction(work);
      return { ...out, replayed: false };
    }
    if (!KEY_PATTERN.test(key)) throw fieldError('Idempotency-Key', 'must be 8–128 characters of letters, digits, . _ : -');
    const requestHash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');

    const previous = await this.find(scope, key);
    if (previous) return this.replay(previous, requestHash);

    const SUPERSEDED = Symbol('superseded');
    try {
      const out = await this.dataSource.transaction(async (m) => {
        const result = await work(m);
        const inserted: unknown[] = await m.query(
          `INSERT INTO idempotency_key (scope, key, request_hash, response_status, response_body)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope, key) DO NOTHING RETURNING 1`,
          [scope, key, requestHash, result.status, JSON.stringify(result.body)],
        );
        if (!inserted.length) throw SUPERSEDED;
        return result;
      });
      return { ...out, replayed: false };
    } catch (err) {
      if (err !== SUPERSEDED) throw err;
      const winner = await this.find(scope, key);
      if (!winner) throw new Error('Idempotency key vanished after a conflict');
      return this.replay(winner, requestHash);
    }
  }

  private async find(scope: string, key: string) {
    const rows: { request_hash: string; response_status: number; response_body: unknown }[] = await this.dataSource.query(
      'SELECT request_hash, response_status, response_body FROM idempotency_key WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    return rows[0];
  }

  private replay<T>(row: { request_hash: string; response_status: number; response_body: unknown }, requestHash: string): IdempotentResult<T> {
    if (row.request_hash !== requestHash) {
      throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.Conflict, 'This Idempotency-Key was already used for a different request', [
        { field: 'Idempotency-Key', problem: 'was used for a different request' },
      ]);
    }
    return { status: row.response_status, body: row.response_body as T, replayed: true };
  }
}
