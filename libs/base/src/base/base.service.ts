import { Injectable } from '@nestjs/common';
import { DomainException, hydrate, isUniqueViolation, nowToTheSecond, type RequestContext, runSql, selectColumns, tableOf, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { Base } from './base.entity.js';
import { RegionService } from '../region/region.service.js';
import type { CreateBaseInput } from './create-base.input.js';
import type { UpdateBaseInput } from './update-base.input.js';

@Injectable()
export class BaseService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly regions: RegionService,
  ) {}

  list(ctx: RequestContext): Promise<Base[]> {
    return this.db.read(ctx, async (em) => (await runSql(em, `SELECT ${selectColumns(em, Base, 'b')} FROM ${tableOf(em, Base)} b ORDER BY b.id`, [])).rows.map((r) => hydrate(em, Base, r, 'b')!));
  }

  /** The base, or NOT_FOUND naming `field`. */
  async getOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Base> {
    const base = await this.db.read(ctx, (em) => em.findOneBy(Base, { id }));
    if (!base) throw DomainException.notFound('Base', id, field);
    return base;
  }

  /** Bases by id in the order asked (null where missing): the DataLoader batch function. */
  async findByIds(ctx: RequestContext, ids: readonly number[]): Promise<Array<Base | null>> {
    const rows = await this.db.read(ctx, (em) => em.findBy(Base, { id: In([...ids]) }));
    const byId = new Map(rows.map((b) => [b.id, b]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Batched per request: listing many batches costs one query for all their bases. */
  load(ctx: RequestContext, id: number): Promise<Base | null> {
    return this.loader(ctx).load(id);
  }

  /** A base the caller has just read (joined to another row): a later `load` of it in this context costs no query. */
  remember(ctx: RequestContext, base: Base): void {
    this.loader(ctx).prime(base.id, base);
  }

  private loader(ctx: RequestContext) {
    return ctx.loader<number, Base | null>('base', (ids) => this.findByIds(ctx, ids));
  }

  create(ctx: RequestContext, input: CreateBaseInput, isDemo = false): Promise<Base> {
    return this.db.transaction(ctx, async (tx) => {
      const em = tx.em;
      await this.regions.getOrThrow(tx, input.regionId, 'regionId');
      try {
        return await em.save(
          em.create(Base, {
            ...input,
            code: input.code.toUpperCase(),
            address: input.address ?? null,
            description: input.description ?? null,
            rosterCutoffDays: input.rosterCutoffDays ?? 3,
            isDemo,
            createdAt: nowToTheSecond(),
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw DomainException.conflict(`A base with code "${input.code}" already exists`, { field: 'code' });
        throw error;
      }
    });
  }

  update(ctx: RequestContext, input: UpdateBaseInput): Promise<Base> {
    return this.db.transaction(ctx, async (tx) => {
      const base = await this.getOrThrow(tx, input.id);
      const { id: _id, ...changes } = input;
      Object.assign(base, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      return tx.em.save(base);
    });
  }
}
