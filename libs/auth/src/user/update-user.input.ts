import { Field, InputType, Int } from '@nestjs/graphql';
import { Role } from '@app/shared';
import { IsEnum, IsInt, IsOptional } from 'class-validator';

@InputType({
  description:
    'A new role or home for an account. Fields left out keep their value; a new role starts from no home, so give its baseId, unionId or regionId with it (null clears one). The rules of createUser apply.',
})
export class UpdateUserInput {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => Int, { nullable: true, description: 'The base a BASE_OPERATOR runs.' })
  @IsOptional()
  @IsInt()
  baseId?: number | null;

  @Field(() => Int, { nullable: true, description: 'The union of a UNION_ORGANISER or UNION_APPROVER.' })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => Int, { nullable: true, description: "A PARTNER's region: they act for its federation union." })
  @IsOptional()
  @IsInt()
  regionId?: number | null;
}
