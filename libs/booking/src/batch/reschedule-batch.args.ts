import { ArgsType, Field, Int } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { IsInt, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';

@ArgsType()
export class RescheduleBatchArgs {
  @Field(() => Int)
  @IsInt()
  id: number;

  @Field(() => DateScalar, { description: 'The new day of arrival; today or later.' })
  @IsNotEmpty()
  startDate: string;

  @Field(() => Int, { nullable: true, description: "Another package of the same base (its nights, price and the union's trip maximum apply); the batch's own when omitted." })
  @IsOptional()
  @IsInt()
  packageId?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Why, kept in the batch's history. Required of the base's operator, who moves a batch only with its union's agreement: say who at the union agreed.",
  })
  @IsOptional()
  @MaxLength(300)
  reason?: string | null;
}
