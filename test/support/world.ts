import { addDays, todayInShanghai } from '@app/shared';
import { ADMIN_PASSWORD, type ApiClient } from './test-app.js';

/** A small world built through the public API, as a federation admin would: two bases, two unions, accounts. */
export interface World {
  admin: string;
  baseA: { id: number; packageId: number; operator: string };
  baseB: { id: number; packageId: number; operator: string };
  unionA: { id: number; organiser: string };
  unionB: { id: number; organiser: string };
  /** A PARTNER of 深圳 (SZ), union B's region. */
  partner: string;
  /** The standard regions by code (YF, GZ, SZ, …): bases are in 云浮, union A in 广州, union B in 深圳. */
  regions: Record<string, number>;
  /** The first night with beds set (a week from today). */
  start: string;
}

const PASSWORD = 'test-password-1';

export async function buildWorld(
  t: ApiClient,
  opts: {
    beds?: number;
    nightsOfBeds?: number;
    minGroup?: number;
    maxGroup?: number;
    /** Rosters approved and posted before confirmation (the default policy); off unless asked. */ publication?: boolean;
    /** A person may go on many stays a year (tests of other rules reuse people across batches). */ manyDaysPerYear?: boolean;
  } = {},
): Promise<World> {
  const admin = await t.login('admin', ADMIN_PASSWORD);
  const start = addDays(todayInShanghai(), 7);
  const beds = opts.beds ?? 100;
  const regions = await regionIds(t, admin);
  const made: Array<{ id: number; packageId: number; operator: string }> = [];
  for (const code of ['BA', 'BB']) {
    const { createBase } = await t.ok<{ createBase: { id: number } }>(
      'mutation($i:CreateBaseInput!){createBase(input:$i){id}}',
      { i: { code: `T-${code}`, name: `Test base ${code}`, regionId: regions.YF, county: '新兴县' } },
      admin,
    );
    const { createPackage } = await t.ok<{ createPackage: { id: number } }>(
      'mutation($i:CreatePackageInput!){createPackage(input:$i){id}}',
      { i: { baseId: createBase.id, name: '3 nights', nights: 3, pricePerPerson: '1980.00', minGroupSize: opts.minGroup ?? 1, maxGroupSize: opts.maxGroup ?? 200 } },
      admin,
    );
    await t.ok(
      'mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}',
      { i: { baseId: createBase.id, from: todayInShanghai(), to: addDays(start, opts.nightsOfBeds ?? 60), totalBeds: beds } },
      admin,
    );
    const username = `op-${code.toLowerCase()}`;
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username, password: PASSWORD, role: 'BASE_OPERATOR', baseId: createBase.id } }, admin);
    made.push({ id: createBase.id, packageId: createPackage.id, operator: await t.login(username, PASSWORD) });
  }
  const unions: Array<{ id: number; organiser: string }> = [];
  for (const [code, region] of [
    ['UA', 'GZ'],
    ['UB', 'SZ'],
  ]) {
    const { createUnion } = await t.ok<{ createUnion: { id: number } }>(
      'mutation($i:CreateUnionInput!){createUnion(input:$i){id}}',
      { i: { code: `T-${code}`, name: `Test union ${code}`, regionId: regions[region] } },
      admin,
    );
    // Most tests are about other rules: their unions confirm without the roster's public notice unless asked.
    if (!opts.publication) {
      const many = opts.manyDaysPerYear ? { maxDaysPerYear: 366 } : {};
      await t.ok('mutation($i:SetUnionPolicyInput!){setUnionPolicy(input:$i){id}}', { i: { unionId: createUnion.id, effectiveFrom: todayInShanghai(), publicationRequired: false, ...many } }, admin);
    }
    const username = `org-${code.toLowerCase()}`;
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username, password: PASSWORD, role: 'UNION_ORGANISER', unionId: createUnion.id } }, admin);
    unions.push({ id: createUnion.id, organiser: await t.login(username, PASSWORD) });
  }
  await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'partner-x', password: PASSWORD, role: 'PARTNER', regionId: regions.SZ } }, admin);
  return { admin, baseA: made[0], baseB: made[1], unionA: unions[0], unionB: unions[1], partner: await t.login('partner-x', PASSWORD), regions, start };
}

/** The regions by code. */
export async function regionIds(t: ApiClient, token: string): Promise<Record<string, number>> {
  const { regions } = await t.ok<{ regions: Array<{ id: number; code: string }> }>('{regions{id code}}', {}, token);
  return Object.fromEntries(regions.map((r) => [r.code, r.id]));
}

export const REQUEST_BATCH = `mutation($i:RequestBatchInput!){requestBatch(input:$i){id reference status headcount startDate endDate nights pricePerPerson totalPrice holdExpiresAt}}`;
export const AUDIT = '{capacityAudit{baseId date reservedBeds heldByBatches}}';

export async function calendar(t: ApiClient, token: string, baseId: number, from: string, to: string) {
  const data = await t.ok<{ base: { calendar: Array<{ date: string; totalBeds: number; reservedBeds: number; availableBeds: number; closed: boolean }> } }>(
    'query($id:Int!,$f:Date!,$t:Date!){base(id:$id){calendar(from:$f,to:$t){date totalBeds reservedBeds availableBeds closed}}}',
    { id: baseId, f: from, t: to },
    token,
  );
  return data.base.calendar;
}
