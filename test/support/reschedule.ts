import type { TestApp } from './test-app.js';

export const RESCHEDULE =
  'mutation($id:Int!,$s:Date!,$p:Int,$r:String){rescheduleBatch(id:$id,startDate:$s,packageId:$p,reason:$r){id reference status startDate endDate nights headcount pricePerPerson holdExpiresAt}}';
export const HISTORY = 'query($id:Int!){batch(id:$id){status startDate endDate nights pricePerPerson history{from to actor reason}}}';

/** A package of the base, made by the admin (and retired when `active` is false). */
export async function makePackage(t: TestApp, admin: string, baseId: number, spec: { nights: number; price: string; minGroupSize?: number; maxGroupSize?: number; active?: boolean }): Promise<number> {
  const { createPackage } = await t.ok<any>(
    'mutation($i:CreatePackageInput!){createPackage(input:$i){id}}',
    {
      i: { baseId, name: `${spec.nights} nights at ${spec.price}`, nights: spec.nights, pricePerPerson: spec.price, minGroupSize: spec.minGroupSize ?? 1, maxGroupSize: spec.maxGroupSize ?? 200 },
    },
    admin,
  );
  if (spec.active === false) await t.ok('mutation($i:UpdatePackageInput!){updatePackage(input:$i){id}}', { i: { id: createPackage.id, active: false } }, admin);
  return createPackage.id;
}

/** Reserved beds per night from `from` for `count` nights. */
export async function reserved(t: TestApp, token: string, baseId: number, from: string, to: string): Promise<number[]> {
  const data = await t.ok<any>('query($id:Int!,$f:Date!,$t:Date!){base(id:$id){calendar(from:$f,to:$t){reservedBeds}}}', { id: baseId, f: from, t: to }, token);
  return data.base.calendar.map((n: { reservedBeds: number }) => n.reservedBeds);
}
