import type { TestApp } from './test-app.js';
import type { World } from './world.js';

let nextUser = 1;

/** A PARTNER account of the region with this code. */
export async function partnerOf(t: TestApp, w: World, code: string): Promise<string> {
  const username = `partner-${code.toLowerCase()}-${nextUser++}`;
  await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username, password: 'partner-password-1', role: 'PARTNER', regionId: w.regions[code] } }, w.admin);
  return t.login(username, 'partner-password-1');
}

export const PROPOSE = 'mutation($i:ProposeAgreementInput!){proposeAgreement(input:$i){id status proposerRegion{code} partnerRegion{code}}}';
export const ACCEPT = 'mutation($id:Int!){acceptAgreement(id:$id){id status}}';
export const TERMINATE = 'mutation($id:Int!,$r:String!){terminateAgreement(id:$id,reason:$r){id status}}';
export const AGREEMENT = `query($id:Int!){agreement(id:$id){id title status from to proposerRegion{code} partnerRegion{code}
  quotas{fromRegionId year yearStart yearEnd personVisits used left} benefits{hostRegionId type amount}
  history{from to actor reason}}}`;
export const CREATE_ALLOTMENT = 'mutation($i:CreateAllotmentInput!){createAllotment(input:$i){id from to beds releaseDays nights{date beds used released releaseOn}}}';
export const ALLOTMENT = 'query($id:Int!){allotment(id:$id){id beds nights{date beds used released} history{action from to bedNights actorName}}}';
export const EXCHANGE_BATCH = `mutation($i:RequestBatchInput!){requestBatch(input:$i){id reference status headcount bedSource benefit{type amount perPerson} agreement{id}}}`;
export const AUDIT_FULL = '{capacityAudit{baseId date allotmentId reservedBeds heldByBatches heldByAllotments allottedBeds unusedAllotmentBeds}}';

/** Proposed by one partner and accepted by the other: ACTIVE. */
export async function activeAgreement(t: TestApp, proposer: string, accepter: string, input: Record<string, unknown>): Promise<number> {
  const { proposeAgreement } = await t.ok<any>(PROPOSE, { i: input }, proposer);
  await t.ok(ACCEPT, { id: proposeAgreement.id }, accepter);
  return proposeAgreement.id;
}

export async function nightsOf(t: TestApp, token: string, baseId: number, from: string, to: string) {
  const data = await t.ok<any>(
    'query($id:Int!,$f:Date!,$t:Date!){base(id:$id){calendar(from:$f,to:$t){date totalBeds reservedBeds allottedBeds availableBeds}}}',
    { id: baseId, f: from, t: to },
    token,
  );
  return data.base.calendar as Array<{ date: string; totalBeds: number; reservedBeds: number; allottedBeds: number; availableBeds: number }>;
}
