import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim } from '../../common/validation/transforms';
import { OptionalComment, OptionalInt } from '../../common/validation/decorators';
import { ACTIVITY_KINDS, ActivityKind } from '../entities/fellow-activity.entity';
import { PARTICIPANT_KINDS, ParticipantKind } from '../entities/fellow-participant.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OPD_CODE = /^[a-z0-9-]{2,60}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const PHONE = /^\+?[0-9][0-9 ().-]{6,19}$/;

export class CreateParticipantDto {
  @ApiProperty({ enum: PARTICIPANT_KINDS, description: 'asn (civil servant) or warga (citizen)' })
  @IsIn(PARTICIPANT_KINDS, { message: 'must be asn or warga' })
  kind!: ParticipantKind;

  @ApiProperty({ example: 'Siti Rahayu', maxLength: 120 })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(2, { message: 'must be at least 2 characters' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  fullName!: string;

  @ApiPropertyOptional({ example: 'Siti R.', description: 'The name the participant agreed to publish on the certificate check; omit to publish nothing' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(2, { message: 'must be at least 2 characters' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  publicName?: string;

  @ApiPropertyOptional({ example: 'siti@example.id', description: 'Stored encrypted' })
  @IsOptional()
  @Transform(trim)
  @Matches(EMAIL, { message: 'must be an e-mail address' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  email?: string;

  @ApiPropertyOptional({ example: '0812-3456-7890', description: 'Stored encrypted' })
  @IsOptional()
  @Transform(trim)
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'dinas-kesehatan', description: 'The OPD of an ASN participant' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'must be an OPD code such as dinas-kesehatan' })
  opdCode?: string;
}

export class UpdateParticipantDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(2, { message: 'must be at least 2 characters' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  fullName?: string;

  @ApiPropertyOptional({ description: 'The published name; null withdraws consent (nothing is shown)', nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text or null' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  publicName?: string | null;
}

export class ListParticipantsDto {
  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  q?: string;

  @ApiPropertyOptional({ description: 'Only participants of this cohort' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a cohort id (UUID)' })
  cohortId?: string;
}

export class ImportParticipantsDto {
  @ApiProperty({ description: 'CSV text with a header: kind,full_name,public_name,email,phone,opd_code (kind and full_name required)', example: 'kind,full_name,public_name,email,phone,opd_code\nwarga,Siti Rahayu,Siti R.,siti@example.id,,\n' })
  @IsString({ message: 'must be the CSV text' })
  @MinLength(1, { message: 'must not be empty' })
  csv!: string;

  @ApiPropertyOptional({ description: 'Enrol every imported participant in this cohort' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a cohort id (UUID)' })
  cohortId?: string;

  @ApiPropertyOptional({ description: 'Check the rows and report errors without importing' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  dryRun?: boolean;
}

export class CreateModuleDto {
  @ApiProperty({ example: 'visualisasi-data' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'must be 2-60 lowercase letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'Visualisasi Data untuk Publik' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title!: string;

  @OptionalComment(4000)
  description?: string;

  @OptionalInt(0, 100, { minimum: 0 })
  position?: number;
}

export class UpdateModuleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title?: string;

  @OptionalComment(4000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  isActive?: boolean;
}

class CohortRules {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Minimum attendance in percent (default 80)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 0 to 100' })
  @Min(0, { message: 'must be a whole number from 0 to 100' })
  @Max(100, { message: 'must be a whole number from 0 to 100' })
  minAttendancePct?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Score that passes a module (default 70)' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 0 to 100' })
  @Min(0, { message: 'must be a whole number from 0 to 100' })
  @Max(100, { message: 'must be a whole number from 0 to 100' })
  passingScore?: number;
}

export class CreateCohortDto extends CohortRules {
  @ApiProperty({ example: 'Kohort 1 — Februari 2026' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({ example: '2026-02-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-02-01' })
  @Matches(DATE, { message: 'must be a date such as 2026-02-01' })
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-02-28' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-02-28' })
  @Matches(DATE, { message: 'must be a date such as 2026-02-28' })
  endsOn?: string;

  @ApiPropertyOptional({ type: [String], description: 'Modules every participant must pass; default: every active module' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one module' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'must not repeat a module' })
  @IsUUID('all', { each: true, message: 'must be module ids (UUID)' })
  moduleIds?: string[];
}

export class UpdateCohortDto extends CohortRules {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;
}

export class EnrolDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a participant id (UUID)' })
  participantId!: string;
}

export class CreateSessionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a module id (UUID)' })
  moduleId!: string;

  @ApiProperty({ example: 'Sesi 1: membaca data BPS' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title!: string;

  @ApiProperty({ example: '2026-02-03' })
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-02-03' })
  @Matches(DATE, { message: 'must be a date such as 2026-02-03' })
  heldOn!: string;
}

export class AttendanceRecordDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a participant id (UUID)' })
  participantId!: string;

  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  present!: boolean;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceRecordDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one participant' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}

export class AssessmentDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a participant id (UUID)' })
  participantId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'must be a module id (UUID)' })
  moduleId!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt({ message: 'must be a whole number from 0 to 100' })
  @Min(0, { message: 'must be a whole number from 0 to 100' })
  @Max(100, { message: 'must be a whole number from 0 to 100' })
  score!: number;

  @ApiPropertyOptional({ example: '2026-02-20', description: 'Default: today (WIB)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-02-20' })
  @Matches(DATE, { message: 'must be a date such as 2026-02-20' })
  assessedOn?: string;
}

export class IssueCertificateDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a participant id (UUID)' })
  participantId!: string;
}

export class ActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS, { message: `must be one of ${ACTIVITY_KINDS.join(', ')}` })
  kind!: ActivityKind;

  @ApiProperty({ example: '2026-03-02' })
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-03-02' })
  @Matches(DATE, { message: 'must be a date such as 2026-03-02' })
  occurredOn!: string;

  @OptionalComment(2000)
  description?: string;
}

export class StatsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 366, description: 'A fellow is active with an activity in this many days (default 60)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be at least 1' })
  @Max(366, { message: 'must be at most 366' })
  activeWithinDays?: number;
}
