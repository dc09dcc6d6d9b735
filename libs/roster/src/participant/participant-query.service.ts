import { Injectable } from '@nestjs/common';
import { Batch, BatchQueryService, BatchStatus } from '@app/booking';
import { DomainException, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { chunks, LOOKUP_CHUNK } from './chunks.js';
import { Participant } from './participant.entity.js';

/** Reading a rooming list: the list and its count per batch, earlier stays, a union's coverage, and the reads other domains make inside their transactions. */
@Injectable()
export class ParticipantQueryService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
  ) {}

  /** The list of a batch the caller can see, in the order people were added; batched per request. */
  list(ctx: RequestContext, batchId: number): Promise<Participant[]> {
    return ctx.loadGroup(
      'participants',
      batchId,
      (ids) => this.db.read(ctx, (em) => em.find(Participant, { where: { batchId: In(ids) }, order: { id: 'ASC' } })),
      (p) => p.batchId,
    );
  }

  count(ctx: RequestContext, batchId: number): Promise<number> {
    return ctx
      .loader<number, number>('participantCount', async (ids) => {
        const rows = await this.db.read(ctx, (em) =>
          em
            .createQueryBuilder(Participant, 'p')
            .select('p.batchId', 'batchId')
            .addSelect('COUNT(*)', 'n')
            .where('p.batchId IN (:...ids)', { ids: [...ids] })
            .groupBy('p.batchId')
            .getRawMany<{ batchId: number; n: string | number }>(),
        );
        return ids.map((id) => Number(rows.find((r) => Number(r.batchId) === id)?.n ?? 0));
      })
      .load(batchId);
  }

  /**
   * The arrival day of each person's latest earlier stay that went ahead (another batch checked in,
   * completed or settled, and they arrived), found by the keyed hash; null for someone who never went.
   * Batched per request.
   */
  async lastStayDate(ctx: RequestContext, participant: Participant): Promise<string | null> {
    const stays = await ctx.loadGroup(
      'staysOfPerson',
      participant.id,
      async (ids) => {
        const rows = await this.db.read(ctx, (em) =>
          em
            .createQueryBuilder(Participant, 'me')
            .innerJoin(Batch, 'mine', 'mine.id = me.batchId')
            .innerJoin(Participant, 'other', 'other.idNumberHash = me.idNumberHash AND other.batchId <> me.batchId')
            .innerJoin(Batch, 'b', 'b.id = other.batchId')
            .select('me.id', 'participantId')
            .addSelect('MAX(b.startDate)', 'lastStay')
            .where('me.id IN (:...ids)', { ids })
            .andWhere('b.status IN (:...went) AND b.startDate < mine.startDate', { went: [BatchStatus.CHECKED_IN, BatchStatus.COMPLETED, BatchStatus.SETTLED] })
            .andWhere('(other.arrived IS NULL OR other.arrived = :yes)', { yes: true })
            .groupBy('me.id')
            .getRawMany<{ participantId: number; lastStay: string }>(),
        );
        return rows.map((r) => ({ participantId: Number(r.participantId), lastStay: String(r.lastStay).slice(0, 10) }));
      },
      (r) => r.participantId,
    );
    return stays[0]?.lastStay ?? null;
  }

  /**
   * As lastStayDate, for people not (yet) on a list: the arrival day of each person's latest stay that
   * went ahead (checked in, completed or settled, and they arrived) before `before`, by keyed hash;
   * people who never went are absent. In the caller's transaction when it has one.
   */
  async lastStaysByHash(ctx: RequestContext, hashes: string[], before: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunks([...new Set(hashes)], LOOKUP_CHUNK)) {
      const rows = await this.db.read(ctx, (em) =>
        em
          .createQueryBuilder(Participant, 'p')
          .innerJoin(Batch, 'b', 'b.id = p.batchId')
          .select('p.idNumberHash', 'hash')
          .addSelect('MAX(b.startDate)', 'lastStay')
          .where('p.idNumberHash IN (:...part)', { part })
          .andWhere('b.status IN (:...went) AND b.startDate < :before', { went: [BatchStatus.CHECKED_IN, BatchStatus.COMPLETED, BatchStatus.SETTLED], before })
          .andWhere('(p.arrived IS NULL OR p.arrived = :yes)', { yes: true })
          .groupBy('p.idNumberHash')
          .getRawMany<{ hash: string; lastStay: string }>(),
      );
      for (const r of rows) found.set(r.hash, String(r.lastStay).slice(0, 10));
    }
    return found;
  }

  /**
   * A union's coverage: distinct people (by keyed hash) who went on a stay with it in the five years
   * up to today, against its member count (the national goal: every worker once in five years).
   */
  async peopleWithStay(ctx: RequestContext, unionId: number, since: string): Promise<number> {
    const row = await this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(Participant, 'p')
        .innerJoin(Batch, 'b', 'b.id = p.batchId')
        .select('COUNT(DISTINCT p.idNumberHash)', 'people')
        .where('b.unionId = :unionId AND b.startDate >= :since AND b.status IN (:...went)', { unionId, since, went: [BatchStatus.CHECKED_IN, BatchStatus.COMPLETED, BatchStatus.SETTLED] })
        .andWhere('(p.arrived IS NULL OR p.arrived = :yes)', { yes: true })
        .getRawOne<{ people: string | number }>(),
    );
    return Number(row?.people ?? 0);
  }

  /** Who of a checked-in list arrived (everyone on a list from before arrivals were recorded), with their keyed hash; in the caller's transaction. */
  async arrivedInTransaction(tx: TxContext, batchId: number): Promise<Array<Pick<Participant, 'id' | 'idNumberHash'>>> {
    const rows = await tx.em.find(Participant, { select: { id: true, idNumberHash: true, arrived: true }, where: { batchId }, order: { id: 'ASC' } });
    return rows.filter((p) => p.arrived !== false).map((p) => ({ id: p.id, idNumberHash: p.idNumberHash }));
  }

  async hasTeamLeader(tx: TxContext, batchId: number): Promise<boolean> {
    return (await tx.em.countBy(Participant, { batchId, teamLeader: true })) > 0;
  }

  /** A participant whose batch the caller can see; NOT_FOUND otherwise. */
  async getVisibleOrThrow(ctx: RequestContext, id: number): Promise<Participant> {
    const participant = await this.db.read(ctx, (em) => em.findOneBy(Participant, { id }));
    if (!participant || !(await this.batches.loadVisible(ctx, participant.batchId))) throw DomainException.notFound('Participant', id, 'id');
    return participant;
  }

  /** For the rooming-list check at check-in and the headcount guard; inside the caller's transaction. */
  countInTransaction(tx: TxContext, batchId: number): Promise<number> {
    return tx.em.countBy(Participant, { batchId });
  }
}
