import { Injectable } from '@nestjs/common';
import { DomainException, insertRow, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
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

  /** A new region's row, inside the caller's transaction; its federation union comes next (UnionService.createRegion). */
  async insert(tx: TxContext, code: string, name: string, createdAt: Date): Promise<Region> {
    const id = await insertRow(tx.em, Region, { code, name, federationUnionId: 0, createdAt });
    return { id, code, name, federationUnionId: 0, createdAt };
  }

  async setFederation(tx: TxContext, regionId: number, federationUnionId: number): Promise<void> {
    await tx.em.update(Region, { id: regionId }, { federationUnionId });
  }
}
