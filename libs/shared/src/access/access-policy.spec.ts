import { type Actor, PLATFORM_CLIENT, Role, SYSTEM_ACTOR } from '../context/actor.js';
import { RequestContext } from '../context/request-context.js';
import { DomainException, ErrorCode } from '../errors/domain.exception.js';
import { type AccessRole, type AccessTarget, actsAsSystem, may, Permission, requireAccess, requireScope, scopeFor, turnsOnOrganiser } from './access-policy.js';

const person = (role: Role, home: Partial<Pick<Actor, 'unionId' | 'baseId' | 'regionId'>> = {}): Actor => ({
  userId: 1,
  username: role.toLowerCase(),
  role,
  baseId: null,
  unionId: null,
  regionId: null,
  ...home,
});

/** One actor per role, each at home in union 1, base 1 or region 1 (a partner also in its federation union 7). */
const ACTORS: Record<AccessRole, Actor> = {
  ADMIN: person(Role.ADMIN),
  SYSTEM: SYSTEM_ACTOR,
  UNION_ORGANISER: person(Role.UNION_ORGANISER, { unionId: 1 }),
  UNION_APPROVER: person(Role.UNION_APPROVER, { unionId: 1 }),
  BASE_OPERATOR: person(Role.BASE_OPERATOR, { baseId: 1 }),
  PARTNER: person(Role.PARTNER, { regionId: 1, unionId: 7 }),
  PLATFORM_CLIENT: { userId: null, username: 'client:rrc_test', role: PLATFORM_CLIENT, baseId: null, unionId: null, regionId: null, clientRef: 'rrc_test', unionIds: [1, 3], operations: ['batch'] },
};
const ctxOf = (role: AccessRole) => (role === 'SYSTEM' ? RequestContext.system() : RequestContext.forActor(ACTORS[role]));

/**
 * An exchange batch (or union, base, region) that is the actors' own in every way, and one that is
 * nobody's of theirs; both of unions with no organiser account, where a partner stands in (the
 * stand-in's other cases are the test below the table).
 */
const OWN: AccessTarget = { unionId: 1, baseId: 1, regionId: 1, unionRegionId: 1, baseRegionId: 1, agreementId: 5, unionHasOrganiser: false };
const OTHER: AccessTarget = { unionId: 2, baseId: 2, regionId: 2, unionRegionId: 2, baseRegionId: 2, agreementId: 5, unionHasOrganiser: false };

/**
 * The expected policy, written out by hand: per permission, per role, "own other" — `+` allowed,
 * `-` refused — on OWN and on OTHER. Columns: ADMIN SYSTEM UNION_ORGANISER UNION_APPROVER BASE_OPERATOR PARTNER PLATFORM_CLIENT (unions 1 and 3).
 */
const ROLES: AccessRole[] = [Role.ADMIN, 'SYSTEM', Role.UNION_ORGANISER, Role.UNION_APPROVER, Role.BASE_OPERATOR, Role.PARTNER, PLATFORM_CLIENT];
const EXPECTED: Record<Permission, string> = {
  //                                 ADMIN SYSTEM ORG  APPR OPER PARTNER CLIENT
  [Permission.SeeBatch]: /*       */ '++    ++     +-   +-   +-   +-   +-',
  [Permission.SendForBatch]: /*   */ '++    ++     +-   +-   +-   +-   --',
  [Permission.MoveBatch]: /*      */ '++    ++     +-   --   --   +-   --',
  [Permission.MoveBatchOnUnionsWord]: '--    --     --   --   +-   --   --',
  [Permission.BookForUnion]: /*   */ '++    ++     +-   --   --   +-   +-',
  [Permission.ActForUnion]: /*    */ '++    ++     +-   +-   --   +-   --',
  [Permission.ReadUnion]: /*      */ '++    ++     +-   +-   ++   ++   --',
  [Permission.GovernUnion]: /*    */ '++    ++     --   +-   --   --   --',
  [Permission.OperateBase]: /*    */ '++    ++     --   --   +-   --   --',
  [Permission.EditRoster]: /*     */ '--    ++     +-   --   +-   +-   --',
  [Permission.AmendLateRoster]: /**/ '--    --     --   --   +-   --   --',
  [Permission.ReadPersonalData]: /* */ '--    --     +-   --   +-   +-   --',
  [Permission.ExportRoster]: /*   */ '++    ++     +-   --   +-   +-   --',
  [Permission.ReadFeedback]: /*   */ '++    ++     +-   --   +-   --   --',
  [Permission.SeeAgreement]: /*   */ '++    ++     +-   +-   +-   +-   --',
  [Permission.ActForRegion]: /*   */ '++    ++     --   --   --   +-   --',
  [Permission.ManageFederation]: /* */ '++    ++     --   --   --   --   --',
  [Permission.RecordHistory]: /*  */ '--    ++     --   --   --   --   --',
  [Permission.SendStayRequest]: /**/ '++    ++     +-   --   --   +-   --',
  [Permission.SeeStayRequest]: /* */ '++    ++     +-   +-   +-   +-   --',
  [Permission.SeePrivatePackage]: '++    ++     +-   +-   +-   +-   --',
  [Permission.PostSignUp]: /*     */ '++    ++     +-   --   --   --   +-',
  [Permission.RunSignUp]: /*      */ '++    ++     +-   --   --   --   --',
};

const cases = Object.values(Permission).flatMap((permission) => {
  const cells = EXPECTED[permission].trim().split(/\s+/);
  return ROLES.flatMap((role, i) => [
    { permission, role, target: 'own', expected: cells[i][0] === '+' },
    { permission, role, target: 'other', expected: cells[i][1] === '+' },
  ]);
});

describe('access policy', () => {
  it.each(cases)('$role $permission on $target → $expected', ({ permission, role, target, expected }) => {
    expect(may(ctxOf(role), permission, target === 'own' ? OWN : OTHER)).toBe(expected);
  });

  it('requireAccess agrees with may, and refuses with FORBIDDEN, the message and the field given', () => {
    for (const { permission, role, target, expected } of cases) {
      const attempt = () => requireAccess(ctxOf(role), permission, target === 'own' ? OWN : OTHER, { message: 'not yours', field: 'batchId' });
      if (expected) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN, message: 'not yours', details: { field: 'batchId' } }));
    }
  });

  it('nobody signed in: may says no, requireAccess and scopeFor say UNAUTHENTICATED', () => {
    const anonymous = RequestContext.anonymous();
    expect(may(anonymous, Permission.ReadUnion, OWN)).toBe(false);
    expect(() => requireAccess(anonymous, Permission.ReadUnion, OWN)).toThrow(expect.objectContaining({ code: ErrorCode.UNAUTHENTICATED }));
    expect(() => scopeFor(anonymous, Permission.SeeBatch)).toThrow(DomainException);
  });

  it("a partner sees the exchange batches their region sends or hosts, but sends for only those it sends; not the region's other batches", () => {
    const partner = ctxOf(Role.PARTNER);
    const hosted = { ...OTHER, baseRegionId: 1 };
    expect(may(partner, Permission.SeeBatch, hosted)).toBe(true);
    expect(may(partner, Permission.SendForBatch, hosted)).toBe(false);
    expect(may(partner, Permission.SeeBatch, { ...OWN, agreementId: null })).toBe(false);
    expect(may(partner, Permission.SendForBatch, { ...OWN, agreementId: null })).toBe(true);
  });

  it('a partner stands in for the organiser only where the union has none (looked up), on what its region sends under an agreement', () => {
    const partner = ctxOf(Role.PARTNER);
    const standIn = [Permission.ActForUnion, Permission.EditRoster, Permission.ReadPersonalData, Permission.ExportRoster];
    for (const permission of standIn) {
      expect(turnsOnOrganiser(partner, permission)).toBe(true);
      expect(may(partner, permission, OWN)).toBe(true);
      // The union has an organiser, or nobody looked: the partner has what it always had (nothing).
      expect(may(partner, permission, { ...OWN, unionHasOrganiser: true })).toBe(false);
      expect(may(partner, permission, { ...OWN, unionHasOrganiser: undefined })).toBe(false);
      // Not under an agreement, or hosted by its region but sent by another: not its to keep.
      expect(may(partner, permission, { ...OWN, agreementId: null })).toBe(false);
      expect(may(partner, permission, { ...OTHER, baseRegionId: 1 })).toBe(false);
      expect(scopeFor(partner, permission)).toEqual({ none: true });
    }
    // Late amendments stay the base's; the fact is looked up for nobody else.
    expect(may(partner, Permission.AmendLateRoster, OWN)).toBe(false);
    expect(turnsOnOrganiser(partner, Permission.SendForBatch)).toBe(false);
    expect(turnsOnOrganiser(ctxOf(Role.UNION_ORGANISER), Permission.EditRoster)).toBe(false);
    expect(turnsOnOrganiser(RequestContext.anonymous(), Permission.EditRoster)).toBe(false);
  });

  it("a partner's federation union is not theirs to act for: the region is", () => {
    expect(may(ctxOf(Role.PARTNER), Permission.ActForUnion, { unionId: 7 })).toBe(false);
    expect(may(ctxOf(Role.PARTNER), Permission.BookForUnion, { unionId: 7 })).toBe(false);
    expect(may(ctxOf(Role.PARTNER), Permission.BookForUnion, { unionId: 7, regionId: 1 })).toBe(true);
  });

  it('a grant on a home the account lacks reaches nothing, and says what to do', () => {
    const lost = RequestContext.forActor(person(Role.PARTNER));
    expect(may(lost, Permission.ActForRegion, { regionId: null })).toBe(false);
    expect(scopeFor(lost, Permission.SeeBatch)).toEqual({ none: true });
    expect(() => requireAccess(lost, Permission.ActForRegion, { regionId: 1 })).toThrow('Your PARTNER account has no region: ask an admin to set one, then sign in again');
    expect(() => requireScope(lost, Permission.BookForUnion, 'no')).toThrow('Your PARTNER account has no region: ask an admin to set one, then sign in again');
    expect(() => requireScope(RequestContext.forActor(person(Role.BASE_OPERATOR, { baseId: 1 })), Permission.BookForUnion, 'A BASE_OPERATOR cannot request batches')).toThrow(
      'A BASE_OPERATOR cannot request batches',
    );
  });

  it('scopeFor gives the filter for lists: all, the own union, base or region, or none', () => {
    expect(scopeFor(ctxOf(Role.ADMIN), Permission.SeeBatch)).toEqual({ all: true });
    expect(scopeFor(ctxOf('SYSTEM'), Permission.SeeBatch)).toEqual({ all: true });
    expect(scopeFor(ctxOf(Role.UNION_ORGANISER), Permission.SeeBatch)).toEqual({ unionId: 1 });
    expect(scopeFor(ctxOf(Role.UNION_APPROVER), Permission.SeeBatch)).toEqual({ unionId: 1 });
    expect(scopeFor(ctxOf(Role.BASE_OPERATOR), Permission.SeeBatch)).toEqual({ baseId: 1 });
    expect(scopeFor(ctxOf(Role.PARTNER), Permission.SeeBatch)).toEqual({ regionId: 1 });
    expect(scopeFor(ctxOf(Role.UNION_APPROVER), Permission.ReadFeedback)).toEqual({ none: true });
    expect(scopeFor(ctxOf(Role.PARTNER), Permission.ReadFeedback)).toEqual({ none: true });
    expect(scopeFor(ctxOf(PLATFORM_CLIENT), Permission.SeeBatch)).toEqual({ unionIds: [1, 3] });
    expect(scopeFor(ctxOf(PLATFORM_CLIENT), Permission.ReadFeedback)).toEqual({ none: true });
  });

  it('the system is told apart from a person', () => {
    expect(actsAsSystem(RequestContext.system())).toBe(true);
    expect(actsAsSystem(ctxOf(Role.ADMIN))).toBe(false);
    expect(actsAsSystem(RequestContext.anonymous())).toBe(false);
  });
});
