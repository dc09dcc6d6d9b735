import { Injectable, Logger } from '@nestjs/common';
import { BaseService, RegionService, UnionService } from '@app/base';
import { DomainException, isUniqueViolation, nowToTheSecond, type RequestContext, Role, TransactionRunner } from '@app/shared';
import { hashPassword, passwordProblem } from './password.js';
import type { CreateUserInput } from './create-user.input.js';
import { User } from './user.entity.js';

@Injectable()
export class UserService {
  private readonly logger = new Logger(UserService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly bases: BaseService,
    private readonly unions: UnionService,
    private readonly regions: RegionService,
  ) {}

  findByUsername(ctx: RequestContext, username: string): Promise<User | null> {
    return this.db.read(ctx, (em) => em.findOneBy(User, { username }));
  }

  async getOrThrow(ctx: RequestContext, id: number): Promise<User> {
    const user = await this.db.read(ctx, (em) => em.findOneBy(User, { id }));
    if (!user) throw DomainException.notFound('User', id);
    return user;
  }

  /** The row a bearer token stands for, read once per request by the guard (no cache across requests). */
  findById(ctx: RequestContext, id: number): Promise<User | null> {
    return this.db.read(ctx, (em) => em.findOneBy(User, { id }));
  }

  /** Which of these unions have an active UNION_ORGANISER account (the unions that keep their own paperwork); one query. */
  async unionsWithOrganiser(ctx: RequestContext, unionIds: readonly number[]): Promise<Set<number>> {
    if (!unionIds.length) return new Set();
    const rows = await this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(User, 'u')
        .select('DISTINCT u.unionId', 'unionId')
        .where('u.role = :role AND u.active = :active AND u.unionId IN (:...ids)', { role: Role.UNION_ORGANISER, active: true, ids: [...unionIds] })
        .getRawMany<{ unionId: number | string }>(),
    );
    return new Set(rows.map((r) => Number(r.unionId)));
  }

  list(ctx: RequestContext): Promise<User[]> {
    return this.db.read(ctx, (em) => em.find(User, { order: { id: 'ASC' } }));
  }

  /** Creates an account whose base or union matches its role; CONFLICT on a taken username. */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const baseId = input.baseId ?? null;
    let unionId = input.unionId ?? null;
    const regionId = input.regionId ?? null;
    if (input.role === Role.PARTNER && regionId === null) throw DomainException.badInput('regionId', 'A PARTNER needs the regionId of the region whose federation they act for');
    if (input.role !== Role.PARTNER && regionId !== null) throw DomainException.badInput('regionId', `Only a PARTNER belongs to a region, not a ${input.role}`);
    if (input.role === Role.PARTNER && unionId !== null) throw DomainException.badInput('unionId', "A PARTNER acts for their region's federation union; give regionId, not unionId");
    if (input.role === Role.BASE_OPERATOR && baseId === null) throw DomainException.badInput('baseId', 'A BASE_OPERATOR needs the baseId of the base they run');
    if (input.role === Role.UNION_APPROVER && unionId === null) throw DomainException.badInput('unionId', 'A UNION_APPROVER needs the unionId of the union whose rosters they approve');
    if (input.role === Role.UNION_ORGANISER && unionId === null) throw DomainException.badInput('unionId', 'A UNION_ORGANISER needs the unionId of the union they book for');
    if (input.role !== Role.BASE_OPERATOR && baseId !== null) throw DomainException.badInput('baseId', `Only a BASE_OPERATOR belongs to a base, not a ${input.role}`);
    if (input.role === Role.ADMIN && unionId !== null) throw DomainException.badInput('unionId', 'An ADMIN does not belong to a union');
    if (input.role === Role.BASE_OPERATOR && unionId !== null) throw DomainException.badInput('unionId', 'A BASE_OPERATOR does not belong to a union');
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw DomainException.badInput('password', problem);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(ctx, async (tx) => {
      if (baseId !== null) await this.bases.getOrThrow(tx, baseId, 'baseId');
      if (unionId !== null) await this.unions.getOrThrow(tx, unionId, 'unionId');
      if (regionId !== null) unionId = (await this.regions.getOrThrow(tx, regionId, 'regionId')).federationUnionId;
      try {
        const user = await tx.em.save(tx.em.create(User, { username: input.username, passwordHash, role: input.role, baseId, unionId, regionId, createdAt: nowToTheSecond() }));
        this.logger.log(`user ${user.username} (${user.role}) created by ${ctx.actor?.username ?? 'system'}`);
        return user;
      } catch (error) {
        if (isUniqueViolation(error)) throw DomainException.conflict(`The username "${input.username}" is taken`, { field: 'username' });
        throw error;
      }
    });
  }

  /** On an empty user table, creates `admin`; refuses to start without a password to give it. */
  async ensureAdmin(ctx: RequestContext, password: string | null): Promise<void> {
    const count = await this.db.read(ctx, (em) => em.count(User));
    if (count > 0) return;
    if (!password) {
      throw new Error('The database has no users: set ADMIN_PASSWORD to create the first "admin" account');
    }
    await this.create(ctx, { username: 'admin', password, role: Role.ADMIN });
  }
}
