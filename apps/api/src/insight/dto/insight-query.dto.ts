import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class TrendsQueryDto {
  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 52 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(52)
  weeks?: number;

  @ApiPropertyOptional({ example: '35.77.01' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'must be a kecamatan code such as 35.77.01' })
  kecamatan?: string;

  @ApiPropertyOptional({ example: 'drainase_banjir' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'must be a category code' })
  category?: string;
}

export class ForecastQueryDto {
  @ApiPropertyOptional({ example: '35.77.01', description: 'Absent: the whole city' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'must be a kecamatan code such as 35.77.01' })
  kecamatan?: string;
}

export class ScenariosQueryDto {
  @ApiPropertyOptional({ example: '2026-01-05', description: 'First day of the 90-day cycle' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-01-05' })
  cycleStart?: string;
}

export class ReviewQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
