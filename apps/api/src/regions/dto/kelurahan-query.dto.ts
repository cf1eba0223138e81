import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class KelurahanQueryDto {
  @ApiPropertyOptional({ example: '35.77.01', description: 'Kemendagri code of a kecamatan' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'must be a kecamatan code like 35.77.01' })
  kecamatan?: string;
}
