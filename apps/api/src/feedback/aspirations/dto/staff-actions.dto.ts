import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASPIRATION_STATUSES, AspirationStatus } from '@ogh/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../common/validation/transforms';

export class ChangeStatusDto {
  @ApiProperty({ enum: ASPIRATION_STATUSES })
  @IsIn(ASPIRATION_STATUSES as unknown as string[], { message: `must be one of: ${ASPIRATION_STATUSES.join(', ')}` })
  status!: AspirationStatus;

  @ApiPropertyOptional({ description: 'Required when rejecting; shown to the citizen' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Required when the status is adopted' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a policy id' })
  policyId?: string;
}

export class MessageDto {
  @ApiProperty({ minLength: 2, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'must be at least 2 characters' })
  @MaxLength(4000)
  body!: string;
}

export class RerouteDto {
  @ApiProperty({ example: 'dinas-perhubungan' })
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-perhubungan' })
  opdCode!: string;

  @ApiProperty({ minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(1000)
  reason!: string;
}

export class RecategorizeDto {
  @ApiProperty({ example: 'drainase_banjir' })
  @Matches(/^[a-z_]{2,40}$/, { message: 'must be a category code' })
  categoryCode!: string;
}

export const BULK_ACTIONS = ['status', 'reroute'] as const;

export class BulkActionDto {
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each id must be an aspiration id' })
  ids!: string[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS as unknown as string[], { message: 'must be status or reroute' })
  action!: (typeof BULK_ACTIONS)[number];

  @ApiPropertyOptional({ enum: ASPIRATION_STATUSES })
  @IsOptional()
  @IsIn(ASPIRATION_STATUSES as unknown as string[])
  status?: AspirationStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  policyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/)
  opdCode?: string;
}
