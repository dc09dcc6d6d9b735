import { Field, InputType, Int } from '@nestjs/graphql';
import { Role } from '@app/shared';
import { IsEnum, IsInt, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'A new account. BASE_OPERATOR needs baseId; UNION_ORGANISER needs unionId; PARTNER needs regionId.' })
export class CreateUserInput {
  @Field({ description: '3–50 lower-case letters, digits, dots, dashes or underscores.' })
  @Matches(/^[a-z0-9._-]{3,50}$/, { message: 'username must be 3–50 lower-case letters, digits, dots, dashes or underscores' })
  username: string;

  @Field({ description: 'At least 8 characters, not the username (nor it with digits added), not a common password (a list ships with the API).' })
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  baseId?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => Int, { nullable: true, description: "A PARTNER's region: they act for its federation union." })
  @IsOptional()
  @IsInt()
  regionId?: number | null;
}
