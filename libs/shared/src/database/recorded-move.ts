import { Field, ObjectType } from '@nestjs/graphql';
import { Column } from 'typeorm';

/** Who made a move of a transition table, when and why: the columns every history row of a move shares. */
@ObjectType({ isAbstract: true })
export abstract class RecordedMove {
  @Field({ description: 'Username, or "system".' })
  @Column({ type: 'varchar', length: 50 })
  actor: string;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Field()
  @Column({ type: 'datetime' })
  at: Date;
}
