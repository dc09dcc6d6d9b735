import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AccessChannel {
  GRAPHQL = 'GRAPHQL',
  EXPORT = 'EXPORT',
}
registerEnumType(AccessChannel, {
  name: 'AccessChannel',
  description: 'How the full personal data left the system.',
  valuesMap: { GRAPHQL: { description: 'Read through the idNumber or phone field.' }, EXPORT: { description: 'A spreadsheet download.' } },
});

/** One read of full ID numbers or phones: who, when, which batch, how many people. Never the values. */
@ObjectType({ description: 'A read of unmasked personal data (ID numbers, phones), for the federation to audit.' })
@Entity('personal_data_access')
@Index('idx_pda_batch', ['batchId', 'id'])
@Index('idx_pda_actor', ['actorId', 'id'])
export class PersonalDataAccess {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'When the values were read.' })
  @Column({ type: 'datetime' })
  at: Date;

  @Field(() => Int, { nullable: true, description: 'The user who read them.' })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'Their username at the time.' })
  @Column({ type: 'varchar', length: 100 })
  actorUsername: string;

  @Field({ description: 'Their role at the time.' })
  @Column({ type: 'varchar', length: 20 })
  actorRole: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  batchId: number;

  @Field(() => Int, { description: 'How many participants of the batch were read.' })
  @Column({ type: 'int' })
  participantCount: number;

  @Field({ description: 'Which values: "idNumber", "phone", or "idNumber,phone".' })
  @Column({ type: 'varchar', length: 40 })
  fields: string;

  @Field(() => AccessChannel)
  @Column({ type: 'simple-enum', enum: AccessChannel })
  channel: AccessChannel;

  @Field({ description: 'The request id (X-Request-Id when the client sent one), to match server logs.' })
  @Column({ type: 'varchar', length: 64 })
  requestId: string;
}
