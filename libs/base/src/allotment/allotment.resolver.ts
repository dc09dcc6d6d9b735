import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/shared';
import { Base } from '../base/base.entity.js';
import { BaseService } from '../base/base.service.js';
import { Allotment, AllotmentEvent, AllotmentNight } from './allotment.entity.js';
import { AllotmentService } from './allotment.service.js';

/**
 * An allotment's own fields. Reading one (`allotment`), making and releasing one, and its
 * `agreement` are the exchange's (AgreementAllotmentResolver), which decides who sees it.
 */
@Resolver(() => Allotment)
export class AllotmentResolver {
  constructor(
    private readonly allotments: AllotmentService,
    private readonly bases: BaseService,
  ) {}

  @ResolveField(() => Base)
  async base(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<Base> {
    return (await this.bases.load(ctx, a.baseId))!;
  }

  @ResolveField(() => [AllotmentNight], { description: 'Every night: beds held, used by batches, whether released.' })
  nights(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<AllotmentNight[]> {
    return this.allotments.nights(ctx, a.id);
  }

  @ResolveField(() => [AllotmentEvent], { description: 'Creation and releases, oldest first.' })
  history(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<AllotmentEvent[]> {
    return this.allotments.history(ctx, a.id);
  }
}
