import { readyForCheckIn } from './support/stays.js';
import { createDecipheriv, hkdfSync } from 'node:crypto';
import { addDays, todayInShanghai } from '@app/shared';
import { DataSource } from 'typeorm';
import { ADD_PARTICIPANTS, mainlandId, person, phone } from './support/people.js';
import { DB_KIND, errorCode, startTestApp, TEST_DATA_KEY, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const LIST = 'query($id:Int!){batch(id:$id){id participantCount participants{id name gender documentType idNumberMasked phoneMasked employer category dietaryNeeds room}}}';
const FULL = 'query($id:Int!){batch(id:$id){participants{id idNumberMasked idNumber phone}}}';
const LOG = 'query($b:Int){personalDataAccessLog(batchId:$b,first:50){totalCount edges{node{actorUsername actorRole batchId participantCount fields channel at}}}}';

describe(`rooming lists (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let n = 1000;
  const next = (extra: Record<string, unknown> = {}) => person(n++, extra);
  const requestBatch = async (startDate: string, headcount: number, token = w.unionA.organiser, packageId = w.baseA.packageId) =>
    (await t.ok(REQUEST_BATCH, { i: { packageId, startDate, headcount } }, token)).requestBatch as { id: number; reference: string };
  const add = (batchId: number, people: unknown[], token = w.unionA.organiser) => t.gql(ADD_PARTICIPANTS, { b: batchId, p: people }, token);
  const count = async (batchId: number) => (await t.ok(LIST, { id: batchId }, w.admin)).batch.participantCount as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 300, manyDaysPerYear: true });
  });
  afterAll(() => t.close());

  it('adds participants and lists them masked, with a count', async () => {
    const b = await requestBatch(w.start, 5);
    const people = [next(), next({ documentType: 'HOME_RETURN_PERMIT', idNumber: 'H12345678', phone: '+852 5123 4567', gender: 'FEMALE' }), next()];
    const res = await add(b.id, people);
    expect(res.errors).toBeUndefined();
    expect(res.data!.addParticipants).toHaveLength(3);
    const { batch } = await t.ok(LIST, { id: b.id }, w.unionA.organiser);
    expect(batch.participantCount).toBe(3);
    expect(batch.participants[0]).toMatchObject({
      name: people[0].name,
      idNumberMasked: `${people[0].idNumber.slice(0, 6)}********${people[0].idNumber.slice(-4)}`,
      phoneMasked: `139****${people[0].phone.slice(-4)}`,
      category: people[0].category,
      room: people[0].room,
    });
    expect(batch.participants[1]).toMatchObject({ documentType: 'HOME_RETURN_PERMIT', idNumberMasked: 'H*****678', phoneMasked: '+852****4567' });
    // Room labels pair people up: person(n) shares room R(n/2) with its neighbour.
    const rooms = await t.ok('query($id:Int!){batch(id:$id){participants{name room roommates{name}}}}', { id: b.id }, w.unionA.organiser);
    for (const p of rooms.batch.participants) {
      const expected = rooms.batch.participants.filter((o: any) => o.room === p.room && o.name !== p.name).map((o: any) => ({ name: o.name }));
      expect(p.roommates).toEqual(expected);
    }
    expect(rooms.batch.participants.some((p: any) => p.roommates.length === 1)).toBe(true);
  });

  it('refuses a list with bad entries as a whole, naming every field', async () => {
    const b = await requestBatch(addDays(w.start, 1), 5);
    const good = next();
    const badCheck = next();
    badCheck.idNumber = badCheck.idNumber.slice(0, 17) + (badCheck.idNumber[17] === '1' ? '2' : '1');
    const res = await add(b.id, [good, badCheck, next({ phone: '5123 4567' }), next({ name: '   ' })]);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const ext = res.errors![0].extensions!;
    expect(ext.field).toBe('participants.1.idNumber');
    expect(ext.problems).toEqual([
      { field: 'participants.1.idNumber', message: expect.stringContaining('check digit') },
      { field: 'participants.2.phone', message: expect.stringContaining('+852 for Hong Kong') },
      { field: 'participants.3.name', message: 'is required' },
    ]);
    // Nothing personal comes back in the error.
    expect(JSON.stringify(res.errors)).not.toContain(badCheck.idNumber);
    expect(JSON.stringify(res.errors)).not.toContain(badCheck.idNumber.slice(6, 14));
    expect(await count(b.id)).toBe(0);
    // GraphQL's own type errors do not echo the value either.
    // eslint-disable-next-line no-loss-of-precision -- a number where a string belongs, on purpose
    const typed = await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [{ ...good, idNumber: 440102199003071234, phone: 13812345678 }] }, w.unionA.organiser);
    expect(typed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(typed.errors)).not.toMatch(/4401021990|13812345678/);
    const region = await add(b.id, [next({ idNumber: '990102199003071238' })]);
    expect(region.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants.0.idNumber' });
    expect(region.errors![0].message).toContain('region code (first 2 digits, 99)');
    // A resident ID says the sex: a mismatch is a typing error somewhere.
    const wrongSex = await add(b.id, [next({ idNumber: mainlandId(1, 'MALE'), gender: 'FEMALE' })]);
    expect(wrongSex.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants.0.gender' });
  });

  it('shows full ID numbers and phones only to the own organiser and the base operator, and logs every read', async () => {
    const b = await requestBatch(addDays(w.start, 2), 3);
    const people = [next(), next(), next()];
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: people }, w.unionA.organiser);

    const asOrganiser = await t.ok(FULL, { id: b.id }, w.unionA.organiser);
    expect(asOrganiser.batch.participants.map((p: any) => [p.idNumber, p.phone])).toEqual(people.map((p) => [p.idNumber, p.phone]));
    const asOperator = await t.ok(FULL, { id: b.id }, w.baseA.operator);
    expect(asOperator.batch.participants[2].idNumber).toBe(people[2].idNumber);

    // The admin sees the masked values; asking for the full ones is FORBIDDEN, field by field.
    const asAdmin = await t.gql(FULL, { id: b.id }, w.admin);
    expect(asAdmin.data!.batch.participants[0]).toMatchObject({ idNumber: null, phone: null, idNumberMasked: expect.stringContaining('****') });
    expect(asAdmin.errors!.map((e) => e.extensions!.code)).toEqual(Array(6).fill('FORBIDDEN'));
    // Another base's operator and another union's organiser do not see the batch at all.
    for (const token of [w.baseB.operator, w.unionB.organiser]) expect(errorCode(await t.gql(FULL, { id: b.id }, token))).toBe('NOT_FOUND');

    const log = await t.ok(LOG, { b: b.id }, w.admin);
    // One row per reader and batch, even when both values were asked for in one request.
    expect(log.personalDataAccessLog.totalCount).toBe(2);
    const rows = log.personalDataAccessLog.edges.map((e: any) => e.node);
    expect(rows.map((r: any) => [r.actorUsername, r.actorRole, r.fields, r.participantCount, r.channel]).sort()).toEqual(
      [
        ['op-ba', 'BASE_OPERATOR', 'idNumber,phone', 3, 'GRAPHQL'],
        ['org-ua', 'UNION_ORGANISER', 'idNumber,phone', 3, 'GRAPHQL'],
      ].sort(),
    );
    expect(Date.now() - Date.parse(rows[0].at)).toBeLessThan(60_000);
    // Masked reads are not logged; the log is the admin's.
    await t.ok(LIST, { id: b.id }, w.unionA.organiser);
    expect((await t.ok(LOG, { b: b.id }, w.admin)).personalDataAccessLog.totalCount).toBe(2);
    await t.ok('query($id:Int!){batch(id:$id){participants{phone}}}', { id: b.id }, w.unionA.organiser);
    const phoneOnly = (await t.ok(LOG, { b: b.id }, w.admin)).personalDataAccessLog;
    expect(phoneOnly.totalCount).toBe(3);
    expect(phoneOnly.edges[0].node).toMatchObject({ actorUsername: 'org-ua', fields: 'phone', participantCount: 3 });
    expect(errorCode(await t.gql(LOG, { b: b.id }, w.unionA.organiser))).toBe('FORBIDDEN');
  });

  it('keeps no plain ID number or phone in the database: only ciphertext, a mask and a keyed hash', async () => {
    const b = await requestBatch(addDays(w.start, 3), 2);
    const people = [next(), next()];
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: people }, w.unionA.organiser);
    const ds = t.get(DataSource);
    const rows: Array<Record<string, unknown>> = await ds.query('SELECT * FROM participant WHERE batchId = ' + Number(b.id));
    expect(rows).toHaveLength(2);
    const dump = JSON.stringify(rows);
    for (const p of people) {
      expect(dump).not.toContain(p.idNumber);
      expect(dump).not.toContain(p.phone);
      expect(dump).not.toContain(p.idNumber.slice(6, 14)); // not even the birth date
    }
    // The ciphertext is real AES-256-GCM under the configured key, bound to its column.
    const key = Buffer.from(hkdfSync('sha256', TEST_DATA_KEY, Buffer.alloc(0), 'rr personal data: aes-256-gcm v1', 32));
    const raw = Buffer.from(String(rows[0].idNumberCipher).split('.')[1], 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from('idNumber'));
    decipher.setAuthTag(raw.subarray(12, 28));
    expect(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString()).toBe(people[0].idNumber);
    expect(rows[0].idNumberHash).toMatch(/^[0-9a-f]{64}$/);
    const all: Array<Record<string, unknown>> = await ds.query('SELECT * FROM personal_data_access');
    expect(JSON.stringify(all)).not.toMatch(/\d{17}[\dX]/);
  });

  it('refuses the same person twice in a list, on the list already, or in a batch whose nights overlap', async () => {
    const stay = addDays(w.start, 20);
    const first = await requestBatch(stay, 4);
    const shared = next();
    await t.ok(ADD_PARTICIPANTS, { b: first.id, p: [shared] }, w.unionA.organiser);

    const twice = await add(first.id, [next(), { ...shared, name: '另一个名字', phone: phone(1) }]);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants.1.idNumber' });
    expect(twice.errors![0].message).toContain(`already on the list of batch ${first.reference}`);
    const inList = await add(first.id, [next(), next({ idNumber: shared.idNumber, gender: shared.gender })].slice(1));
    expect(inList.errors![0].extensions!.field).toBe('participants.0.idNumber');
    const p = next();
    const dupInInput = await add(first.id, [p, { ...p }]);
    expect(dupInInput.errors![0].message).toBe('participants.1.idNumber: the same person as participants.0');

    // Overlapping batch, same union: named. Other union: "another batch", not named.
    const overlap = await requestBatch(addDays(stay, 2), 2, w.unionA.organiser, w.baseB.packageId);
    const mine = await add(overlap.id, [shared]);
    expect(errorCode(mine)).toBe('BAD_USER_INPUT');
    expect(mine.errors![0].message).toContain(`already booked on batch ${first.reference}`);
    const theirs = await requestBatch(addDays(stay, 1), 2, w.unionB.organiser);
    const other = await add(theirs.id, [shared], w.unionB.organiser);
    expect(other.errors![0].message).toContain('already booked on another batch on these nights');
    expect(other.errors![0].message).not.toContain(first.reference);

    // Nights that touch but do not overlap are fine (departure day = next arrival day), and a cancelled batch frees the person.
    const before = await requestBatch(addDays(stay, -3), 2);
    expect((await add(before.id, [shared])).errors).toBeUndefined();
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"plans changed"){id}}', { id: first.id }, w.unionA.organiser);
    expect((await add(overlap.id, [shared])).errors).toBeUndefined();
  });

  it('keeps the list within the headcount, and checks in only a full list', async () => {
    const today = todayInShanghai();
    const b = await requestBatch(addDays(w.start, 30), 2);
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.unionA.organiser);
    const over = await add(b.id, [next(), next()]);
    expect(over.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants', headcount: 2, participantCount: 1 });
    expect(over.errors![0].message).toContain('2 more would make 3');
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.unionA.organiser);
    const shrink = await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:1){id}}', { id: b.id }, w.unionA.organiser);
    expect(shrink.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'headcount', participantCount: 2 });

    // Arriving today (inside the cutoff): the operator completes the list; check-in wants it full.
    const now = await requestBatch(today, 3);
    await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: now.id }, w.baseA.operator);
    const frozen = await add(now.id, [next()]);
    expect(frozen.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', frozenFrom: addDays(today, -3) });
    await t.ok(ADD_PARTICIPANTS, { b: now.id, p: [next(), next()] }, w.baseA.operator);
    const short = await t.gql('mutation($id:Int!){checkInBatch(id:$id){id status}}', { id: now.id }, w.baseA.operator);
    expect(short.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'CONFIRMED', to: 'CHECKED_IN' });
    expect(short.errors![0].message).toContain('has 2 people but its headcount is 3');
    await t.ok(ADD_PARTICIPANTS, { b: now.id, p: [next()] }, w.baseA.operator);
    await readyForCheckIn(t, now.id, w.unionA.organiser, w.baseA.operator);
    expect((await t.ok('mutation($id:Int!){checkInBatch(id:$id){id status}}', { id: now.id }, w.baseA.operator)).checkInBatch.status).toBe('CHECKED_IN');
    // Once checked in, the list is what arrived.
    const late = await add(now.id, [next()], w.baseA.operator);
    expect(late.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'CHECKED_IN' });
  });

  it('updates and removes participants under the same rules', async () => {
    const b = await requestBatch(addDays(w.start, 40), 3);
    const [a, c] = [next(), next()];
    const added = (await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [a, c] }, w.unionA.organiser)).addParticipants;
    const UPDATE = 'mutation($id:Int!,$i:UpdateParticipantInput!){updateParticipant(id:$id,input:$i){id name room phoneMasked dietaryNeeds}}';
    const updated = await t.ok(UPDATE, { id: added[0].id, i: { name: '  新 名字 ', room: 'A-101', phone: '13800001111', dietaryNeeds: null } }, w.unionA.organiser);
    expect(updated.updateParticipant).toMatchObject({ name: '新 名字', room: 'A-101', phoneMasked: '138****1111', dietaryNeeds: null });
    const clash = await t.gql(UPDATE, { id: added[0].id, i: { idNumber: c.idNumber, gender: c.gender } }, w.unionA.organiser);
    expect(clash.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    const bad = await t.gql(UPDATE, { id: added[0].id, i: { name: 'x'.repeat(51) } }, w.unionA.organiser);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(errorCode(await t.gql(UPDATE, { id: added[0].id, i: { room: 'B' } }, w.unionB.organiser))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(UPDATE, { id: added[0].id, i: { room: 'B' } }, w.admin))).toBe('FORBIDDEN');

    const removed = await t.ok('mutation($id:Int!){removeParticipant(id:$id){id participantCount}}', { id: added[1].id }, w.unionA.organiser);
    expect(removed.removeParticipant).toEqual({ id: b.id, participantCount: 1 });
    expect(errorCode(await t.gql('mutation($id:Int!){removeParticipant(id:$id){id}}', { id: added[1].id }, w.unionA.organiser))).toBe('NOT_FOUND');
  });
});
