import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'A new region; its federation union (总工会) is created with it.' })
export class CreateRegionInput {
  @Field({ description: 'Unique code: 2–16 letters, digits or dashes, e.g. "LY" for 龙岩.' })
  @Matches(/^[A-Za-z0-9-]{2,16}$/, { message: 'code must be 2–16 letters, digits or dashes' })
  code: string;

  @Field({ description: 'The city, e.g. 龙岩.' })
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @Field(() => String, { nullable: true, description: 'Name of its federation union; default "<name>市总工会".' })
  @IsOptional()
  @MaxLength(100)
  federationName?: string | null;
}
