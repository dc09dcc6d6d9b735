import { Args, ArgsType, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Connection, type ConnectionShape, Ctx, type RequestContext, Role, Roles, PageArgs } from '@app/shared';
import { PersonalDataAccess } from './personal-data-access.entity.js';
import { PersonalDataAccessService } from './personal-data-access.service.js';

@ObjectType({ description: 'A page of personal data reads, newest first.' })
export class PersonalDataAccessConnection extends Connection(PersonalDataAccess, 'PersonalDataAccess') {}

@ArgsType()
export class PersonalDataAccessArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only reads of this batch.' })
  batchId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only reads by this user.' })
  actorId?: number | null;
}

@Resolver(() => PersonalDataAccess)
export class PersonalDataAccessResolver {
  constructor(private readonly access: PersonalDataAccessService) {}

  @Query(() => PersonalDataAccessConnection, { description: 'Who read full ID numbers or phones, when, of which batch (federation admin).' })
  @Roles(Role.ADMIN)
  personalDataAccessLog(@Ctx() ctx: RequestContext, @Args() args: PersonalDataAccessArgs): Promise<ConnectionShape<PersonalDataAccess>> {
    return this.access.list(ctx, { batchId: args.batchId, actorId: args.actorId }, args.first, args.after);
  }
}
