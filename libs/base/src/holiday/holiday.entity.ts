import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a day of the working calendar is, against the plain Monday-to-Friday week. */
export enum DayKind {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}
registerEnumType(DayKind, {
  name: 'DayKind',
  description: 'A day of the working calendar that differs from the plain week.',
  valuesMap: {
    HOLIDAY: { description: 'A public holiday (法定节假日): not a working day, even on a weekday.' },
    MAKEUP_WORKDAY: { description: 'A make-up working day (调休): a Saturday or Sunday that is worked and counts as a working day.' },
  },
});

/**
 * A day of the working calendar kept by the admin: a public holiday (not a working day) or a make-up
 * working day (a worked weekend day). The State Council's 2026 days come with the schema.
 */
@ObjectType({ description: 'A day of the working calendar: a public holiday, or a make-up working day (调休), as counted by notice periods and deadlines.' })
@Entity('holiday')
export class Holiday {
  @Field(() => DateScalar)
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Field({ description: 'The holiday it belongs to, e.g. 国庆节 (for a make-up day: the holiday it makes up for).' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => DayKind, { description: 'HOLIDAY (not worked) or MAKEUP_WORKDAY (a worked weekend day).' })
  @Column({ type: 'simple-enum', enum: DayKind, default: DayKind.HOLIDAY })
  kind: DayKind;
}
