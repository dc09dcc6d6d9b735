import { Injectable } from '@nestjs/common';
import { DomainException, insertRow, isUniqueViolation, nowToTheSecond, Permission, type RequestContext, requireAccess, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import type { CreateRegionInput } from '../region/create-region.input.js';
import type { Region } from '../region/region.entity.js';
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

  /** The ids of a region's unions (a platform client scoped to the region acts for these). */
  async idsInRegion(ctx: RequestContext, regionId: number): Promise<number[]> {
    const rows = await this.db.read(ctx, (em) => em.find(TradeUnion, { select: { id: true }, where: { regionId }, order: { id: 'ASC' } }));
    return rows.map((u) => u.id);
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

  /** A region and its federation union (总工会, code "<code>-FED"), in one transaction. */
  createRegion(ctx: RequestContext, input: CreateRegionInput): Promise<Region> {
    const code = input.code.toUpperCase();
    const name = input.name.trim();
    return this.db.transaction(ctx, async (tx) => {
      const now = nowToTheSecond();
      try {
        const region = await this.regions.insert(tx, code, name, now);
        const federation = { code: `${code}-FED`, name: input.federationName?.trim() || `${name}市总工会`, city: name, regionId: region.id, createdAt: now };
        region.federationUnionId = await insertRow(tx.em, TradeUnion, federation);
        await this.regions.setFederation(tx, region.id, region.federationUnionId);
        return region;
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw DomainException.conflict(`A region with code "${code}" or name "${name}" (or a union with code "${code}-FED") already exists`, { field: 'code' });
        }
        throw error;
      }
    });
  }
}
