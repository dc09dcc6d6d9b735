import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user/user.entity.js';

@ObjectType({ description: 'A signed-in session: send `Authorization: Bearer <accessToken>` with every request.' })
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field(() => User)
  user: User;
}
