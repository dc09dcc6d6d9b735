import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A public holiday (法定节假日) kept by the admin: it is not a working day for publication periods. */
@ObjectType({ description: 'A holiday: not a working day when counting a roster’s publication period.' })
@Entity('holiday')
export class Holiday {
  @Field(() => DateScalar)
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  name: string;
}
