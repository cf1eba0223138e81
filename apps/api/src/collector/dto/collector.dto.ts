import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalInt } from '../../common/validation/decorators';
import { trim } from '../../common/validation/transforms';
import { SOURCE_KINDS, SourceKind } from '../entities/data-source.entity';
import { PROPOSAL_STATUSES, ProposalStatus } from '../entities/musrenbang-proposal.entity';

const CRON = /^\S+( \S+){4,5}$/;

export class UpdateSourceDto {
  @ApiPropertyOptional({ example: 'BPS Kota Madiun: jumlah penduduk' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ description: 'connection settings without secrets (baseUrl, url, domain, var, years, org, dataset, resourceId, format…)', example: { domain: '3577', var: '34', years: '2024' } })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  settings?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'API key; stored encrypted, never returned. Empty string removes it.' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  apiKey?: string;

  @ApiPropertyOptional({ description: 'target field → source field', example: { indicator: 'kategori', region: 'nama_kabupaten_kota', period: 'tahun', value: 'jumlah', unit: 'satuan' } })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  fieldMapping?: Record<string, string>;

  @ApiPropertyOptional({ example: '0 0 2 * * *', description: 'cron (5 or 6 fields, Asia/Jakarta); null for manual runs only', nullable: true })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @Matches(CRON, { message: 'must be a cron expression of 5 or 6 fields' })
  cron?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ default: 30000, minimum: 100, maximum: 600000 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(100, { message: 'must be at least 100' })
  @Max(600_000, { message: 'must be at most 600000' })
  timeoutMs?: number;
}

export class CreateSourceDto extends UpdateSourceDto {
  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS, { message: `must be one of ${SOURCE_KINDS.join(', ')}` })
  kind!: SourceKind;

  @ApiProperty({ example: 'BPS Kota Madiun: jumlah penduduk' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  declare name: string;
}

export class UploadMusrenbangDto {
  @ApiPropertyOptional({ description: 'CSV text of an e-Musrenbang export' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  csv?: string;

  @ApiPropertyOptional({ description: 'base64 of an XLSX export' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  xlsxBase64?: string;

  @ApiPropertyOptional({ example: 'kelurahan', description: 'stage when the file has no Tahapan column' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^[a-z_]{3,40}$/, { message: 'must be 3-40 lowercase letters' })
  stage?: string;
}

export class StageQueryDto {
  @ApiPropertyOptional({ example: 'kelurahan' })
  @IsOptional()
  @Matches(/^[a-z_]{3,40}$/, { message: 'must be 3-40 lowercase letters' })
  stage?: string;
}

export class LinkProposalDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  policyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  aspirationId?: string;
}

export class ProposalQueryDto {
  @OptionalInt(2000, 2100, { example: 2025 }, true)
  year?: number;

  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES, { message: `must be one of ${PROPOSAL_STATUSES.join(', ')}` })
  status?: ProposalStatus;

  @ApiPropertyOptional({ example: '35.77.01.1001' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'must be a kelurahan code such as 35.77.01.1001' })
  kelurahanCode?: string;

  @OptionalInt(1, 500, { default: 100, maximum: 500 }, true)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  offset?: number;
}

export class FunnelQueryDto {
  @OptionalInt(2000, 2100, { example: 2025 }, true)
  year?: number;
}
