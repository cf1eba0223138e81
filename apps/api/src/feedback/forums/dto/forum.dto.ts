import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trim } from '../../../common/validation/transforms';

const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;
const KECAMATAN_MESSAGE = 'must be a kecamatan code such as 35.77.02';

export class CreateForumDto {
  @ApiProperty({ example: '35.77.02' })
  @IsString()
  @Matches(KECAMATAN, { message: KECAMATAN_MESSAGE })
  kecamatanCode!: string;

  @ApiProperty({ example: '2026-02-14', description: 'Day the forum was held (not in the future)' })
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-02-14' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-02-14' })
  heldOn!: string;

  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Musrenbang kelurahan: drainase dan PJU' })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  topic!: string;

  @ApiProperty({ minimum: 0, example: 85 })
  @IsInt({ message: 'must be a whole number of people' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000)
  attendance!: number;

  @ApiPropertyOptional({ example: 'dinas-pekerjaan-umum-dan-penataan-ruang' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-kesehatan' })
  opdCode?: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'Public; personal data is redacted when shown' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class ListForumsDto {
  @ApiPropertyOptional({ example: '35.77.02' })
  @IsOptional()
  @Matches(KECAMATAN, { message: KECAMATAN_MESSAGE })
  kecamatan?: string;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2025' })
  @Min(2000, { message: 'must be a year such as 2025' })
  @Max(2100, { message: 'must be a year such as 2025' })
  year?: number;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ForumSummaryDto {
  @ApiPropertyOptional({ example: '35.77.02', description: 'Only this kecamatan' })
  @IsOptional()
  @Matches(KECAMATAN, { message: KECAMATAN_MESSAGE })
  kecamatan?: string;

  @ApiPropertyOptional({ example: 2022, description: 'Baseline year; default: the first year with a forum' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2022' })
  @Min(2000, { message: 'must be a year such as 2022' })
  @Max(2100, { message: 'must be a year such as 2022' })
  fromYear?: number;

  @ApiPropertyOptional({ example: 2026, description: 'Last year; default: the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a year such as 2026' })
  @Min(2000, { message: 'must be a year such as 2026' })
  @Max(2100, { message: 'must be a year such as 2026' })
  toYear?: number;
}
