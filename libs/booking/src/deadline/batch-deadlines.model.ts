import { Field, ObjectType } from '@nestjs/graphql';
import { type CalendarDate, DateScalar } from '@app/shared';

@ObjectType({
  description:
    "When each step of a batch is due (Asia/Shanghai days), from its union's policy version, its base's roster cut-off and the working calendar. The list's steps are null where the policy asks for no public notice.",
})
export class BatchDeadlines {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The organiser submits the complete rooming list by this day: the working day before approveBy, or the day before the list freezes if that is earlier.',
  })
  submitBy: CalendarDate | null;

  @Field(() => DateScalar, { nullable: true, description: "The union's approver approves the list by this day (the same day as publishBy)." })
  approveBy: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The list is publicly posted by this working day at the latest: the last one from which the policy's working days of notice still end before arrival.",
  })
  publishBy: CalendarDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day the list clears notice if posted on publishBy (a projection: once posted, the roster's own rosterClearsOn says when it clears).",
  })
  clearsOn: CalendarDate | null;

  @Field(() => DateScalar, { description: 'The base confirms by this day at the latest: the day of arrival.' })
  confirmBy: CalendarDate;

  @Field(() => DateScalar, { description: "From this day (startDate − the base's rosterCutoffDays) only the base's operator changes the list." })
  rosterFreezesOn: CalendarDate;
}
