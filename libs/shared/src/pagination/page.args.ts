import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength } from 'class-validator';

/** The paging arguments every list takes (`first`, `after`); a list's own arguments extend it. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(100)
  after?: string | null;
}
