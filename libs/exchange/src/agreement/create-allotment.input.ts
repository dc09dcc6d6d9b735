import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { IsInt, Max, Min } from 'class-validator';

@InputType({ description: 'A room block at a host base for the other region of an ACTIVE agreement.' })
export class CreateAllotmentInput {
  @Field(() => Int)
  @IsInt()
  agreementId: number;

  @Field(() => Int, { description: "A base in the host region; an operator's own." })
  @IsInt()
  baseId: number;

  @Field(() => DateScalar, { description: 'First night held.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last night held (at most 366 nights).' })
  to: string;

  @Field(() => Int, { description: 'Beds held on each night, 1–1000.' })
  @IsInt()
  @Min(1, { message: 'beds must be at least 1' })
  @Max(1000, { message: 'beds cannot exceed 1000' })
  beds: number;

  @Field(() => Int, { description: 'Days before each night when its unused beds return to general sale (0–180).' })
  @IsInt()
  @Min(0, { message: 'releaseDays must be 0 or more' })
  @Max(180, { message: 'releaseDays cannot exceed 180' })
  releaseDays: number;
}
