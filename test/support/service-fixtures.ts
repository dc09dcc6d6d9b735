import { BaseService, CapacityCalendarService, PackageService, RegionService, UnionPolicyService, UnionService } from '@app/base';
import { type Batch, BatchEvent, BatchLifecycleService, BatchRequestService, BenefitType } from '@app/booking';
import { AgreementService } from '@app/exchange';
import { InsuranceService, type Participant, type ParticipantFields, ParticipantEditService } from '@app/roster';
import { type Actor, addDays, RequestContext, Role } from '@app/shared';
import { person } from './people.js';
import type { ServiceHarness } from './service-harness.js';

let nextId = 1;
const unique = () => nextId++;

/** A signed-in user as the auth guard would build it; no account row is needed below the edge. */
export function actorCtx(role: Role, scope: Partial<Pick<Actor, 'baseId' | 'unionId' | 'regionId'>> = {}): RequestContext {
  const userId = 10_000 + unique();
  return RequestContext.forActor({ userId, username: `${role.toLowerCase()}-${userId}`, role, baseId: null, unionId: null, regionId: null, ...scope });
}

/** The n-th test person (test/support/people.ts) as the service takes it. */
export const worker = (n: number, extra: Partial<ParticipantFields> = {}): ParticipantFields => ({ ...(person(n) as ParticipantFields), ...extra });

export interface TestBase {
  id: number;
  regionId: number;
  packageId: number;
  /** Price per person of the package, in fen. */
  price: number;
  nights: number;
  operator: RequestContext;
}

export interface TestUnion {
  id: number;
  regionId: number;
  organiser: RequestContext;
}

/**
 * Builds the data of a service test through the real services, as the demo data does: bases with
 * beds and a package, unions with a policy and an organiser, batches taken through their lifecycle.
 */
export class Fixtures {
  readonly admin = actorCtx(Role.ADMIN);
  readonly system = RequestContext.system();
  private regionIds: Map<string, number> | null = null;

  constructor(private readonly h: ServiceHarness) {}

  /** Today's calendar day by the harness's clock (the real day at boot). */
  get today(): string {
    return this.h.clock.today();
  }

  /** A standard region's id by code (YF, GZ, SZ, …), seeded by the migrations. */
  async region(code: string): Promise<number> {
    this.regionIds ??= new Map((await this.h.get(RegionService).list(this.system)).map((r) => [r.code, r.id]));
    const id = this.regionIds.get(code);
    if (id === undefined) throw new Error(`No region ${code}`);
    return id;
  }

  /** A base in 云浮 with `beds` on every night from today for `nightsOfBeds`, one package, and its operator. */
  async base(opts: { beds?: number; nights?: number; price?: number; nightsOfBeds?: number; region?: string } = {}): Promise<TestBase> {
    const n = unique();
    const regionId = await this.region(opts.region ?? 'YF');
    const base = await this.h.get(BaseService).create(this.admin, { code: `SB-${n}`, name: `Service test base ${n}`, regionId, county: '新兴县' });
    const price = opts.price ?? 198_000;
    const nights = opts.nights ?? 3;
    const pkg = await this.h.get(PackageService).create(this.admin, { baseId: base.id, name: `${nights} nights`, nights, pricePerPerson: price, minGroupSize: 1, maxGroupSize: 200 });
    await this.h.get(CapacityCalendarService).setCapacity(this.admin, { baseId: base.id, from: this.today, to: addDays(this.today, opts.nightsOfBeds ?? 120), totalBeds: opts.beds ?? 50 });
    return { id: base.id, regionId, packageId: pkg.id, price, nights, operator: actorCtx(Role.BASE_OPERATOR, { baseId: base.id }) };
  }

  /**
   * A union (in 广州 unless told) and its organiser, with a policy version from today: no public
   * notice before confirmation unless `policy` asks for it, the defaults otherwise.
   */
  async union(
    opts: {
      region?: string;
      policy?: Partial<Record<'capPerPersonPerDay' | 'maxDaysPerTrip' | 'maxDaysPerYear' | 'capPerPersonPerYear' | 'insuranceMinimum', number>> & { publicationRequired?: boolean };
    } = {},
  ): Promise<TestUnion> {
    const n = unique();
    const regionId = await this.region(opts.region ?? 'GZ');
    const union = await this.h.get(UnionService).create(this.admin, { code: `SU-${n}`, name: `Service test union ${n}`, regionId });
    await this.h.get(UnionPolicyService).set(this.admin, { unionId: union.id, effectiveFrom: this.today, publicationRequired: false, ...opts.policy });
    return { id: union.id, regionId, organiser: actorCtx(Role.UNION_ORGANISER, { unionId: union.id }) };
  }

  /** An ACTIVE agreement between two regions, proposed by one's partner and accepted by the other's, with a voucher of `voucher` fen from the host. */
  async voucherAgreement(sending: string, host: string, voucher: number): Promise<number> {
    const [from, to] = [await this.region(sending), await this.region(host)];
    const agreements = this.h.get(AgreementService);
    const proposed = await agreements.propose(actorCtx(Role.PARTNER, { regionId: from }), {
      partnerRegionId: to,
      title: `voucher ${unique()}`,
      from: this.today,
      to: addDays(this.today, 400),
      quotas: [],
      benefits: [{ hostRegionId: to, type: BenefitType.VOUCHER_PER_PERSON, amount: (voucher / 100).toFixed(2) }],
    });
    await agreements.accept(actorCtx(Role.PARTNER, { regionId: to }), proposed.id);
    return proposed.id;
  }

  /** A REQUESTED batch of the union at the base, holding its beds. */
  request(union: TestUnion, base: TestBase, startDate: string, headcount: number, agreementId?: number): Promise<Batch> {
    return this.h.get(BatchRequestService).request(union.organiser, { packageId: base.packageId, startDate, headcount, agreementId });
  }

  /** People added by the base's operator (whom the organiser's cutoff does not stop). */
  list(base: TestBase, batchId: number, people: number[]): Promise<Participant[]> {
    return this.h.get(ParticipantEditService).add(
      base.operator,
      batchId,
      people.map((n) => worker(n)),
    );
  }

  /**
   * A batch of these people taken to COMPLETED: requested, confirmed, listed, insured, a team leader
   * named, checked in on its day of arrival and completed on its morning of departure (the clock is moved there and back).
   */
  async completedStay(
    union: TestUnion,
    base: TestBase,
    startDate: string,
    people: number[],
    opts: { agreementId?: number; arrived?: number } = {},
  ): Promise<{ batch: Batch; participants: Participant[] }> {
    const lifecycle = this.h.get(BatchLifecycleService);
    const batch = await this.request(union, base, startDate, people.length, opts.agreementId);
    await lifecycle.confirm(base.operator, batch.id);
    const participants = await this.list(base, batch.id, people);
    await this.h.get(InsuranceService).record(union.organiser, { batchId: batch.id, insurer: '中国人寿', policyNumber: `PL-${batch.id}`, sumInsured: 1_000_000_00 });
    await this.h.get(ParticipantEditService).setTeamLeader(base.operator, participants[0].id);
    const arrived = opts.arrived === undefined ? null : participants.slice(0, opts.arrived).map((p) => p.id);
    await this.onDay(startDate, () => lifecycle.checkIn(base.operator, batch.id, arrived));
    const done = await this.onDay(batch.endDate, () => lifecycle.complete(base.operator, batch.id));
    return { batch: done, participants };
  }

  /** Runs `work` with the clock at 10:00 in Shanghai on `day`, then puts the clock back. */
  async onDay<T>(day: string, work: () => Promise<T>): Promise<T> {
    const before = this.h.clock.now();
    this.h.clock.set(`${day}T02:00:00Z`);
    try {
      return await work();
    } finally {
      this.h.clock.set(before);
    }
  }

  /** A batch's history, oldest first. */
  history(batchId: number): Promise<Array<Pick<BatchEvent, 'from' | 'to' | 'actor' | 'reason'>>> {
    return this.h.read(async (em) => (await em.find(BatchEvent, { where: { batchId }, order: { id: 'ASC' } })).map(({ from, to, actor, reason }) => ({ from, to, actor, reason })));
  }

  /** Reserved beds per night of the base, from `from` for `nights` nights. */
  async reserved(base: TestBase, from: string, nights: number): Promise<number[]> {
    return (await this.h.get(CapacityCalendarService).calendar(this.admin, base.id, from, addDays(from, nights - 1))).map((d) => d.reservedBeds);
  }
}
