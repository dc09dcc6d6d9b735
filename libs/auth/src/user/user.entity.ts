import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@app/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'Someone who signs in: the role decides what they may do, the base or union whose data they see.' })
@Entity('app_user')
export class User {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field()
  @Index('uq_user_username', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  /** scrypt$N$r$p$salt$hash — never leaves the service. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'simple-enum', enum: Role })
  role: Role;

  @Field(() => Int, { nullable: true, description: 'The base a BASE_OPERATOR runs.' })
  @Column({ type: 'int', nullable: true })
  baseId: number | null;

  @Field(() => Int, { nullable: true, description: 'The union a UNION_ORGANISER books for (a PARTNER: their federation).' })
  @Column({ type: 'int', nullable: true })
  unionId: number | null;

  @Field(() => Int, { nullable: true, description: "A PARTNER's region (their unionId is its federation union)." })
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Field({ description: 'False once the admin deactivates the account: it cannot sign in and its tokens stop working.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Carried in every token; bumped on a password, role or activation change, so older tokens stop working at once. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
