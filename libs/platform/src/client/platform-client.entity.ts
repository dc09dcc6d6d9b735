import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: "Another system (the workers' platform, a union's own system) that calls the API with its own credentials and receives its events by webhook." })
@Entity('platform_client')
@Index('uq_platform_client_client_id', ['clientId'], { unique: true })
export class PlatformClient {
  @Field(() => Int, { description: 'The row id, for the admin operations.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'The public client id (`rrc_…`), sent with the secret to POST /oauth/token.' })
  @Column({ type: 'varchar', length: 40 })
  clientId: string;

  @Field({ description: 'Who the client is, for people.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => Int, { nullable: true, description: "Its scope when it is a region: it acts for that region's unions and receives their events." })
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Field(() => [Int], { nullable: true, description: 'Its scope when it is a set of unions.' })
  @Column({ type: 'simple-json', nullable: true })
  unionIds: number[] | null;

  @Field(() => [String], { description: 'The GraphQL operations (root field names) it may call.' })
  @Column({ type: 'simple-json' })
  operations: string[];

  @Field({ description: 'Where its events are POSTed, signed.' })
  @Column({ type: 'varchar', length: 500 })
  webhookUrl: string;

  @Field(() => Int, { description: 'API requests it may make per minute (a token bucket of this size, refilled evenly).' })
  @Column({ type: 'int' })
  requestsPerMinute: number;

  @Field({ description: 'false once revoked: its tokens are refused and nothing more is delivered to it.' })
  @Column({ type: 'boolean' })
  active: boolean;

  /** SHA-256 (hex) of the secret; the secret itself is shown once and never stored. */
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  /** Carried in its tokens; moved on by a revocation or a new secret, so older tokens stop at once. */
  @Column({ type: 'int' })
  tokenVersion: number;

  /** Which signing secret is in force (derived from DATA_KEY, the row id and this). */
  @Column({ type: 'int' })
  secretVersion: number;

  /** Outbox events up to this id were there before it was registered and are not sent to it. */
  @Column({ type: 'int' })
  fromOutboxId: number;

  @Field({ description: 'When it was registered.' })
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked.' })
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}

@ObjectType({ description: 'A client as registered or given a new secret: the secrets are shown here once and cannot be read again.' })
export class PlatformClientCredentials {
  @Field(() => PlatformClient, { description: 'The client.' })
  client: PlatformClient;

  @Field({ description: 'The client secret for POST /oauth/token (with clientId). Stored only as a hash: keep it now.' })
  clientSecret: string;

  @Field({ description: 'The key its webhooks are signed with (HMAC-SHA256, see the README): keep it beside the client secret.' })
  signingSecret: string;
}
