import { Injectable } from '@nestjs/common';
import { DomainException, nowToTheSecond, type RequestContext, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import { BaseService } from '../base/base.service.js';
import type { CreatePackageInput } from './create-package.input.js';
import { Base } from '../base/base.entity.js';
import { TradeUnion } from '../union/union.entity.js';
import { DEFAULT_POLICY, UnionPolicy } from '../union/union-policy.entity.js';
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

  /**
   * What a booking of `packageId` for `unionId` on `day` is judged by, in one query (a booking's round
   * trips are its cost): the package, its base, the union and the union's policy version in force on
   * `day` (the defaults when it has none). NOT_FOUND on `packageId` or `unionId` as getOrThrow says it.
   * The base is remembered for the rest of `ctx` (BaseService.load).
   */
  async getForBookingOrThrow(ctx: RequestContext, packageId: number, unionId: number, day: string): Promise<{ pkg: Package; base: Base; union: TradeUnion; policy: UnionPolicy }> {
    type Joined = Package & { joinedBase?: Base; joinedUnion?: TradeUnion; joinedPolicy?: UnionPolicy };
    const row: Joined | null = await this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(Package, 'p')
        .leftJoinAndMapOne('p.joinedBase', Base, 'b', 'b.id = p.baseId')
        .leftJoinAndMapOne('p.joinedUnion', TradeUnion, 'u', 'u.id = :unionId', { unionId })
        // The version in force: the latest effectiveFrom on or before the day ((unionId, effectiveFrom) is unique).
        .leftJoinAndMapOne(
          'p.joinedPolicy',
          UnionPolicy,
          'up',
          'up.unionId = u.id AND up.effectiveFrom = (SELECT MAX(v.effectiveFrom) FROM union_policy v WHERE v.unionId = u.id AND v.effectiveFrom <= :day)',
          { day },
        )
        .where('p.id = :packageId', { packageId })
        .getOne(),
    );
    if (!row) throw DomainException.notFound('Package', packageId, 'packageId');
    const { joinedBase: base, joinedUnion: union, joinedPolicy: policy, ...pkg } = row;
    if (!union) throw DomainException.notFound('Union', unionId, 'unionId');
    if (!base) throw DomainException.notFound('Base', pkg.baseId, 'packageId');
    this.bases.remember(ctx, base);
    return { pkg: Object.assign(new Package(), pkg), base, union, policy: policy ?? { ...DEFAULT_POLICY, unionId } };
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
