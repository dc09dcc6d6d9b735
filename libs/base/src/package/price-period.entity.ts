import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The season a price period belongs to: what the federation's staggering (错时化) steers by. */
export enum Season {
  PEAK = 'PEAK',
  SHOULDER = 'SHOULDER',
  OFF_PEAK = 'OFF_PEAK',
}
registerEnumType(Season, {
  name: 'Season',
  description: 'The season of a price period.',
  valuesMap: {
    PEAK: { description: '旺季: the busy weeks (holidays, summer).' },
    SHOULDER: { description: '平季: between the busy and the quiet weeks.' },
    OFF_PEAK: { description: '淡季: the quiet weeks the federation wants filled.' },
  },
});

/**
 * A package's price per person per night over a range of nights. A stay is priced night by night:
 * a night inside a period costs the period's price, a night outside every period its share of the
 * package's own price, so a stay across two seasons costs the sum of its nights.
 */
@ObjectType({ description: "A season's price of a package: per person per night, for the nights from firstNight to lastNight (both included)." })
@Entity('package_price_period')
@Index('idx_price_period_package', ['packageId', 'firstNight'])
export class PricePeriod {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  packageId: number;

  @Field(() => Season)
  @Column({ type: 'simple-enum', enum: Season })
  season: Season;

  @Field(() => DateScalar, { description: 'The first night the price applies to.' })
  @Column({ type: 'date' })
  firstNight: string;

  @Field(() => DateScalar, { description: 'The last night the price applies to (included).' })
  @Column({ type: 'date' })
  lastNight: string;

  @Field(() => MoneyScalar, { description: 'Price per person for one night in this period.' })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  pricePerNight: number;
}
