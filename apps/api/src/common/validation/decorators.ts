import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trim } from './transforms';

const SCORE = { message: 'must be a whole number from 1 to 5' };

/** A 1–5 score (satisfaction, rating). */
export const IsScore = (description?: string) =>
  applyDecorators(ApiProperty({ minimum: 1, maximum: 5, description }), IsInt(SCORE), Min(1, SCORE), Max(5, SCORE));

/** An optional free-text comment, trimmed. */
export const OptionalComment = (maxLength = 2000) =>
  applyDecorators(ApiPropertyOptional({ maxLength }), IsOptional(), Transform(trim), IsString(), MaxLength(maxLength));

/** An optional whole number in [min, max]; `fromQuery` converts query-string text first. */
export const OptionalInt = (min: number, max: number, api: Parameters<typeof ApiPropertyOptional>[0] = {}, fromQuery = false) =>
  applyDecorators(
    ApiPropertyOptional(api),
    IsOptional(),
    ...(fromQuery ? [Type(() => Number)] : []),
    IsInt({ message: 'must be a whole number' }),
    Min(min, { message: `must be at least ${min}` }),
    Max(max, { message: `must be at most ${max}` }),
  );
