import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsISO8601, IsNumber, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../common/validation/transforms';

/** POST /open311/v2/requests.json (GeoReport v2 fields; form-encoded or JSON). */
export class Open311CreateRequestDto {
  @ApiProperty({ example: 'penerangan_jalan' })
  @Matches(/^[a-z_]{2,40}$/, { message: 'must be a service_code from services.json' })
  service_code!: string;

  @ApiProperty({ name: 'attribute[kelurahan]', example: '35.77.02.1005', description: 'Kelurahan code (service attribute)' })
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'must be a kelurahan code from the service definition' })
  'attribute[kelurahan]'!: string;

  @ApiProperty({ minLength: 10, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  lat?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  long?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  address_string?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  first_name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  last_name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s().-]/g, '') : value))
  @Matches(/^(\+62|62|0)8\d{7,12}$/, { message: 'must be an Indonesian mobile number' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Accepted for compatibility; requests are open to the public' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  api_key?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jurisdiction_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  device_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  account_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  media_url?: string;
}

export class Open311ListQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated ids; other filters are then ignored' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  service_request_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'must be a service_code' })
  service_code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({}, { message: 'must be a w3 date-time' })
  start_date?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({}, { message: 'must be a w3 date-time' })
  end_date?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'must be open or closed' })
  status?: 'open' | 'closed';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jurisdiction_id?: string;
}
