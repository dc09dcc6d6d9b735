import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BenefitType } from '@app/booking';
import { bigintToNumber, DateScalar, RecordedMove } from '@app/shared';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AgreementStatus } from './agreement-status.js';

@ObjectType({ description: 'A framework agreement (互派协议) between two regions to send worker groups to each other: quotas per direction and year, and what each host gives its visitors.' })
@Entity('agreement')
@Index('idx_agreement_proposer', ['proposerRegionId', 'status'])
@Index('idx_agreement_partner', ['partnerRegionId', 'status'])
@Index('idx_agreement_status_to', ['status', 'to'])
export class Agreement {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => Int, { description: 'The region that proposed it.' })
  @Column({ type: 'int' })
  proposerRegionId: number;

  @Field(() => Int, { description: 'The other region, which accepts or declines.' })
  @Column({ type: 'int' })
  partnerRegionId: number;

  @Field(() => DateScalar, { description: 'First day of the agreement; agreement years count from it.' })
  @Column({ type: 'date', name: 'fromDate' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day: a stay booked under it must end (depart) by then.' })
  @Column({ type: 'date', name: 'toDate' })
  to: string;

  @Field(() => AgreementStatus)
  @Column({ type: 'simple-enum', enum: AgreementStatus })
  status: AgreementStatus;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field()
  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/** A move of an agreement: who, when, from, to, why. */
@ObjectType({ description: 'One change of an agreement’s status: who, when, from, to and why.' })
@Entity('agreement_event')
@Index('idx_agreement_event', ['agreementId'])
export class AgreementEvent extends RecordedMove {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  agreementId: number;

  @Field(() => AgreementStatus, { nullable: true })
  @Column({ type: 'simple-enum', enum: AgreementStatus, nullable: true })
  from: AgreementStatus | null;

  @Field(() => AgreementStatus)
  @Column({ type: 'simple-enum', enum: AgreementStatus })
  to: AgreementStatus;
}

/**
 * Person-visits one region may send to the other in one agreement year. `used` counts the batches
 * booked under it that are requested, confirmed or went ahead; it changes only by guarded UPDATEs
 * (in the batch's transaction), and the CHECK is the database's last word.
 */
@ObjectType({ description: 'A quota: person-visits (人次) one region may send to the other in one agreement year.' })
@Entity('agreement_quota')
@Check('chk_agreement_quota', '"used" >= 0 AND "used" <= "personVisits"')
export class AgreementQuota {
  @PrimaryColumn({ type: 'int' })
  agreementId: number;

  @Field(() => Int, { description: 'The sending region.' })
  @PrimaryColumn({ type: 'int' })
  fromRegionId: number;

  @Field(() => Int, { description: 'Agreement year: 1 from `from`, 2 a year later, …' })
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Field(() => DateScalar, { description: 'First day of that agreement year.' })
  @Column({ type: 'date' })
  yearStart: string;

  @Field(() => DateScalar, { description: 'Last day of that agreement year (or of the agreement).' })
  @Column({ type: 'date' })
  yearEnd: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  personVisits: number;

  @Field(() => Int, { description: 'Person-visits of batches booked under it and not cancelled, rejected or expired.' })
  @Column({ type: 'int', default: 0 })
  used: number;
}

/** What a host region gives the other's visitors. */
@ObjectType({ description: "A host region's benefit to the visiting region's groups." })
@Entity('agreement_benefit')
export class AgreementBenefit {
  @PrimaryColumn({ type: 'int' })
  agreementId: number;

  @Field(() => Int, { description: 'The host region that grants it.' })
  @PrimaryColumn({ type: 'int' })
  hostRegionId: number;

  @Field(() => BenefitType)
  @Column({ type: 'simple-enum', enum: BenefitType })
  type: BenefitType;

  /** Fen for a voucher; hundredths of a percent for a discount. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amount: number;
}
