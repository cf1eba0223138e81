import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { OptionalComment, OptionalInt } from '../../common/validation/decorators';
import { KR_DIRECTIONS, KR_MODES, KrDirection, KrMode } from '../entities/okr-key-result.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
const CODE_MSG = { message: 'must be 2-40 lowercase letters, digits or dashes' };

const DateField = (example: string, description: string, optional = true) => (target: object, key: string) => {
  (optional ? ApiPropertyOptional : ApiProperty)({ example, description })(target, key);
  if (optional) IsOptional()(target, key);
  IsISO8601({ strict: true }, { message: `must be a date such as ${example}` })(target, key);
  Matches(DATE, { message: `must be a date such as ${example}` })(target, key);
};

const Title = (optional: boolean) => (target: object, key: string) => {
  (optional ? ApiPropertyOptional : ApiProperty)({ minLength: 3, maxLength: 200 })(target, key);
  if (optional) IsOptional()(target, key);
  Transform(trim)(target, key);
  IsString({ message: 'must be text' })(target, key);
  MinLength(3, { message: 'must be at least 3 characters' })(target, key);
  MaxLength(200, { message: 'must be at most 200 characters' })(target, key);
};

export class PhaseDto {
  @ApiProperty({ example: 'Build' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(2, { message: 'must be at least 2 characters' })
  @MaxLength(60, { message: 'must be at most 60 characters' })
  name!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(53, { message: 'must be at most 53' })
  startWeek!: number;

  @ApiProperty({ example: 4, minimum: 1 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(53, { message: 'must be at most 53' })
  endWeek!: number;
}

/** Every field is optional: the default is the blueprint's cycle (January–March 2026, Build / Empower / Deploy & Measure). */
export class CreateCycleDto {
  @ApiPropertyOptional({ example: 'okr-2026-q2', description: 'Default: okr-<startDate>' })
  @IsOptional()
  @Matches(CODE, CODE_MSG)
  code?: string;

  @Title(true)
  name?: string;

  @DateField('2026-01-01', 'First day (WIB); default 2026-01-01')
  startDate?: string;

  @DateField('2026-03-31', 'Last day (WIB); default 89 days after startDate (90 days)')
  endDate?: string;

  @DateField('2025-10-01', 'First day of the baseline period; default: the same length just before the cycle')
  baselineStart?: string;

  @DateField('2025-12-31', 'Last day of the baseline period; default: the day before the cycle')
  baselineEnd?: string;

  @ApiPropertyOptional({ type: [PhaseDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => PhaseDto)
  phases?: PhaseDto[];
}

export class UpdateCycleDto {
  @Title(true)
  name?: string;

  @DateField('2025-10-01', 'First day of the baseline period')
  baselineStart?: string;

  @DateField('2025-12-31', 'Last day of the baseline period')
  baselineEnd?: string;

  @ApiPropertyOptional({ type: [PhaseDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => PhaseDto)
  phases?: PhaseDto[];
}

export class CreateObjectiveDto {
  @ApiProperty({ example: 'partisipasi' })
  @Matches(CODE, CODE_MSG)
  code!: string;

  @Title(false)
  title!: string;

  @OptionalComment(4000)
  description?: string;

  @ApiProperty({ example: 'dinas-komunikasi-dan-informatika', description: 'The OPD that owns the objective' })
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-komunikasi-dan-informatika' })
  ownerOpdCode!: string;

  @OptionalInt(0, 100, { minimum: 0 })
  position?: number;
}

export class UpdateObjectiveDto {
  @Title(true)
  title?: string;

  @OptionalComment(4000)
  description?: string;

  @ApiPropertyOptional({ example: 'dinas-komunikasi-dan-informatika' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-komunikasi-dan-informatika' })
  ownerOpdCode?: string;

  @OptionalInt(0, 100, { minimum: 0 })
  position?: number;
}

const FiniteNumber = (optional: boolean, description: string) => (target: object, key: string) => {
  (optional ? ApiPropertyOptional : ApiProperty)({ description })(target, key);
  if (optional) IsOptional()(target, key);
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })(target, key);
  Min(-1e9, { message: 'is too small' })(target, key);
  Max(1e9, { message: 'is too large' })(target, key);
};

export class CreateKeyResultDto {
  @ApiProperty({ example: 'kr-partisipasi' })
  @Matches(CODE, CODE_MSG)
  code!: string;

  @Title(false)
  title!: string;

  @ApiProperty({ enum: KR_MODES, description: 'auto: measured from a registered metric; manual: updated by hand' })
  @IsIn(KR_MODES, { message: `must be one of ${KR_MODES.join(', ')}` })
  mode!: KrMode;

  @ApiPropertyOptional({ example: 'participation_growth', description: 'Required for auto: a key of GET /api/okr/metrics' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(60, { message: 'must be at most 60 characters' })
  metricKey?: string;

  @ApiPropertyOptional({ example: { activeWithinDays: 60 } })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  metricParams?: Record<string, unknown>;

  @ApiPropertyOptional({ example: '%', description: 'Default: the metric\'s unit; required for manual' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(20, { message: 'must be at most 20 characters' })
  unit?: string;

  @ApiPropertyOptional({ enum: KR_DIRECTIONS, description: 'Default: the metric\'s direction, or increase' })
  @IsOptional()
  @IsIn(KR_DIRECTIONS, { message: `must be one of ${KR_DIRECTIONS.join(', ')}` })
  direction?: KrDirection;

  @FiniteNumber(true, 'Default 0')
  baseline?: number;

  @FiniteNumber(false, 'The value that means done')
  target!: number;

  @OptionalInt(0, 100, { minimum: 0 })
  position?: number;
}

export class UpdateKeyResultDto {
  @Title(true)
  title?: string;

  @ApiPropertyOptional({ example: { activeWithinDays: 60 } })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  metricParams?: Record<string, unknown>;

  @ApiPropertyOptional({ example: '%' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(20, { message: 'must be at most 20 characters' })
  unit?: string;

  @ApiPropertyOptional({ enum: KR_DIRECTIONS })
  @IsOptional()
  @IsIn(KR_DIRECTIONS, { message: `must be one of ${KR_DIRECTIONS.join(', ')}` })
  direction?: KrDirection;

  @FiniteNumber(true, 'Starting value')
  baseline?: number;

  @FiniteNumber(true, 'The value that means done')
  target?: number;
}

export class ManualValueDto {
  @FiniteNumber(false, 'The current value, in the key result\'s unit')
  value!: number;

  @OptionalComment(2000)
  note?: string;
}

export class CheckInDto {
  @ApiProperty({ minLength: 3, maxLength: 4000, example: 'Pelatihan kohort 1 selesai minggu ini.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(4000, { message: 'must be at most 4000 characters' })
  note!: string;

  @ApiProperty({ minimum: 0, maximum: 10, description: 'How sure the owner is the target will be met, 0–10' })
  @IsInt({ message: 'must be a whole number from 0 to 10' })
  @Min(0, { message: 'must be a whole number from 0 to 10' })
  @Max(10, { message: 'must be a whole number from 0 to 10' })
  confidence!: number;
}

export class RecomputeDto {
  @ApiPropertyOptional({ description: 'Only this cycle; default every cycle still running' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a cycle id (UUID)' })
  cycleId?: string;
}
