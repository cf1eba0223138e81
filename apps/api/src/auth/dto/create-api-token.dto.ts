import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { API_TOKEN_SCOPES, ApiTokenScope } from '../../common/auth/auth-user';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'sinkronisasi SIPD' })
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: API_TOKEN_SCOPES, isArray: true, example: ['read'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(API_TOKEN_SCOPES as unknown as string[], { each: true, message: 'each scope must be read or write' })
  scopes!: ApiTokenScope[];

  @ApiPropertyOptional({ description: 'Days until the token expires; absent means no expiry', example: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}
