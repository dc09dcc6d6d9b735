import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';

@InputType({ description: 'A message in a stay request’s thread with one base.' })
export class PostStayMessageInput {
  @Field(() => Int, { description: 'The OPEN stay request it is about.' })
  @IsInt()
  requestId: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Whose thread: the union’s side names the base when the request went to several; an operator’s is their own base’s.',
  })
  @IsOptional()
  @IsInt()
  baseId?: number | null;

  @Field({ description: '1 to 2000 characters.' })
  @IsNotEmpty({ message: 'Write something' })
  @MaxLength(2000)
  text: string;
}
