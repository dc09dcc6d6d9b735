import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentType } from './identity-document.js';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: '性别.' });

export enum ParticipantCategory {
  MODEL_WORKER = 'MODEL_WORKER',
  FRONTLINE_WORKER = 'FRONTLINE_WORKER',
  OTHER = 'OTHER',
}
registerEnumType(ParticipantCategory, {
  name: 'ParticipantCategory',
  description: 'Why the worker was chosen (类别).',
  valuesMap: {
    MODEL_WORKER: { description: '劳模: a model worker.' },
    FRONTLINE_WORKER: { description: '一线职工: a frontline worker.' },
    OTHER: { description: '其他.' },
  },
});

/**
 * One person on a batch's rooming list. The ID number and phone are stored encrypted (AES-256-GCM),
 * beside their masked form for everyday reads and a keyed hash (HMAC) of the ID number that finds
 * the same person elsewhere without decrypting anything.
 */
@ObjectType({ description: 'A person on the rooming list of a batch. ID number and phone are masked unless asked for by name (and logged).' })
@Entity('participant')
@Index('uq_participant_batch_person', ['batchId', 'idNumberHash'], { unique: true })
@Index('idx_participant_person', ['idNumberHash'])
export class Participant {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  batchId: number;

  @Field({ description: '姓名, as on the identity document.' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => Gender)
  @Column({ type: 'simple-enum', enum: Gender })
  gender: Gender;

  @Field(() => DocumentType)
  @Column({ type: 'simple-enum', enum: DocumentType })
  documentType: DocumentType;

  /** `v1.` + base64(iv ‖ tag ‖ ciphertext); see PersonalDataCipher. */
  @Column({ type: 'varchar', length: 120 })
  idNumberCipher: string;

  /** HMAC-SHA256 (hex) of document type and number: the same person, found without decrypting. */
  @Column({ type: 'varchar', length: 64 })
  idNumberHash: string;

  @Field({ description: 'The document number masked, e.g. "440102********123X".' })
  @Column({ type: 'varchar', length: 24 })
  idNumberMasked: string;

  @Column({ type: 'varchar', length: 120 })
  phoneCipher: string;

  @Field({ description: 'The phone masked, e.g. "138****5678" or "+852****5678".' })
  @Column({ type: 'varchar', length: 16 })
  phoneMasked: string;

  @Field({ description: '工作单位.' })
  @Column({ type: 'varchar', length: 100 })
  employer: string;

  @Field(() => ParticipantCategory)
  @Column({ type: 'simple-enum', enum: ParticipantCategory })
  category: ParticipantCategory;

  @Field(() => String, { nullable: true, description: '饮食禁忌: dietary needs.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dietaryNeeds: string | null;

  @Field(() => String, { nullable: true, description: 'Room label: people with the same label in a batch share a room.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  room: string | null;

  @Field({ description: 'The team leader (领队) of the batch: one per batch, required before check-in.' })
  @Column({ type: 'boolean', default: false })
  teamLeader: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether they arrived, set at check-in (null before).' })
  @Column({ type: 'boolean', nullable: true })
  arrived: boolean | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field()
  @Column({ type: 'datetime' })
  updatedAt: Date;
}
