import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsScore, OptionalComment } from '../../../common/validation/decorators';

class ScoreAndComment {
  @IsScore()
  score!: number;

  @OptionalComment()
  comment?: string;
}

export class CitizenSurveyDto extends ScoreAndComment {
  @ApiPropertyOptional({ example: 'MDN-7K3Q-9XWA', description: 'Ties the answer to an aspiration; needs followUpKey' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  trackingCode?: string;

  @ApiPropertyOptional({ description: 'The follow-up key shown once at submission; required with trackingCode' })
  @ValidateIf((o: CitizenSurveyDto) => o.trackingCode !== undefined || o.followUpKey !== undefined)
  @IsString({ message: 'is required with trackingCode' })
  @MinLength(20, { message: 'is not a follow-up key' })
  @MaxLength(40, { message: 'is not a follow-up key' })
  followUpKey?: string;

  @ApiPropertyOptional({ example: 'dinas-kesehatan', description: 'The OPD the answer is about, when not tied to an aspiration' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-kesehatan' })
  opdCode?: string;
}

export class AsnSurveyDto extends ScoreAndComment {}

export class SurveySummaryQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (WIB), inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day (WIB), inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-03-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-03-31' })
  to?: string;

  @ApiPropertyOptional({ example: 'dinas-kesehatan', description: 'Only answers about this OPD' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-kesehatan' })
  opd?: string;
}
