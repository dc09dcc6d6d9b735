import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { IsEnum, IsNotEmpty, Matches, MaxLength } from 'class-validator';
import { DayKind } from './holiday.entity.js';

@InputType({ description: 'One day of a year’s published arrangement: a public holiday or a make-up working day.' })
export class CalendarDayInput {
  @Field(() => DateScalar, { description: 'The day, inside the year being set.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;

  @Field({ description: 'The holiday, e.g. 春节 (for a make-up day: the holiday it makes up for); 1 to 50 characters.' })
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @Field(() => DayKind, { description: 'HOLIDAY or MAKEUP_WORKDAY (a make-up day must be a Saturday or Sunday).' })
  @IsEnum(DayKind)
  kind: DayKind;
}
