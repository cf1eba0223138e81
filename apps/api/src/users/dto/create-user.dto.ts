import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '@ogh/domain';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'asn.dinkes@madiunkota.go.id' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Siti Rahayu' })
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ example: 'dinas-kesehatan', description: 'OPD code; required for role asn' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'must be an OPD code such as dinas-kesehatan' })
  opdCode?: string;

  @ApiPropertyOptional({ description: 'Absent: a one-time password is generated and returned once' })
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  password?: string;
}
