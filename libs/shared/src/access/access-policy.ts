import { type Actor, PLATFORM_CLIENT, Role } from '../context/actor.js';
import type { RequestContext } from '../context/request-context.js';
import { DomainException } from '../errors/domain.exception.js';

/**
 * The one place that says whom an actor may act for: which union, base, region or batch. Services
 * ask it (`may`, `requireAccess`, `scopeFor`) and never compare roles or homes themselves; a spec
 * (no-role-checks.spec.ts) fails on a hand-written check anywhere else in libs/.
 *
 * Which *operations* a role may call at all is the resolvers' `@Roles` gate (and the transition
 * tables' `actors` columns); this policy is about scope: *whose* union, base, region or batch.
 */
export enum Permission {
  /** See a batch (and its bills, figures and list): a union's people their union's, an operator their base's, a partner their region's exchange batches. */
  SeeBatch = 'SeeBatch',
  /** Change a batch as the side that sends it (cancel, headcount): a partner only the batches its own region's unions send. */
  SendForBatch = 'SendForBatch',
  /** Move a batch to other dates as the side that sends it: its union's organiser, a partner the batches its own region sends, the federation. */
  MoveBatch = 'MoveBatch',
  /** Move a batch to other dates with its union's agreement, saying who at the union agreed: the hosting base's operator. */
  MoveBatchOnUnionsWord = 'MoveBatchOnUnionsWord',
  /** Book a batch for a union: an organiser for their own, a partner for the unions of their region, the federation for any. */
  BookForUnion = 'BookForUnion',
  /**
   * Act for a union on its batches' paperwork (insurance, roster approval, the notice link, coverage,
   * rating a stay); a partner stands in for a union without an organiser on what its region sent.
   */
  ActForUnion = 'ActForUnion',
  /** Read a union's rules (its funding policy): its own people read their union's; bases and partners, who book and host for every union, any. */
  ReadUnion = 'ReadUnion',
  /** Govern a union (member count, funding policy): its approver, or the federation. */
  GovernUnion = 'GovernUnion',
  /** Run a base (beds, closed dates, packages, allotments, cancellation and no-show terms): its operator, or the federation. */
  OperateBase = 'OperateBase',
  /** Change who is on a batch's rooming list: the batch's organiser (or the partner standing in for it) and its base's operator; not the admin (the union and the base keep the list). */
  EditRoster = 'EditRoster',
  /** Change a rooming list that cleared public notice or passed the organiser's cut-off: the hosting base's operator alone. */
  AmendLateRoster = 'AmendLateRoster',
  /** Read full ID numbers and phones: only the batch's organiser (or the partner standing in for it) and its base's operator, who register and call the people; not the admin. */
  ReadPersonalData = 'ReadPersonalData',
  /** Download a batch's rooming list as a file: those who keep it (full values where ReadPersonalData says), and the federation (masked). */
  ExportRoster = 'ExportRoster',
  /** Read stay ratings: an operator their base's, an organiser their union's, the federation all. */
  ReadFeedback = 'ReadFeedback',
  /** See exchange agreements: those of the region one belongs to (a partner's, an operator's base's, a union's). */
  SeeAgreement = 'SeeAgreement',
  /** Act for a region in exchange (propose, accept, reciprocity, allotments as the guest): its partner, or the federation. */
  ActForRegion = 'ActForRegion',
  /** Act as the city federation: either side of any agreement, any union's booking under any agreement. */
  ManageFederation = 'ManageFederation',
  /**
   * Ask bases for a stay made to order (订单式) and act on the answers (reply, accept or decline a
   * quote, withdraw the request): an organiser for their own union, a partner for the unions of their
   * region (target: the union and its region), the federation for any.
   */
  SendStayRequest = 'SendStayRequest',
  /** See a stay request and its quotes and thread: the union's people, the operator of a base it was sent to, the partner of the union's region. */
  SeeStayRequest = 'SeeStayRequest',
  /** See a package made to order for one union: that union's people, the base that made it, the partner of the union's region. */
  SeePrivatePackage = 'SeePrivatePackage',
  /** Write what already happened (the demo's past stays, confirmations without the union's paperwork): the system only. */
  RecordHistory = 'RecordHistory',
  /**
   * Post (and withdraw) a worker's sign-up (报名) for a batch open for sign-up: for now the batch's
   * union's organiser on the workers' behalf, and the federation; a platform client gets it later.
   */
  PostSignUp = 'PostSignUp',
  /** Open a batch for sign-up and close it (the rule then fills the rooming list): the batch's union's organiser, the federation. */
  RunSignUp = 'RunSignUp',
}

/**
 * How far a grant reaches: every target, or the targets of the actor's own union, base or region.
 * `sending region`: a batch whose union is in the actor's region; `exchange region`: an exchange
 * batch (under an agreement) that the actor's region sends or hosts; `stand-in`: an exchange batch
 * the actor's region sends for a union that has no organiser of its own (`unionHasOrganiser: false`),
 * whose paperwork the region's partner then keeps as the organiser would. `client unions`: a platform
 * client's union set (its own list, or its region's unions read with its token), `actor.unionIds`.
 */
export type Reach = 'all' | 'union' | 'base' | 'region' | 'sending region' | 'exchange region' | 'stand-in' | 'client unions';

export type AccessRole = Role | 'SYSTEM' | typeof PLATFORM_CLIENT;

/** What a permission is asked about: a union, base or region, or a batch (with its regions and agreement). */
export interface AccessTarget {
  readonly unionId?: number | null;
  readonly baseId?: number | null;
  readonly regionId?: number | null;
  /** A batch's: the region of the union that sends it, and of the base that hosts it. */
  readonly unionRegionId?: number | null;
  readonly baseRegionId?: number | null;
  readonly agreementId?: number | null;
  /**
   * Whether the batch's union has an active organiser account: a fact the policy cannot know, looked
   * up by the service when `turnsOnOrganiser` says the caller's grant needs it. Not looked up (absent)
   * counts as having one: nobody stands in on a guess.
   */
  readonly unionHasOrganiser?: boolean | null;
}

/** The targets one may act on, as a filter for a list or a query: all, one union's, one base's, one region's, a set of unions' (a platform client), or none. */
export type AccessScope = { all: true } | { unionId: number } | { baseId: number } | { regionId: number } | { unionIds: readonly number[] } | { none: true };

const { ADMIN, BASE_OPERATOR: OPERATOR, UNION_ORGANISER: ORGANISER, UNION_APPROVER: APPROVER, PARTNER } = Role;
const FEDERATION = { [ADMIN]: 'all', SYSTEM: 'all' } as const;
/** A platform client sees and books batches of its unions; which operations it may call at all is its list (the auth guard). */
const CLIENT = { [PLATFORM_CLIENT]: 'client unions' } as const;

/**
 * The policy, as data: per permission, per role, how far it reaches; a role not listed has nothing.
 * The system (sweeps, seeding) acts for everything except where a person must be the one (personal
 * data; a base's late change to a list, which seeding does as the organiser would).
 */
export const ACCESS_POLICY: Readonly<Record<Permission, Readonly<Partial<Record<AccessRole, Reach>>>>> = {
  [Permission.SeeBatch]: { ...FEDERATION, ...CLIENT, [ORGANISER]: 'union', [APPROVER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'exchange region' },
  [Permission.SendForBatch]: { ...FEDERATION, [ORGANISER]: 'union', [APPROVER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'sending region' },
  [Permission.MoveBatch]: { ...FEDERATION, [ORGANISER]: 'union', [PARTNER]: 'sending region' },
  [Permission.MoveBatchOnUnionsWord]: { [OPERATOR]: 'base' },
  [Permission.BookForUnion]: { ...FEDERATION, ...CLIENT, [ORGANISER]: 'union', [PARTNER]: 'region' },
  [Permission.ActForUnion]: { ...FEDERATION, [ORGANISER]: 'union', [APPROVER]: 'union', [PARTNER]: 'stand-in' },
  [Permission.ReadUnion]: { ...FEDERATION, [ORGANISER]: 'union', [APPROVER]: 'union', [OPERATOR]: 'all', [PARTNER]: 'all' },
  [Permission.GovernUnion]: { ...FEDERATION, [APPROVER]: 'union' },
  [Permission.OperateBase]: { ...FEDERATION, [OPERATOR]: 'base' },
  [Permission.EditRoster]: { SYSTEM: 'all', [ORGANISER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'stand-in' },
  [Permission.AmendLateRoster]: { [OPERATOR]: 'base' },
  [Permission.ReadPersonalData]: { [ORGANISER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'stand-in' },
  [Permission.ExportRoster]: { ...FEDERATION, [ORGANISER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'stand-in' },
  [Permission.ReadFeedback]: { ...FEDERATION, [ORGANISER]: 'union', [OPERATOR]: 'base' },
  [Permission.SeeAgreement]: { ...FEDERATION, [PARTNER]: 'region', [OPERATOR]: 'base', [ORGANISER]: 'union', [APPROVER]: 'union' },
  [Permission.ActForRegion]: { ...FEDERATION, [PARTNER]: 'region' },
  [Permission.ManageFederation]: FEDERATION,
  [Permission.RecordHistory]: { SYSTEM: 'all' },
  [Permission.SendStayRequest]: { ...FEDERATION, [ORGANISER]: 'union', [PARTNER]: 'region' },
  [Permission.SeeStayRequest]: { ...FEDERATION, [ORGANISER]: 'union', [APPROVER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'region' },
  [Permission.SeePrivatePackage]: { ...FEDERATION, [ORGANISER]: 'union', [APPROVER]: 'union', [OPERATOR]: 'base', [PARTNER]: 'region' },
  // A worker's sign-up comes from the workers' platform (粤工惠) too, for the unions in its scope.
  [Permission.PostSignUp]: { ...FEDERATION, ...CLIENT, [ORGANISER]: 'union' },
  [Permission.RunSignUp]: { ...FEDERATION, [ORGANISER]: 'union' },
};

const HOME = { union: 'unionId', base: 'baseId', region: 'regionId', 'sending region': 'regionId', 'exchange region': 'regionId', 'stand-in': 'regionId' } as const;

function reachOf(actor: Actor, permission: Permission): Reach | undefined {
  return ACCESS_POLICY[permission][actor.role];
}

function reaches(reach: Reach, actor: Actor, target: AccessTarget): boolean {
  if (reach === 'all') return true;
  if (reach === 'client unions') return target.unionId != null && (actor.unionIds ?? []).includes(target.unionId);
  const home = actor[HOME[reach]];
  if (home === null) return false;
  switch (reach) {
    case 'union':
      return target.unionId === home;
    case 'base':
      return target.baseId === home;
    case 'region':
      return target.regionId === home;
    case 'sending region':
      return target.unionRegionId === home;
    case 'exchange region':
      return target.agreementId != null && (target.unionRegionId === home || target.baseRegionId === home);
    case 'stand-in':
      return target.agreementId != null && target.unionRegionId === home && target.unionHasOrganiser === false;
  }
}

/**
 * Whether the caller's grant of `permission` turns on the batch's union having no organiser: then
 * the service looks that up (`unionHasOrganiser`) before asking, and only then.
 */
export function turnsOnOrganiser(ctx: RequestContext, permission: Permission): boolean {
  return ctx.actor !== null && reachOf(ctx.actor, permission) === 'stand-in';
}

/**
 * Whether the caller may act on `target` with `permission`; false when nobody is signed in. A
 * target that lacks what the caller's grant is about (a union without its region for a partner)
 * is not reached: look it up and ask again.
 */
export function may(ctx: RequestContext, permission: Permission, target: AccessTarget = {}): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  const reach = reachOf(actor, permission);
  return reach !== undefined && reaches(reach, actor, target);
}

export interface AccessRefusal {
  /** What the person is told: whose it is and what to do instead. */
  readonly message?: string;
  /** The input field that named the target. */
  readonly field?: string;
}

/** As `may`, but FORBIDDEN (with the message and field given) when not; UNAUTHENTICATED when nobody is signed in. */
export function requireAccess(ctx: RequestContext, permission: Permission, target: AccessTarget = {}, refusal: AccessRefusal = {}): void {
  const actor = ctx.requireActor();
  if (may(ctx, permission, target)) return;
  const message = refusal.message ?? noHomeMessage(actor, permission) ?? `A ${actor.role} may not do this here (${permission})`;
  throw DomainException.forbidden(message, refusal.field ? { field: refusal.field } : {});
}

/**
 * The part of all targets the caller may act on, for filtering a list in SQL: everything, their
 * union's, base's or region's (a region scope means what the permission's reach says: for SeeBatch,
 * the region's exchange batches), or none. UNAUTHENTICATED when nobody is signed in.
 */
export function scopeFor(ctx: RequestContext, permission: Permission): AccessScope {
  const actor = ctx.requireActor();
  const reach = reachOf(actor, permission);
  if (reach === undefined) return { none: true };
  if (reach === 'all') return { all: true };
  // A grant that turns on a looked-up fact is not a filter a list can apply.
  if (reach === 'stand-in') return { none: true };
  if (reach === 'client unions') return actor.unionIds?.length ? { unionIds: actor.unionIds } : { none: true };
  const key = HOME[reach];
  const home = actor[key];
  if (home === null) return { none: true };
  return key === 'unionId' ? { unionId: home } : key === 'baseId' ? { baseId: home } : { regionId: home };
}

/**
 * As `scopeFor`, but FORBIDDEN when the caller has none: `message` when the role has no such
 * permission, or a request to get their account's union, base or region set when it lacks one.
 */
export function requireScope(ctx: RequestContext, permission: Permission, message: string): Exclude<AccessScope, { none: true }> {
  const actor = ctx.requireActor();
  const scope = scopeFor(ctx, permission);
  if ('none' in scope) throw DomainException.forbidden(noHomeMessage(actor, permission) ?? message);
  return scope;
}

/** The system itself (sweeps, seeding) rather than a person: for wording, and the moves only the system makes. */
export function actsAsSystem(ctx: RequestContext): boolean {
  return ctx.actor?.role === 'SYSTEM';
}

/** "Your PARTNER account has no region …" when the role's grant needs a home the account lacks. */
function noHomeMessage(actor: Actor, permission: Permission): string | null {
  const reach = reachOf(actor, permission);
  if (reach === undefined || reach === 'all' || reach === 'client unions' || actor[HOME[reach]] !== null) return null;
  return `Your ${actor.role} account has no ${HOME[reach].replace(/Id$/, '')}: ask an admin to set one, then sign in again`;
}
