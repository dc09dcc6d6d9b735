import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { StayRequest } from '../request/stay-request.entity.js';
import { PostStayMessageInput } from './post-stay-message.input.js';
import { StayMessage } from './stay-message.entity.js';
import { StayMessageService } from './stay-message.service.js';

@Resolver(() => StayRequest)
export class StayMessageResolver {
  constructor(private readonly messageService: StayMessageService) {}

  @Mutation(() => StayMessage, { description: "A question or an answer in an OPEN stay request's thread with one base: the union's side or that base's operator." })
  @Roles(Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN, Role.BASE_OPERATOR)
  postStayMessage(@Ctx() ctx: RequestContext, @Args('input') input: PostStayMessageInput): Promise<StayMessage> {
    return this.messageService.post(ctx, input);
  }

  @ResolveField(() => [StayMessage], { description: "Its threads' messages, oldest first: every base's for the union's side, their own base's for an operator." })
  messages(@Ctx() ctx: RequestContext, @Parent() request: StayRequest): Promise<StayMessage[]> {
    return this.messageService.list(ctx, request);
  }
}
