import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';

export enum StatisticsGroupBy {
  BASE = 'BASE',
  UNION = 'UNION',
  CITY = 'CITY',
  REGION = 'REGION',
  MONTH = 'MONTH',
}

/** Which batches the figures count: all, only those booked under exchange agreements, or only the others. */
export enum StatisticsExchange {
  ALL = 'ALL',
  EXCHANGE = 'EXCHANGE',
  NON_EXCHANGE = 'NON_EXCHANGE',
}
registerEnumType(StatisticsExchange, {
  name: 'StatisticsExchange',
  valuesMap: {
    ALL: { description: 'Every batch.' },
    EXCHANGE: { description: 'Only batches booked under an exchange agreement (互派).' },
    NON_EXCHANGE: { description: 'Only batches booked outside any agreement.' },
  },
});
registerEnumType(StatisticsGroupBy, {
  name: 'StatisticsGroupBy',
  valuesMap: {
    BASE: { description: 'Per base that hosted.' },
    UNION: { description: 'Per union that sent workers.' },
    CITY: { description: 'Per city of the sending union.' },
    REGION: { description: 'Per region of the sending union.' },
    MONTH: { description: 'Per month of arrival (YYYY-MM).' },
  },
});

@ObjectType({ description: 'What batches arriving in a period brought.' })
export class StatisticsFigures {
  @Field(() => Int, { description: 'Batches that checked in (checked in, completed or settled).' })
  batches: number;

  @Field(() => Int, { description: 'Person-visits (人次): the headcounts of those batches.' })
  personVisits: number;

  @Field(() => Int, { description: 'Headcount × nights of those batches.' })
  personNights: number;

  @Field(() => MoneyScalar, { description: 'Billed (bills not void) for batches arriving in the period.' })
  consumption: number;

  @Field(() => MoneyScalar, { description: 'Paid against those bills.' })
  paid: number;

  @Field(() => MoneyScalar, { description: 'consumption − paid.' })
  outstanding: number;
}

@ObjectType({ description: 'Growth on the same period a year earlier, in percent with one decimal (108.0 = more than doubled); null when the earlier figure is 0.' })
export class StatisticsGrowth {
  @Field(() => Float, { nullable: true })
  batches: number | null;

  @Field(() => Float, { nullable: true })
  personVisits: number | null;

  @Field(() => Float, { nullable: true })
  personNights: number | null;

  @Field(() => Float, { nullable: true })
  consumption: number | null;

  @Field(() => Float, { nullable: true })
  paid: number | null;

  @Field(() => Float, { nullable: true })
  outstanding: number | null;
}

@ObjectType({ description: 'One group (or the total): this period, the same period a year earlier, and the growth.' })
export class StatisticsRow {
  @Field({ description: 'The base or union id, the city, or YYYY-MM; "total" for the total.' })
  key: string;

  @Field({ description: 'A name to show: base or union name, city, month.' })
  label: string;

  @Field(() => StatisticsFigures)
  current: StatisticsFigures;

  @Field(() => StatisticsFigures)
  previousYear: StatisticsFigures;

  @Field(() => StatisticsGrowth)
  growth: StatisticsGrowth;
}

@ObjectType({ description: "The federation's figures for a period, per group and in total, scoped to what the caller may see." })
export class Statistics {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => StatisticsGroupBy)
  groupBy: StatisticsGroupBy;

  @Field(() => StatisticsExchange, { description: 'Which batches were counted.' })
  exchange: StatisticsExchange;

  @Field(() => [StatisticsRow])
  rows: StatisticsRow[];

  @Field(() => StatisticsRow)
  total: StatisticsRow;
}

@ObjectType({
  description:
    'Whether staggering (错时化) works, for one base and one month (YYYY-MM) of the period: its beds against what was taken, and the requests it refused or that moved away. Refusals are counted under the month of the arrival asked for, moves under the month of the arrival they left.',
})
export class StaggeringRow {
  @Field(() => Int, { description: 'The base.' })
  baseId: number;

  @Field({ description: "The base's name." })
  label: string;

  @Field({ description: 'The month, YYYY-MM (only its days inside the period count).' })
  month: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Bed-nights on offer: the beds set on the month's open nights, added up (closed nights count nothing). Null for a caller who does not see the base's calendar (only the federation and the base's operator do).",
  })
  bedNights: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Bed-nights taken on those nights: the beds reserved now (batches held, confirmed or checked in, and room blocks of exchange agreements) plus the headcounts of the batches that stayed and left (completed, settled). Null as bedNights.',
  })
  occupiedBedNights: number | null;

  @Field(() => Float, { nullable: true, description: 'occupiedBedNights ÷ bedNights in percent, with one decimal (87.5); null when no beds were on offer or the caller does not see them.' })
  occupancy: number | null;

  @Field(() => Int, { description: 'Batch requests refused because a night was full or closed (CAPACITY_EXCEEDED, or a closed night), counted under the arrival asked for.' })
  refusedRequests: number;

  @Field(() => Int, { description: 'Moves of batches to other dates refused because a night was full or closed, counted under the arrival asked for.' })
  refusedMoves: number;

  @Field(() => Int, { description: 'Moves of batches to another arrival (rescheduleBatch), counted under the arrival they left; a batch moved twice counts twice.' })
  moves: number;
}
