import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { queryBoolean, trim } from '../../../common/validation/transforms';
import { IsScore, OptionalComment } from '../../../common/validation/decorators';
import { POLICY_STATUSES, PolicyStatus } from '../entities/policy.entity';

const OPD_CODE = /^[a-z0-9-]{2,60}$/;

class ConsultationWindow {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'First day of the public consultation' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-03-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-03-01' })
  consultationStart?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day of the public consultation' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2026-03-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-03-31' })
  consultationEnd?: string;
}

export class CreatePolicyDto extends ConsultationWindow {
  @ApiProperty({ minLength: 5, maxLength: 200, example: 'Perwali tentang penerangan jalan umum di permukiman' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title!: string;

  @ApiProperty({ minLength: 10, maxLength: 20000 })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(20000, { message: 'must be at most 20000 characters' })
  summary!: string;

  @ApiPropertyOptional({ example: 'dinas-kesehatan', description: 'Required for admins; an ASN may only give their own OPD' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'must be an OPD code such as dinas-kesehatan' })
  opdCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'Aspirations this policy answers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'must not repeat an id' })
  @IsUUID('all', { each: true, message: 'must be aspiration ids (UUID)' })
  aspirationIds?: string[];
}

export class UpdatePolicyDto extends ConsultationWindow {
  @ApiPropertyOptional({ minLength: 5, maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 20000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(20000, { message: 'must be at most 20000 characters' })
  summary?: string;
}

export class ChangePolicyStatusDto extends ConsultationWindow {
  @ApiProperty({ enum: POLICY_STATUSES, description: 'The next state: draft → consultation → adopted → implemented' })
  @IsIn(POLICY_STATUSES as unknown as string[], { message: `must be one of: ${POLICY_STATUSES.join(', ')}` })
  status!: PolicyStatus;
}

export class LinkAspirationsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayNotEmpty({ message: 'must name at least one aspiration' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'must not repeat an id' })
  @IsUUID('all', { each: true, message: 'must be aspiration ids (UUID)' })
  aspirationIds!: string[];
}

export class PageDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListPoliciesDto extends PageDto {
  @ApiPropertyOptional({ enum: POLICY_STATUSES })
  @IsOptional()
  @IsIn(POLICY_STATUSES as unknown as string[], { message: `must be one of: ${POLICY_STATUSES.join(', ')}` })
  status?: PolicyStatus;

  @ApiPropertyOptional({ example: 'dinas-kesehatan', description: 'OPD code' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'must be an OPD code such as dinas-kesehatan' })
  opd?: string;

  @ApiPropertyOptional({ description: 'Words to search for in title and summary' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;
}

export class StaffListPoliciesDto extends ListPoliciesDto {
  @ApiPropertyOptional({ description: 'true: only published, false: only unpublished' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsIn([true, false], { message: 'must be true or false' })
  published?: boolean;
}

export class RatePolicyDto {
  @IsScore()
  score!: number;

  @OptionalComment()
  comment?: string;

  @ApiPropertyOptional({ description: 'A random id the portal keeps in the browser; not needed when signed in' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a UUID' })
  raterId?: string;
}

export class HideRatingDto {
  @ApiProperty({ minLength: 5, maxLength: 300, description: 'Why the comment is hidden (kept in the audit log)' })
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(300)
  reason!: string;
}
