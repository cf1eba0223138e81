import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class UpsertHolidayDto {
  @ApiProperty({ example: '2027-03-10' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2027-03-10' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  date!: string;

  @ApiProperty({ example: 'Idul Fitri 1448 Hijriah' })
  @IsString()
  @MinLength(3)
  @MaxLength(160)
  name!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  collectiveLeave?: boolean;
}

export class HolidayYearQueryDto {
  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'must be a year like 2026' })
  year?: string;
}
