import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, MoneyScalar } from '@app/shared';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What one person who arrived costs union funds and themselves on a STAY bill. Kept per bill so a
 * union's yearly cap per person can be summed over its earlier bills of the year by the keyed hash of
 * the person (never their document), and so a voided bill stops counting.
 */
@ObjectType('FundingShare', { description: "One arrival's share of the package on a stay bill: from union funds and their own (自费)." })
@Entity('bill_share')
@Check('chk_bill_share_amounts', '"unionFunded" >= 0 AND "selfPaid" >= 0')
@Index('idx_bill_share_person', ['unionId', 'year', 'personHash'])
@Index('idx_bill_share_bill', ['billId'])
export class BillShare {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  billId: number;

  @Column({ type: 'int' })
  unionId: number;

  /** The calendar year of the stay's arrival: the year whose cap it counts against. */
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: 'The participant (see Batch.participants).' })
  @Column({ type: 'int' })
  participantId: number;

  /** The keyed hash of the person's document (as on the rooming list). */
  @Column({ type: 'varchar', length: 64 })
  personHash: string;

  @Field(() => MoneyScalar, { description: "From union funds: the daily cap's share, less what the yearly cap left." })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  unionFunded: number;

  @Field(() => MoneyScalar, { description: 'Their own share (自费).' })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  selfPaid: number;

  @Field({ description: "Whether the union's yearly cap per person cut the union-funded part." })
  @Column({ type: 'boolean', default: false })
  yearlyCapReached: boolean;
}
