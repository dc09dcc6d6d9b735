import { QueryCounter, todayInShanghai } from '@app/shared';
import { upload, xlsxOf } from './support/files.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const ZH = ['姓名', '性别', '证件类型', '证件号码', '手机号', '工作单位', '类别'];
const EN = ['Name', 'Gender', 'Document type', 'ID number', 'Phone', 'Employer', 'Category'];
const row = (n: number, lang: 'zh' | 'en' = 'zh') => {
  const p = person(n);
  return lang === 'zh'
    ? [p.name, p.gender === 'MALE' ? '男' : '女', '居民身份证', p.idNumber, p.phone, p.employer, '一线职工']
    : [p.name, p.gender, 'MAINLAND_ID', p.idNumber, p.phone, p.employer, 'FRONTLINE_WORKER'];
};

/**
 * The union's yearly days per person (5 by default; a 3-night stay is 4 days) are one more problem of
 * a list: alone they refuse it with POLICY_VIOLATION; beside other problems they are entries of the
 * same BAD_USER_INPUT, named as the others are (participants.N.idNumber, or a file's row and column).
 */
describe(`yearly days among a list's problems (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const year = Number(todayInShanghai().slice(0, 4)) + 1;
  const batch = async (startDate: string, headcount: number) =>
    (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount } }, w.unionA.organiser)).requestBatch as { id: number; reference: string };
  const count = async (id: number) => (await t.ok<any>('query($id:Int!){batch(id:$id){participantCount}}', { id }, w.unionA.organiser)).batch.participantCount;
  let march: { id: number; reference: string };
  let may: { id: number; reference: string };
  /** Over the yearly days in `may`: already 4 days on the March batch. */
  const spent = Array.from({ length: 20 }, (_, i) => 81_000 + i);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100, nightsOfBeds: 600 });
    march = await batch(`${year}-03-02`, 30);
    may = await batch(`${year}-05-04`, 30);
    await t.ok(ADD_PARTICIPANTS, { b: march.id, p: spent.map((n) => person(n)) }, w.unionA.organiser);
  });
  afterAll(() => t.close());

  const over = (days: number) => `would have ${days} days of stays in ${year} (this batch 4, ${march.reference} (4 days)); the union's policy allows 5 per person per year`;

  it('GraphQL: beside a bad entry and a double booking, the yearly days are entries of extensions.problems, in list order', async () => {
    const badPhone = person(82_001, { phone: '12345' });
    const res = await t.gql(ADD_PARTICIPANTS, { b: may.id, p: [person(82_000), person(spent[0]), badPhone, person(82_000), person(spent[1])] }, w.unionA.organiser);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('participants.1.idNumber');
    expect(res.errors![0].message).toBe(`participants.1.idNumber: ${over(8)} (and 3 more in extensions.problems)`);
    expect(res.errors![0].extensions!.problems).toEqual([
      { field: 'participants.1.idNumber', message: over(8), rule: 'maxDaysPerYear' },
      { field: 'participants.2.phone', message: expect.any(String) },
      { field: 'participants.3.idNumber', message: 'the same person as participants.0' },
      { field: 'participants.4.idNumber', message: over(8), rule: 'maxDaysPerYear' },
    ]);
    expect(JSON.stringify(res.errors)).not.toContain(person(spent[0]).idNumber);
    expect(await count(may.id)).toBe(0);
  });

  it('GraphQL: alone they keep their POLICY_VIOLATION, with every person over in problems', async () => {
    const res = await t.gql(ADD_PARTICIPANTS, { b: may.id, p: [person(82_010), person(spent[2]), person(spent[3])] }, w.unionA.organiser);
    expect(res.errors![0].extensions).toEqual({
      code: 'POLICY_VIOLATION',
      rule: 'maxDaysPerYear',
      maxDaysPerYear: 5,
      field: 'participants.1.idNumber',
      problems: [
        { index: 1, field: 'participants.1.idNumber', message: over(8) },
        { index: 2, field: 'participants.2.idNumber', message: over(8) },
      ],
    });
    expect(res.errors![0].message).toBe(`2 participants, the first at index 1 ${over(8)}`);
  });

  it('a file: a row with its number and the ID column as the file names it, beside the other bad rows', async () => {
    const file = await xlsxOf([ZH, row(82_020), row(spent[4]), [...row(82_021)].fill('', 4, 5)]);
    const res = await upload(t, may.id, file, '名单.xlsx', w.unionA.organiser);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', message: '2 rows have errors; nothing was imported' });
    expect(res.body.error.rows).toEqual([
      { row: 3, column: '证件号码', message: over(8), rule: 'maxDaysPerYear' },
      { row: 4, column: '手机号', message: 'is required' },
    ]);
    // Alone: POLICY_VIOLATION (422), still by row, under the file's own header.
    const alone = await upload(t, may.id, await xlsxOf([EN, row(82_022, 'en'), row(spent[5], 'en')]), 'list.xlsx', w.unionA.organiser);
    expect(alone.status).toBe(422);
    expect(alone.body.error).toEqual({
      code: 'POLICY_VIOLATION',
      rule: 'maxDaysPerYear',
      maxDaysPerYear: 5,
      field: 'file',
      message: `Row 3 ${over(8)}; nothing was imported`,
      rows: [{ row: 3, column: 'ID number', message: over(8), rule: 'maxDaysPerYear' }],
    });
    expect(await count(may.id)).toBe(0);
  });

  it('costs the same queries for 2 people over the yearly days as for 16', async () => {
    const queries = async (people: number[]) => {
      const before = QueryCounter.total;
      const res = await t.gql(ADD_PARTICIPANTS, { b: may.id, p: [person(82_030, { phone: '1' }), ...people.map((n) => person(n))] }, w.unionA.organiser);
      expect(res.errors![0].extensions!.problems).toHaveLength(people.length + 1);
      return QueryCounter.total - before;
    };
    const two = await queries(spent.slice(0, 2));
    expect(await queries(spent.slice(0, 16))).toBe(two);
  });
});
