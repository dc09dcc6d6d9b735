import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'A new trade union.' })
export class CreateUnionInput {
  @Field({ description: 'Unique code: letters, digits and dashes, at most 32.' })
  @Matches(/^[A-Za-z0-9-]{2,32}$/, { message: 'code must be 2–32 letters, digits or dashes' })
  code: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => Int, { description: "The region (city) the union belongs to; its `city` is the region's name." })
  @IsInt()
  regionId: number;
}
