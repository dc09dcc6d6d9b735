import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A region (a city: 云浮, a Greater Bay Area city, Hong Kong, Macau). Every union and base belongs to one; its federation signs exchange agreements.' })
@Entity('region')
export class Region {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'Short unique code, e.g. "YF" for 云浮, "SZ" for 深圳.' })
  @Index('uq_region_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Field({ description: 'The city, e.g. 云浮; also the `city` of its unions.' })
  @Index('uq_region_name', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** The region's federation union (总工会), created with the region: the party to agreements. */
  @Field(() => Int, { description: "The id of the region's federation union (总工会), the party to its exchange agreements." })
  @Column({ type: 'int' })
  federationUnionId: number;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
