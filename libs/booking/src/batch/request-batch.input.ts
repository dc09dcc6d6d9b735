import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'A request for a batch: beds are held at once, until the base confirms or the hold expires.' })
export class RequestBatchInput {
  @Field(() => Int)
  @IsInt()
  packageId: number;

  @Field(() => DateScalar, { description: 'Day of arrival; today or later.' })
  @IsNotEmpty()
  startDate: string;

  @Field(() => Int, { description: "Workers in the batch, within the package's group sizes." })
  @IsInt()
  @Min(1, { message: 'headcount must be at least 1' })
  @Max(1000, { message: 'headcount cannot exceed 1000' })
  headcount: number;

  @Field(() => Int, { nullable: true, description: "The union booking; an organiser's own union when omitted. An admin, or a PARTNER (any union of their region), must give it." })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "The exchange agreement it is booked under: the union's region and the base's region must be its two parties, and it must be ACTIVE over the stay. Required for a PARTNER.",
  })
  @IsOptional()
  @IsInt()
  agreementId?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Any unique string per intended booking (e.g. a UUID). Sending it again returns the same batch instead of booking twice.',
  })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'idempotencyKey must be 1–100 printable ASCII characters without spaces' })
  idempotencyKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  notes?: string | null;
}
