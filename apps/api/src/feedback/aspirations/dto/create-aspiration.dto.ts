import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASPIRATION_CHANNELS, AspirationChannel } from '@ogh/domain';
import { Transform, Type } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsLatitude, IsLongitude, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { trim } from '../../../common/validation/transforms';

/** Kota Madiun's extent, with a margin: a point outside is a typo, not an aspiration of this city. */
export const CITY_BOUNDS = { minLat: -7.7, maxLat: -7.55, minLng: 111.45, maxLng: 111.58 } as const;

/** The limits of a submission, shared with the quick check of the hot path (submission-body.ts). */
export const SUBMISSION_LIMITS = {
  text: { min: 10, max: 4000 },
  titleMax: 200,
  addressMax: 300,
  categoryCode: /^[a-z_]{2,40}$/,
  kelurahanCode: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
} as const;

export class ContactDto {
  @ApiPropertyOptional({ example: 'Siti' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ example: '0812-3456-7890' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s().-]/g, '') : value))
  @Matches(/^(\+62|62|0)8\d{7,12}$/, { message: 'must be an Indonesian mobile number such as 0812-3456-7890' })
  phone?: string;

  @ApiPropertyOptional({ example: 'siti@example.id' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ description: 'The citizen agrees that the assigned OPD may contact them' })
  @Equals(true, { message: 'must be true to leave contact details' })
  consent!: boolean;
}

export class CreateAspirationDto {
  @ApiProperty({ minLength: 10, maxLength: 4000, example: 'Lampu PJU di Jl. Salak depan masjid mati sudah dua minggu, malam sangat gelap.' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(SUBMISSION_LIMITS.text.min, { message: `must be at least ${SUBMISSION_LIMITS.text.min} characters` })
  @MaxLength(SUBMISSION_LIMITS.text.max, { message: `must be at most ${SUBMISSION_LIMITS.text.max} characters` })
  text!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(SUBMISSION_LIMITS.titleMax)
  title?: string;

  @ApiPropertyOptional({ example: 'penerangan_jalan', description: 'When absent the system assigns one' })
  @IsOptional()
  @IsString()
  @Matches(SUBMISSION_LIMITS.categoryCode, { message: 'must be a category code such as penerangan_jalan' })
  categoryCode?: string;

  @ApiProperty({ example: '35.77.02.1004', description: 'Kemendagri code of the kelurahan' })
  @IsString()
  @Matches(SUBMISSION_LIMITS.kelurahanCode, { message: 'must be a kelurahan code such as 35.77.02.1004' })
  kelurahanCode!: string;

  @ApiPropertyOptional({ example: -7.6298 })
  @ValidateIf((o: CreateAspirationDto) => o.longitude !== undefined || o.latitude !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number (give latitude and longitude together)' })
  @IsLatitude()
  @Min(CITY_BOUNDS.minLat, { message: 'is outside Kota Madiun' })
  @Max(CITY_BOUNDS.maxLat, { message: 'is outside Kota Madiun' })
  latitude?: number;

  @ApiPropertyOptional({ example: 111.5239 })
  @ValidateIf((o: CreateAspirationDto) => o.longitude !== undefined || o.latitude !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number (give latitude and longitude together)' })
  @IsLongitude()
  @Min(CITY_BOUNDS.minLng, { message: 'is outside Kota Madiun' })
  @Max(CITY_BOUNDS.maxLng, { message: 'is outside Kota Madiun' })
  longitude?: number;

  @ApiPropertyOptional({ maxLength: 300, example: 'Jl. Salak No. 12, RT 03 RW 02' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(SUBMISSION_LIMITS.addressMax)
  address?: string;

  @ApiPropertyOptional({ enum: ASPIRATION_CHANNELS, default: 'portal' })
  @IsOptional()
  @IsIn(ASPIRATION_CHANNELS as unknown as string[], { message: `must be one of: ${ASPIRATION_CHANNELS.join(', ')}` })
  channel?: AspirationChannel;

  @ApiPropertyOptional({ type: ContactDto, description: 'Leave out to stay anonymous' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;
}
