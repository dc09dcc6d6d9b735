import { Field, InputType, Int } from '@nestjs/graphql';
import { OptionalNotNull } from '@app/shared';
import { IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'Changes to a base; omitted fields stay as they are.' })
export class UpdateBaseInput {
  @Field(() => Int)
  @IsInt()
  id: number;

  @Field({ nullable: true })
  @OptionalNotNull()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @Field({ nullable: true })
  @OptionalNotNull()
  @IsNotEmpty()
  @MaxLength(50)
  county?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days before arrival when the rooming list freezes (0–30; default 3).' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(30)
  rosterCutoffDays?: number;
}
