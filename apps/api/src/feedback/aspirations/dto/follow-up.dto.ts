import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../common/validation/transforms';
import { IsScore, OptionalComment } from '../../../common/validation/decorators';

class WithFollowUpKey {
  @ApiProperty({ example: 'AB3CD-EF4GH-JK5MN-PQ6RS', description: 'The secret key shown once at submission' })
  @IsString()
  @MinLength(20, { message: 'is not a follow-up key' })
  @MaxLength(40, { message: 'is not a follow-up key' })
  followUpKey!: string;
}

export class AddInfoDto extends WithFollowUpKey {
  @ApiProperty({ minLength: 3, maxLength: 4000 })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(4000)
  text!: string;
}

export class ConfirmDto extends WithFollowUpKey {
  @IsScore('Satisfaction with the resolution')
  satisfaction!: number;

  @OptionalComment()
  comment?: string;
}

export class ContestDto extends WithFollowUpKey {
  @ApiProperty({ minLength: 5, maxLength: 2000, description: 'Why the problem is not solved' })
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'must be at least 5 characters' })
  @MaxLength(2000)
  reason!: string;
}

export class SupportDto {
  @ApiPropertyOptional({ description: 'A random id the portal keeps in the browser; not needed when signed in' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a UUID' })
  supporterId?: string;
}
