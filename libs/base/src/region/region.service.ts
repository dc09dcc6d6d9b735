import { Injectable } from '@nestjs/common';
import { DomainException, insertRow, isUniqueViolation, nowToTheSecond, type RequestContext, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { TradeUnion } from '../union/union.entity.js';
import type { CreateRegionInput } from './create-region.input.js';
import { Region } from './region.entity.js';

@Injectable()
export class RegionService {
  constructor(private readonly db: TransactionRunner) {}

  list(ctx: RequestContext): Promise<Region[]> {
    return this.db.read(ctx, (em) => em.find(Region, { order: { id: 'ASC' } }));
  }

  async getOrThrow(ctx: RequestContext, id: number, field = 'regionId'): Promise<Region> {
    const region = await this.db.read(ctx, (em) => em.findOneBy(Region, { id }));
    if (!region) throw DomainException.notFound('Region', id, field);
    return region;
  }

  async findByIds(ctx: RequestContext, ids: readonly number[]): Promise<Array<Region | null>> {
    const rows = await this.db.read(ctx, (em) => em.findBy(Region, { id: In([...ids]) }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Batched per request (DataLoader). */
  load(ctx: RequestContext, id: number): Promise<Region | null> {
    return ctx.loader<number, Region | null>('region', (ids) => this.findByIds(ctx, ids)).load(id);
  }

  /** The region's name for a message, or `region <id>` when there is no such region. */
  async nameOf(ctx: RequestContext, id: number): Promise<string> {
    return (await this.load(ctx, id))?.name ?? `region ${id}`;
  }

  /** The region and its federation union, in one transaction. */
  create(ctx: RequestContext, input: CreateRegionInput): Promise<Region> {
    const code = input.code.toUpperCase();
    const name = input.name.trim();
    return this.db.transaction(ctx, async ({ em }) => {
      const now = nowToTheSecond();
      try {
        const region: Region = { id: 0, code, name, federationUnionId: 0, createdAt: now };
        region.id = await insertRow(em, Region, { code, name, federationUnionId: 0, createdAt: now });
        const federation = { code: `${code}-FED`, name: input.federationName?.trim() || `${name}市总工会`, city: name, regionId: region.id, createdAt: now };
        region.federationUnionId = await insertRow(em, TradeUnion, federation);
        await em.update(Region, { id: region.id }, { federationUnionId: region.federationUnionId });
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
