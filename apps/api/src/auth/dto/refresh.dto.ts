import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(20, { message: 'is not a refresh token' })
  @MaxLength(200)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Revoke this refresh token\'s session instead of the current one' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
