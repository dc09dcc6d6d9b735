import { Injectable, Logger } from '@nestjs/common';
import { BaseService, RegionService, UnionService } from '@app/base';
import {
  DEMO_ADMIN_PASSWORD,
  DomainException,
  hydrate,
  isUniqueViolation,
  nowToTheSecond,
  passwordProblem,
  type RequestContext,
  Role,
  runSql,
  selectColumns,
  tableOf,
  TransactionRunner,
  type TxContext,
} from '@app/shared';
import { hashPassword } from './password.js';
import type { CreateUserInput } from './create-user.input.js';
import type { UpdateUserInput } from './update-user.input.js';
import { User } from './user.entity.js';

/** A user's role and home: what their tokens may reach. */
export type UserScope = Pick<User, 'role' | 'baseId' | 'unionId' | 'regionId'>;

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
    return this.db.read(ctx, async (em) => {
      const [row] = (await runSql(em, `SELECT ${selectColumns(em, User, 'u')} FROM ${tableOf(em, User)} u WHERE u.id = ?`, [id])).rows;
      return row ? hydrate(em, User, row, 'u') : null;
    });
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

  /**
   * BAD_USER_INPUT unless the role and its home fit together (a BASE_OPERATOR has a base and nothing
   * else, an organiser or approver a union, a PARTNER a region, an ADMIN none): the rule of both
   * createUser and updateUser.
   */
  checkScope(scope: UserScope): void {
    const { role, baseId, unionId, regionId } = scope;
    if (role === Role.PARTNER && regionId === null) throw DomainException.badInput('regionId', 'A PARTNER needs the regionId of the region whose federation they act for');
    if (role !== Role.PARTNER && regionId !== null) throw DomainException.badInput('regionId', `Only a PARTNER belongs to a region, not a ${role}`);
    if (role === Role.PARTNER && unionId !== null) throw DomainException.badInput('unionId', "A PARTNER acts for their region's federation union; give regionId, not unionId");
    if (role === Role.BASE_OPERATOR && baseId === null) throw DomainException.badInput('baseId', 'A BASE_OPERATOR needs the baseId of the base they run');
    if (role === Role.UNION_APPROVER && unionId === null) throw DomainException.badInput('unionId', 'A UNION_APPROVER needs the unionId of the union whose rosters they approve');
    if (role === Role.UNION_ORGANISER && unionId === null) throw DomainException.badInput('unionId', 'A UNION_ORGANISER needs the unionId of the union they book for');
    if (role !== Role.BASE_OPERATOR && baseId !== null) throw DomainException.badInput('baseId', `Only a BASE_OPERATOR belongs to a base, not a ${role}`);
    if (role === Role.ADMIN && unionId !== null) throw DomainException.badInput('unionId', 'An ADMIN does not belong to a union');
    if (role === Role.BASE_OPERATOR && unionId !== null) throw DomainException.badInput('unionId', 'A BASE_OPERATOR does not belong to a union');
  }

  /** The scope as stored: the base, union or region must exist (NOT_FOUND on its field); a PARTNER's union is their region's federation. */
  async resolveScope(tx: TxContext, scope: UserScope): Promise<UserScope> {
    if (scope.baseId !== null) await this.bases.getOrThrow(tx, scope.baseId, 'baseId');
    if (scope.unionId !== null) await this.unions.getOrThrow(tx, scope.unionId, 'unionId');
    if (scope.regionId === null) return scope;
    return { ...scope, unionId: (await this.regions.getOrThrow(tx, scope.regionId, 'regionId')).federationUnionId };
  }

  /**
   * The role and home after an update (the rules of createUser): given fields replace, a new role
   * starts from no home, and a PARTNER's union always follows their region. Null when nothing changes.
   */
  async updatedScope(tx: TxContext, user: User, input: UpdateUserInput): Promise<UserScope | null> {
    const newRole = input.role !== undefined && input.role !== user.role;
    const pick = (field: 'baseId' | 'unionId' | 'regionId') => (input[field] !== undefined ? (input[field] ?? null) : newRole ? null : user[field]);
    const requested: UserScope = { role: input.role ?? user.role, baseId: pick('baseId'), unionId: pick('unionId'), regionId: pick('regionId') };
    if (requested.role === Role.PARTNER && input.unionId === undefined) requested.unionId = null;
    this.checkScope(requested);
    const scope = await this.resolveScope(tx, requested);
    const same = scope.role === user.role && scope.baseId === user.baseId && scope.unionId === user.unionId && scope.regionId === user.regionId;
    return same ? null : scope;
  }

  /**
   * Creates an account whose base or union matches its role; CONFLICT on a taken username. The demo
   * seeding (`publishedPassword`) may give the documented demo password, which the rules refuse to
   * everyone else; production refuses demo data unless explicitly allowed.
   */
  async create(ctx: RequestContext, input: CreateUserInput, { publishedPassword = false } = {}): Promise<User> {
    const requested: UserScope = { role: input.role, baseId: input.baseId ?? null, unionId: input.unionId ?? null, regionId: input.regionId ?? null };
    this.checkScope(requested);
    const problem = publishedPassword ? null : passwordProblem(input.password, input.username);
    if (problem) throw DomainException.badInput('password', problem);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(ctx, async (tx) => {
      const scope = await this.resolveScope(tx, requested);
      try {
        const user = await tx.em.save(tx.em.create(User, { username: input.username, passwordHash, ...scope, createdAt: nowToTheSecond() }));
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
    // The documented demo password is only ever configured outside production (see loadConfig).
    await this.create(ctx, { username: 'admin', password, role: Role.ADMIN }, { publishedPassword: password === DEMO_ADMIN_PASSWORD });
  }
}
