import { Args, ArgsType, Field, InputType, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, type ConnectionShape, Ctx, MoneyScalar, type RequestContext, Role, Roles, PageArgs } from '@app/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, ValidateNested } from 'class-validator';
import { BillFunding } from './bill-funding.model.js';
import { BillLine, BillLineKind } from './bill-line.entity.js';
import { Bill, BillKind, BillStatus } from './bill.entity.js';
import { BillEvent } from './bill-event.entity.js';
import { BillIssueService } from './bill-issue.service.js';
import { BillPaymentService } from './bill-payment.service.js';
import { BillQueryService } from './bill-query.service.js';
import { Payment } from './payment.entity.js';
import { RecordPaymentInput } from './record-payment.input.js';

const OPERATOR = [Role.BASE_OPERATOR, Role.ADMIN];
// A PARTNER reads the bills of their region's exchange batches and the subsidy claims on its federation.
const READERS = [Role.UNION_ORGANISER, Role.UNION_APPROVER, Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN];

@ObjectType({ description: 'A page of bills, newest first.' })
export class BillConnection extends Connection(Bill, 'Bill') {}

@InputType({ description: 'Narrows the bills listed; the fields combine with AND.' })
export class BillFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  batchId?: number | null;

  @Field(() => BillStatus, { nullable: true })
  status?: BillStatus | null;

  @Field(() => BillKind, { nullable: true })
  kind?: BillKind | null;
}

@ArgsType()
export class BillsArgs extends PageArgs {
  @Field(() => BillFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BillFilter)
  filter?: BillFilter | null;
}

@Resolver(() => Bill)
export class BillResolver {
  constructor(
    private readonly queries: BillQueryService,
    private readonly issuing: BillIssueService,
    private readonly paying: BillPaymentService,
  ) {}

  @Query(() => BillConnection, { description: "Bills the caller may see: an organiser's union's, an operator's base's, all for the admin." })
  @Roles(...READERS)
  bills(@Ctx() ctx: RequestContext, @Args() args: BillsArgs): Promise<ConnectionShape<Bill>> {
    return this.queries.list(ctx, args.filter ?? {}, args.first, args.after);
  }

  @Query(() => Bill)
  @Roles(...READERS)
  bill(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Bill> {
    return this.queries.getVisibleOrThrow(ctx, id);
  }

  @Mutation(() => Bill, { description: 'Bills a COMPLETED stay: the package at its booked price × headcount, then every consumption entry.' })
  @Roles(...OPERATOR)
  issueBill(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => Int }) batchId: number): Promise<Bill> {
    return this.issuing.issue(ctx, batchId);
  }

  @Mutation(() => Bill, { description: 'Voids a bill issued in error (no payments yet); the batch can then be billed again.' })
  @Roles(Role.ADMIN)
  voidBill(@Ctx() ctx: RequestContext, @Args('billId', { type: () => Int }) billId: number, @Args('reason') reason: string): Promise<Bill> {
    return this.paying.void(ctx, billId, reason);
  }

  @Mutation(() => Bill, { description: 'Records money received; the payment that completes the bill makes it PAID and settles the stay.' })
  @Roles(...OPERATOR)
  recordPayment(@Ctx() ctx: RequestContext, @Args('input') input: RecordPaymentInput): Promise<Bill> {
    return this.paying.recordPayment(ctx, input);
  }

  @ResolveField(() => [BillLine])
  lines(@Ctx() ctx: RequestContext, @Parent() bill: Bill): Promise<BillLine[]> {
    return this.queries.lines(ctx, bill.id);
  }

  @ResolveField(() => [Payment])
  payments(@Ctx() ctx: RequestContext, @Parent() bill: Bill): Promise<Payment[]> {
    return this.queries.payments(ctx, bill.id);
  }

  @ResolveField(() => [BillEvent], { description: 'Its moves, oldest first: the issue (from null), then the payment that completed it (PAID) or its voiding (VOID); who, when and why.' })
  history(@Ctx() ctx: RequestContext, @Parent() bill: Bill): Promise<BillEvent[]> {
    return this.queries.history(ctx, bill.id);
  }

  @ResolveField(() => MoneyScalar, { description: 'total − paid (0 on a void bill).' })
  outstanding(@Parent() bill: Bill): number {
    return bill.status === BillStatus.VOID ? 0 : bill.total - bill.paid;
  }

  @ResolveField(() => BillFunding, {
    nullable: true,
    description: "A stay bill's package price per person split by the union's funding policy (the version of the batch's request date); null on other bills.",
  })
  async funding(@Ctx() ctx: RequestContext, @Parent() bill: Bill): Promise<BillFunding | null> {
    if (bill.capPerPersonPerDay === null || bill.stayDays === null) return null;
    const [lines, shares] = await Promise.all([this.queries.lines(ctx, bill.id), this.queries.shares(ctx, bill.id)]);
    const pkg = lines.find((l) => l.kind === BillLineKind.PACKAGE);
    if (!pkg) return null;
    const noShow = lines.find((l) => l.kind === BillLineKind.NO_SHOW);
    const voucherPerPerson = -(lines.find((l) => l.kind === BillLineKind.VOUCHER)?.unitPrice ?? 0);
    const unionFundedPerPerson = pkg.unitPrice - voucherPerPerson - bill.selfPaidPerPerson;
    const noShowFee = noShow?.amount ?? 0;
    const unionFunded = shares.length ? shares.reduce((sum, s) => sum + s.unionFunded, 0) : unionFundedPerPerson * pkg.quantity;
    const selfPaid = shares.length ? shares.reduce((sum, s) => sum + s.selfPaid, 0) : bill.selfPaidPerPerson * pkg.quantity;
    return {
      capPerPersonPerDay: bill.capPerPersonPerDay,
      capPerPersonPerYear: bill.capPerPersonPerYear,
      days: bill.stayDays,
      people: pkg.quantity,
      unionFundedPerPerson,
      selfPaidPerPerson: bill.selfPaidPerPerson,
      unionFunded,
      selfPaid,
      shares,
      noShows: noShow?.quantity ?? 0,
      noShowFee,
      unionTotal: unionFunded + noShowFee,
    };
  }
}
