import { ApiPropertyOptional } from '@nestjs/swagger';
import { ASPIRATION_STATUSES, AspirationStatus } from '@ogh/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { queryBoolean } from '../../../common/validation/transforms';

export class ListAspirationsDto {
  @ApiPropertyOptional({ enum: ASPIRATION_STATUSES })
  @IsOptional()
  @IsIn(ASPIRATION_STATUSES as unknown as string[], { message: `must be one of: ${ASPIRATION_STATUSES.join(', ')}` })
  status?: AspirationStatus;

  @ApiPropertyOptional({ example: 'penerangan_jalan' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'must be a category code' })
  category?: string;

  @ApiPropertyOptional({ example: '35.77.02' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'must be a kecamatan code such as 35.77.02' })
  kecamatan?: string;

  @ApiPropertyOptional({ example: '35.77.02.1004' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'must be a kelurahan code such as 35.77.02.1004' })
  kelurahan?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-03-31' })
  to?: string;

  @ApiPropertyOptional({ description: 'Words to search for' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class InboxQueryDto extends ListAspirationsDto {
  @ApiPropertyOptional({ description: 'Only aspirations past their SLA deadline' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Include closed aspirations' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  includeClosed?: boolean;
}

export class SimilarQueryDto {
  @ApiPropertyOptional({ description: 'The text being written' })
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(4000)
  text!: string;

  @ApiPropertyOptional({ example: '35.77.02.1004' })
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'must be a kelurahan code such as 35.77.02.1004' })
  kelurahan!: string;
}

export class SuggestCategoryQueryDto {
  @ApiPropertyOptional({ description: 'The text being written' })
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(4000)
  text!: string;
}
