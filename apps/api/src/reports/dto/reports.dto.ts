import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { queryBoolean } from '../../common/validation/transforms';
import { PERIOD_PATTERN } from '../report-period';

const PERIOD = { message: 'must be a quarter such as 2026-Q4' };

export class GenerateReportsDto {
  @ApiPropertyOptional({ example: '2026-Q4', description: 'Calendar quarter (WIB); default the last complete quarter' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, PERIOD)
  period?: string;

  @ApiPropertyOptional({ description: 'Publish the files at once (default: keep them as drafts)' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  publish?: boolean;
}

export class ListReportsDto {
  @ApiPropertyOptional({ description: 'Staff (admin, bappeda): include drafts. Ignored for everyone else.' })
  @IsOptional()
  @Transform(({ value }) => (value === '1' ? true : value === '0' ? false : queryBoolean({ value })))
  @IsIn([true, false], { message: 'must be true, false, 1 or 0' })
  all?: boolean;

  @ApiPropertyOptional({ example: '2026-Q4' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, PERIOD)
  period?: string;
}
