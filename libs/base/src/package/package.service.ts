import { Injectable } from '@nestjs/common';
import { DomainException, nowToTheSecond, type RequestContext, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import { BaseService } from '../base/base.service.js';
import type { CreatePackageInput } from './create-package.input.js';
import { Package } from './package.entity.js';
import type { UpdatePackageInput } from './update-package.input.js';

function checkGroupSizes(min: number, max: number): void {
  if (min > max) {
    throw DomainException.badInput('minGroupSize', `minGroupSize (${min}) cannot be larger than maxGroupSize (${max})`);
  }
}

@Injectable()
export class PackageService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly bases: BaseService,
  ) {}

  async getOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Package> {
    const pkg = await this.db.read(ctx, (em) => em.findOneBy(Package, { id }));
    if (!pkg) throw DomainException.notFound('Package', id, field);
    return pkg;
  }

  /** Batched per request (DataLoader). */
  load(ctx: RequestContext, id: number): Promise<Package | null> {
    return ctx
      .loader<number, Package | null>('package', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(Package, { id: In([...ids]) }));
        const byId = new Map(rows.map((p) => [p.id, p]));
        return ids.map((id) => byId.get(id) ?? null);
      })
      .load(id);
  }

  /** The packages of a base, batched per request across bases. */
  listForBase(ctx: RequestContext, baseId: number, includeInactive: boolean): Promise<Package[]> {
    return ctx
      .loader<number, Package[]>(`packagesOfBase:${includeInactive}`, async (baseIds) => {
        const rows = await this.db.read(ctx, (em) => em.find(Package, { where: { baseId: In([...baseIds]), ...(includeInactive ? {} : { active: true }) }, order: { id: 'ASC' } }));
        return baseIds.map((id) => rows.filter((p) => p.baseId === id));
      })
      .load(baseId);
  }

  create(ctx: RequestContext, input: CreatePackageInput): Promise<Package> {
    assertManagesBase(ctx, input.baseId);
    checkGroupSizes(input.minGroupSize, input.maxGroupSize);
    return this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      const now = nowToTheSecond();
      return tx.em.save(tx.em.create(Package, { ...input, description: input.description ?? null, active: true, createdAt: now, updatedAt: now }));
    });
  }

  update(ctx: RequestContext, input: UpdatePackageInput): Promise<Package> {
    return this.db.transaction(ctx, async (tx) => {
      const pkg = await this.getOrThrow(tx, input.id);
      assertManagesBase(tx, pkg.baseId);
      const { id: _id, ...changes } = input;
      Object.assign(pkg, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      checkGroupSizes(pkg.minGroupSize, pkg.maxGroupSize);
      pkg.updatedAt = nowToTheSecond();
      return tx.em.save(pkg);
    });
  }
}
