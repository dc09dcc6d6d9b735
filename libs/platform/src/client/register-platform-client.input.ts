import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

@InputType({ description: 'A platform client to register: give either regionId or unionIds as its scope.' })
export class RegisterPlatformClientInput {
  @Field({ description: 'Who it is, for people (1–100 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => Int, { nullable: true, description: "Scope: one region (the client acts for that region's unions)." })
  @IsOptional()
  @IsInt()
  regionId?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Scope: a set of unions (1–200).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  unionIds?: number[] | null;

  @Field(() => [String], { description: 'The GraphQL operations (root field names, e.g. "batch", "batches", "requestBatch") it may call; only those open to clients are accepted.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  operations: string[];

  @Field({ description: 'Where its events are POSTed: an http:// or https:// address.' })
  @IsString()
  @MaxLength(500)
  webhookUrl: string;

  @Field(() => Int, { nullable: true, description: 'API requests per minute it may make (default 120, at most 6000).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6000)
  requestsPerMinute?: number | null;
}
