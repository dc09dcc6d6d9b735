import { Injectable } from '@nestjs/common';
import { DomainException, isUniqueViolation, nowToTheSecond, Permission, type RequestContext, requireAccess, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { RegionService } from '../region/region.service.js';
import type { CreateUnionInput } from './create-union.input.js';
import { TradeUnion } from './union.entity.js';

@Injectable()
export class UnionService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly regions: RegionService,
  ) {}

  list(ctx: RequestContext): Promise<TradeUnion[]> {
    return this.db.read(ctx, (em) => em.find(TradeUnion, { order: { id: 'ASC' } }));
  }

  async getOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<TradeUnion> {
    const union = await this.db.read(ctx, (em) => em.findOneBy(TradeUnion, { id }));
    if (!union) throw DomainException.notFound('Union', id, field);
    return union;
  }

  /**
   * Locks the union's row for the caller's transaction (MySQL `FOR UPDATE`): what is counted against
   * the union's yearly caps is counted by one transaction at a time.
   */
  async lock(tx: TxContext, id: number): Promise<void> {
    await this.db.forUpdate(tx.em.createQueryBuilder(TradeUnion, 'u').select('u.id').where('u.id = :id', { id })).getOne();
  }

  async findByIds(ctx: RequestContext, ids: readonly number[]): Promise<Array<TradeUnion | null>> {
    const rows = await this.db.read(ctx, (em) => em.findBy(TradeUnion, { id: In([...ids]) }));
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Batched per request (DataLoader). */
  load(ctx: RequestContext, id: number): Promise<TradeUnion | null> {
    return ctx.loader<number, TradeUnion | null>('union', (ids) => this.findByIds(ctx, ids)).load(id);
  }

  /** The union's approver or an admin declares how many members it has. */
  async setMemberCount(ctx: RequestContext, unionId: number, memberCount: number): Promise<TradeUnion> {
    requireAccess(ctx, Permission.GovernUnion, { unionId }, { message: "Only the union's approver or an admin sets its member count", field: 'unionId' });
    if (!Number.isInteger(memberCount) || memberCount < 1 || memberCount > 10_000_000) throw DomainException.badInput('memberCount', `memberCount is 1 to 10,000,000, got ${memberCount}`);
    return this.db.transaction(ctx, async (tx) => {
      const union = await this.getOrThrow(tx, unionId, 'unionId');
      await tx.em.update(TradeUnion, { id: unionId }, { memberCount });
      return { ...union, memberCount };
    });
  }

  create(ctx: RequestContext, input: CreateUnionInput): Promise<TradeUnion> {
    return this.db.transaction(ctx, async (tx) => {
      const em = tx.em;
      const region = await this.regions.getOrThrow(tx, input.regionId, 'regionId');
      try {
        // Codes are compared case-insensitively on MySQL; upper-case them so SQLite agrees.
        return await em.save(em.create(TradeUnion, { ...input, code: input.code.toUpperCase(), city: region.name, createdAt: nowToTheSecond() }));
      } catch (error) {
        if (isUniqueViolation(error)) throw DomainException.conflict(`A union with code "${input.code}" already exists`, { field: 'code' });
        throw error;
      }
    });
  }
}
