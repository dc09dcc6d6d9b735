import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'A new base.' })
export class CreateBaseInput {
  @Field({ description: 'Unique code: letters, digits and dashes, at most 32.' })
  @Matches(/^[A-Za-z0-9-]{2,32}$/, { message: 'code must be 2–32 letters, digits or dashes' })
  code: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => Int, { description: 'The region (city) the base is in.' })
  @IsInt()
  regionId: number;

  @Field()
  @IsNotEmpty()
  @MaxLength(50)
  county: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days before arrival when the rooming list freezes (0–30; default 3).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  rosterCutoffDays?: number;
}
