import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { PUBLIC_KEY, Role, ROLES_KEY } from '@app/shared';
import { BaseResolver } from '../../../libs/base/src/base/base.resolver.js';
import { CapacityResolver } from '../../../libs/base/src/capacity/capacity.resolver.js';
import { AllotmentResolver } from '../../../libs/base/src/allotment/allotment.resolver.js';
import { PackageResolver } from '../../../libs/base/src/package/package.resolver.js';
import { UnionResolver } from '../../../libs/base/src/union/union.resolver.js';
import { BatchFieldsResolver } from '../../../libs/booking/src/batch/batch-fields.resolver.js';
import { BatchResolver } from '../../../libs/booking/src/batch/batch.resolver.js';
import { BatchRosterResolver, ParticipantStayResolver, UnionCoverageResolver } from '../../../libs/roster/src/participant/batch-roster.resolver.js';
import { ParticipantResolver } from '../../../libs/roster/src/participant/participant.resolver.js';
import { PersonalDataAccessResolver } from '../../../libs/roster/src/personal-data/personal-data-access.resolver.js';
import { BatchBillsResolver } from '../../../libs/billing/src/bill/batch-bills.resolver.js';
import { BillResolver } from '../../../libs/billing/src/bill/bill.resolver.js';
import { CancellationPolicyResolver } from '../../../libs/billing/src/cancellation/cancellation-policy.resolver.js';
import { BatchBillingResolver, ConsumptionResolver } from '../../../libs/billing/src/consumption/consumption.resolver.js';
import { StatisticsResolver } from '../../../libs/billing/src/statistics/statistics.resolver.js';
import { RegionResolver } from '../../../libs/base/src/region/region.resolver.js';
import { RegionFederationResolver } from '../../../libs/base/src/union/region-federation.resolver.js';
import { BasePackagesResolver } from '../../../libs/base/src/package/base-packages.resolver.js';
import { BaseCalendarResolver } from '../../../libs/base/src/capacity/base-calendar.resolver.js';
import { AgreementBenefitResolver, AgreementQuotaResolver, AgreementResolver } from '../../../libs/exchange/src/agreement/agreement.resolver.js';
import { BatchAgreementResolver } from '../../../libs/exchange/src/agreement/batch-agreement.resolver.js';
import { AgreementAllotmentResolver } from '../../../libs/exchange/src/agreement/agreement-allotment.resolver.js';
import { AgreementBalanceResolver } from '../../../libs/exchange/src/balance/agreement-balance.resolver.js';
import { ReciprocityResolver } from '../../../libs/exchange/src/balance/reciprocity.resolver.js';
import { SubsidyResolver } from '../../../libs/exchange/src/subsidy/subsidy.resolver.js';
import { BaseRatingResolver, BatchFeedbackResolver, FeedbackResolver } from '../../../libs/booking/src/feedback/feedback.resolver.js';
import { UnionPolicyResolver } from '../../../libs/base/src/union/union-policy.resolver.js';
import { HolidayResolver } from '../../../libs/base/src/holiday/holiday.resolver.js';
import { RosterWorkflowResolver } from '../../../libs/roster/src/roster-workflow/roster-workflow.resolver.js';
import { RosterListsResolver } from '../../../libs/roster/src/roster-state/roster-lists.resolver.js';
import { AuthResolver } from '../../../libs/auth/src/login/auth.resolver.js';
import { AccountResolver } from '../../../libs/auth/src/account/account.resolver.js';
import { InsuranceResolver } from '../../../libs/roster/src/insurance/insurance.resolver.js';
import { NoticeLinkResolver } from '../../../libs/roster/src/notice/notice-link.resolver.js';
import { StayRequestResolver } from '../../../libs/stay-order/src/request/stay-request.resolver.js';
import { StaySuggestionResolver } from '../../../libs/booking/src/suggestion/stay-suggestion.resolver.js';
import { LiveResolver } from '../../../libs/booking/src/live/live.resolver.js';
import { StayQuoteResolver, StayRequestQuotesResolver } from '../../../libs/stay-order/src/quote/stay-quote.resolver.js';
import { StayMessageResolver } from '../../../libs/stay-order/src/message/stay-message.resolver.js';
import { WaitingListResolver } from '../../../libs/booking/src/waitlist/waiting-list.resolver.js';
import { PlatformClientResolver } from '../../../libs/platform/src/client/platform-client.resolver.js';
import { WebhookDeliveryResolver } from '../../../libs/platform/src/webhook/webhook-delivery.resolver.js';
import { BatchSignUpResolver, SignUpResolver, SignUpRoundResolver } from '../../../libs/roster/src/sign-up/sign-up.resolver.js';

/**
 * The AuthGuard refuses an operation that has neither @Roles nor @Public at run time; this spec
 * catches the forgotten decorator before anyone calls it: every Query, Mutation and Subscription
 * of every resolver must say who may call it, and only `login` and the publicly posted rooming list
 * (`publishedRoster`, behind an unguessable token) may be public.
 */
const RESOLVERS: Array<abstract new (...args: never[]) => unknown> = [
  AuthResolver,
  AccountResolver,
  BaseResolver,
  UnionResolver,
  PackageResolver,
  CapacityResolver,
  AllotmentResolver,
  BatchResolver,
  BatchFieldsResolver,
  ParticipantResolver,
  BatchRosterResolver,
  PersonalDataAccessResolver,
  InsuranceResolver,
  NoticeLinkResolver,
  ConsumptionResolver,
  BatchBillingResolver,
  BatchBillsResolver,
  BillResolver,
  CancellationPolicyResolver,
  StatisticsResolver,
  RegionResolver,
  RegionFederationResolver,
  BasePackagesResolver,
  BaseCalendarResolver,
  AgreementResolver,
  AgreementQuotaResolver,
  AgreementBenefitResolver,
  BatchAgreementResolver,
  AgreementAllotmentResolver,
  AgreementBalanceResolver,
  ReciprocityResolver,
  SubsidyResolver,
  FeedbackResolver,
  BaseRatingResolver,
  BatchFeedbackResolver,
  UnionPolicyResolver,
  HolidayResolver,
  RosterWorkflowResolver,
  RosterListsResolver,
  ParticipantStayResolver,
  UnionCoverageResolver,
  StayRequestResolver,
  StaySuggestionResolver,
  LiveResolver,
  StayQuoteResolver,
  StayRequestQuotesResolver,
  StayMessageResolver,
  WaitingListResolver,
  PlatformClientResolver,
  WebhookDeliveryResolver,
  SignUpResolver,
  BatchSignUpResolver,
  SignUpRoundResolver,
];
const OPERATION_TYPES = ['Query', 'Mutation', 'Subscription'];
const ALL_ROLES = Object.values(Role) as string[];

interface Operation {
  resolver: string;
  method: string;
  type: string;
  name: string;
  roles: unknown;
  isPublic: unknown;
}

function operationsOf(resolver: abstract new (...args: never[]) => unknown): Operation[] {
  const proto = resolver.prototype as Record<string, unknown>;
  const ops: Operation[] = [];
  for (const method of Object.getOwnPropertyNames(proto)) {
    if (method === 'constructor') continue;
    const handler = Object.getOwnPropertyDescriptor(proto, method)?.value;
    if (typeof handler !== 'function') continue;
    const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler);
    if (!OPERATION_TYPES.includes(type)) continue;
    ops.push({
      resolver: resolver.name,
      method,
      type,
      name: Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) ?? method,
      roles: Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, resolver),
      isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, resolver),
    });
  }
  return ops;
}

const OPERATIONS = RESOLVERS.flatMap(operationsOf);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Operation names declared in the generated schema, e.g. ['Query.bases', 'Mutation.login']. */
function schemaOperations(): string[] {
  const sdl = readFileSync(join(process.cwd(), 'schema.gql'), 'utf8');
  const names: string[] = [];
  for (const type of OPERATION_TYPES) {
    const body = new RegExp(`^type ${type} \\{([\\s\\S]*?)^\\}`, 'm').exec(sdl)?.[1] ?? '';
    const withoutDocs = body.replace(/"""[\s\S]*?"""/g, '').replace(/\([\s\S]*?\)/g, '');
    for (const m of withoutDocs.matchAll(/^\s{2}(\w+)\s*:/gm)) names.push(`${type}.${m[1]}`);
  }
  return names.sort();
}

describe('every GraphQL operation declares who may call it', () => {
  it('finds the operations of every resolver (the walk itself works)', () => {
    const names = OPERATIONS.map((o) => `${o.type}.${o.name}`);
    expect(names).toEqual(expect.arrayContaining(['Mutation.login', 'Query.bases', 'Query.batch', 'Mutation.requestBatch', 'Mutation.setCapacity', 'Mutation.createUser']));
    // Field resolvers are not operations: they inherit the access of the query that reached them.
    expect(OPERATIONS.find((o) => o.resolver === 'BatchFieldsResolver')).toBeUndefined();
    expect(OPERATIONS.find((o) => o.method === 'calendar' || o.method === 'packages')).toBeUndefined();
  });

  it('the resolvers checked are every @Resolver class under libs/', () => {
    const libs = join(process.cwd(), 'libs');
    const declared = walk(libs)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .flatMap((f) => {
        const src = readFileSync(f, 'utf8');
        if (!/@Resolver\(/.test(src)) return [];
        return [...src.matchAll(/@Resolver\(.*\)\s*export class (\w+)/g)].map((m) => m[1]);
      })
      .sort();
    expect(declared).toEqual(RESOLVERS.map((r) => r.name).sort());
  });

  it('the operations found are exactly those of schema.gql', () => {
    expect(OPERATIONS.map((o) => `${o.type}.${o.name}`).sort()).toEqual(schemaOperations());
  });

  it.each(OPERATIONS.map((o) => [`${o.type}.${o.name} (${o.resolver}.${o.method})`, o] as const))('%s has @Roles, @SignedIn or @Public', (_label, op) => {
    const hasRoles = op.roles !== undefined;
    const isPublic = op.isPublic === true;
    expect({ operation: `${op.resolver}.${op.method}`, decorated: hasRoles || isPublic }).toEqual({ operation: `${op.resolver}.${op.method}`, decorated: true });
    if (hasRoles) {
      expect(Array.isArray(op.roles)).toBe(true);
      expect((op.roles as unknown[]).length).toBeGreaterThan(0);
      for (const role of op.roles as unknown[]) expect(ALL_ROLES).toContain(role);
    }
  });

  it("only ['login', 'publishedRoster'] are public", () => {
    expect(
      OPERATIONS.filter((o) => o.isPublic === true)
        .map((o) => o.name)
        .sort(),
    ).toEqual(['login', 'publishedRoster']);
    // …and nothing marks itself public in any other way than `true`.
    expect(OPERATIONS.filter((o) => o.isPublic !== undefined && o.isPublic !== true)).toEqual([]);
  });
});
