import { addDays } from '@app/shared';
import request from 'supertest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mainlandId, person } from './support/people.js';
import { cellsOfXlsx, download, textOfXlsx, upload, xlsxOf } from './support/files.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const ZH = ['姓名', '性别', '证件类型', '证件号码', '手机号', '工作单位', '类别', '饮食禁忌', '房间'];
const EN = ['Name', 'Gender', 'Document type', 'ID number', 'Phone', 'Employer', 'Category', 'Dietary needs', 'Room'];
const GENDER: Record<string, string> = { MALE: '男', FEMALE: '女' };
const CATEGORY: Record<string, string> = { MODEL_WORKER: '劳模', FRONTLINE_WORKER: '一线职工', OTHER: '其他' };

/** A row as an organiser types it in Chinese. */
function zhRow(n: number): string[] {
  const p = person(n);
  return [p.name, GENDER[p.gender], '居民身份证', p.idNumber, p.phone, p.employer, CATEGORY[p.category], p.dietaryNeeds ?? '', p.room];
}

describe(`rooming list spreadsheets (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const requestBatch = async (startDate: string, headcount: number, token = w.unionA.organiser) =>
    (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount } }, token)).requestBatch as { id: number; reference: string };
  const count = async (batchId: number) => (await t.ok('query($id:Int!){batch(id:$id){participantCount}}', { id: batchId }, w.admin)).batch.participantCount as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 1200, maxGroup: 1000, manyDaysPerYear: true });
  });
  afterAll(() => t.close());

  it('imports 500 rows all or nothing: 3 bad rows → nothing imported and 3 precise errors; fixed → 500', async () => {
    const b = await requestBatch(w.start, 500);
    const rows = Array.from({ length: 500 }, (_, i) => zhRow(10_000 + i));
    const broken = rows.map((r) => [...r]);
    broken[6][3] = broken[6][3].slice(0, 17) + (broken[6][3][17] === '1' ? '2' : '1'); // sheet row 8: check digit
    broken[99][4] = '5123 4567'; // row 101: Hong Kong number without its code
    broken[449][3] = `440102${'19900230'}1234`.slice(0, 17) + '0'; // row 451: 30 February
    const res = await upload(t, b.id, await xlsxOf([ZH, ...broken]), '名单.xlsx', w.unionA.organiser);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', message: '3 rows have errors; nothing was imported' });
    expect(res.body.error.rows).toEqual([
      { row: 8, column: '证件号码', message: expect.stringContaining('check digit') },
      { row: 101, column: '手机号', message: 'add the country code: +852 for Hong Kong, +853 for Macau' },
      { row: 451, column: '证件号码', message: 'the birth date (characters 7–14) is not a real date between 1900 and today' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(broken[6][3]);
    expect(await count(b.id)).toBe(0);

    const fixed = await upload(t, b.id, await xlsxOf([ZH, ...rows]), '名单.xlsx', w.unionA.organiser);
    expect(fixed.status).toBe(201);
    expect(fixed.body).toEqual({ batchId: b.id, reference: b.reference, mode: 'replace', imported: 500, participantCount: 500, ignoredColumns: [] });
    expect(await count(b.id)).toBe(500);
  });

  it('exports what was imported, and the export re-imports to an equal list (xlsx and csv, Chinese and English headers)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => zhRow(20_000 + i));
    rows[3][1] = 'F'; // aliases are read too
    rows[3][3] = mainlandId(20_003, 'FEMALE');
    const first = await requestBatch(addDays(w.start, 10), 40);
    expect((await upload(t, first.id, await xlsxOf([ZH, ...rows]), 'list.xlsx', w.unionA.organiser)).status).toBe(201);

    const exported = await download(t, `/batches/${first.id}/participants.xlsx`, w.unionA.organiser);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="${first.reference}-participants.xlsx"`);
    expect(exported.headers['cache-control']).toBe('no-store');
    const table = await textOfXlsx(exported.body);
    expect(table[0]).toEqual(ZH);
    rows[3][1] = '女';
    expect(table.slice(1)).toEqual(rows);

    // Round trips into another batch through each format; the lists come back equal.
    for (const [format, lang, headers, offset] of [
      ['xlsx', 'zh', ZH, 20],
      ['csv', 'en', EN, 30],
      ['csv', 'zh', ZH, 40],
    ] as const) {
      const file = await download(t, `/batches/${first.id}/participants.${format}?lang=${lang}`, w.unionA.organiser);
      const second = await requestBatch(addDays(w.start, offset), 40);
      const res = await upload(t, second.id, file.body, `export.${format}`, w.unionA.organiser);
      expect(res.body).toMatchObject({ imported: 40 });
      const again = await textOfXlsx((await download(t, `/batches/${second.id}/participants.xlsx`, w.unionA.organiser)).body);
      expect(again).toEqual(table);
      if (format === 'csv') expect(file.body.toString('utf8').split('\r\n')[0]).toBe('\ufeff' + headers.join(','));
    }
  });

  it('writes formula-like cells as text: an apostrophe in CSV, string cells in xlsx, and reads them back unchanged', async () => {
    const b = await requestBatch(addDays(w.start, 50), 3);
    const evil = [[...zhRow(30_001).slice(0, 5), '=HYPERLINK("http://evil.example","点我")', '劳模', '+1', '@SUM(A1)'], [...zhRow(30_002).slice(0, 5), '-2+3', '其他', '', ''], zhRow(30_003)];
    expect((await upload(t, b.id, await xlsxOf([ZH, ...evil]), 'evil.xlsx', w.unionA.organiser)).status).toBe(201);

    const csv = (await download(t, `/batches/${b.id}/participants.csv`, w.unionA.organiser)).body.toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(lines[1]).toContain(",'+1,'@SUM(A1)");
    expect(lines[2]).toContain(",'-2+3,");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);

    const cells = await cellsOfXlsx((await download(t, `/batches/${b.id}/participants.xlsx`, w.unionA.organiser)).body);
    const employer = cells[1][5];
    expect(employer.type).toBe(ExcelJS.ValueType.String);
    expect(employer.formula).toBeUndefined();
    expect(employer.value).toBe('=HYPERLINK("http://evil.example","点我")');

    // The CSV's apostrophes are ours: re-importing gives the original text.
    const copy = await requestBatch(addDays(w.start, 54), 3);
    expect((await upload(t, copy.id, Buffer.from(csv, 'utf8'), 'evil.csv', w.unionA.organiser)).status).toBe(201);
    const back = await textOfXlsx((await download(t, `/batches/${copy.id}/participants.xlsx`, w.unionA.organiser)).body);
    expect(back[1].slice(5)).toEqual(['=HYPERLINK("http://evil.example","点我")', '劳模', '+1', '@SUM(A1)']);
  });

  it('names every kind of bad file and cell', async () => {
    const b = await requestBatch(addDays(w.start, 58), 10);
    const send = async (rows: unknown[][]) => (await upload(t, b.id, await xlsxOf(rows as string[][]), 'x.xlsx', w.unionA.organiser)).body.error;

    expect(await send([['姓名', '性别', '手机号']])).toMatchObject({
      rows: [
        { row: 1, column: '证件号码', message: expect.stringContaining('column is missing') },
        { row: 1, column: '工作单位', message: expect.stringContaining('column is missing') },
      ],
    });
    // An ID number Excel turned into a number has lost digits: say so, not "bad check digit".
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(EN);
    // eslint-disable-next-line no-loss-of-precision -- the lost digits are what this checks
    sheet.addRow(['张三', '男', '', 440102199003071234, 13812345678, '单位', '', '', '']);
    sheet.addRow(['李四', '男女', '护照', 'E12345678', '13812345679', '单位', 'VIP', '', '']);
    const body = (await upload(t, b.id, Buffer.from(await workbook.xlsx.writeBuffer()), 'n.xlsx', w.unionA.organiser)).body.error;
    expect(body.rows).toEqual([
      { row: 2, column: 'ID number', message: expect.stringContaining('format the column as Text') },
      { row: 3, column: 'Gender', message: expect.stringContaining('must be one of 男 / Male, 女 / Female') },
      { row: 3, column: 'Category', message: expect.stringContaining('must be one of 劳模 / Model worker') },
    ]);

    const plain = (status: number, res: { status: number; body: any }) => {
      expect(res.status).toBe(status);
      return res.body.error;
    };
    expect(plain(400, await upload(t, b.id, Buffer.from('hello'), 'x.pdf', w.unionA.organiser))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(plain(400, await upload(t, b.id, Buffer.from(ZH.join(',') + '\r\n'), 'x.csv', w.unionA.organiser)).message).toBe('The file has headers but no people');
    expect(plain(400, await upload(t, b.id, Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx', w.unionA.organiser)).message).toContain('could not be read');
    expect(plain(400, await upload(t, b.id, Buffer.from('a'), 'x.csv', w.unionA.organiser, '?mode=merge'))).toMatchObject({ field: 'mode' });
    expect(plain(413, await upload(t, b.id, Buffer.alloc(11 * 1024 * 1024, 65), 'big.csv', w.unionA.organiser))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      message: expect.stringContaining('at most 10 MB'),
    });
  });

  it('reports the headcount and every bad row together, duplicates by row number, and says which columns it ignored', async () => {
    const b = await requestBatch(addDays(w.start, 46), 3);
    const rows = [zhRow(60_001), zhRow(60_002), zhRow(60_001), zhRow(60_003)];
    rows[3][4] = '4.40106E+17'; // what Excel writes into a CSV for a long number
    const csv = [ZH, ...rows].map((r) => r.join(',')).join('\r\n');
    const res = await upload(t, b.id, Buffer.from(csv), 'x.csv', w.unionA.organiser);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', headcount: 3 });
    expect(res.body.error.message).toBe(
      `The file lists 4 people and batch ${b.reference} is for 3. Raise the headcount first (changeHeadcount) or send fewer. Also, 2 rows have errors; nothing was imported`,
    );
    expect(res.body.error.rows).toEqual([
      { row: 4, column: '证件号码', message: 'the same person as row 2' },
      { row: 5, column: '手机号', message: expect.stringContaining('format the column as Text') },
    ]);
    // Too many and nothing else wrong: just that.
    const four = [ZH, zhRow(60_011), zhRow(60_012), zhRow(60_013), zhRow(60_014)].map((r) => r.join(',')).join('\n');
    const only = (await upload(t, b.id, Buffer.from(four), 'x.csv', w.unionA.organiser)).body.error;
    expect(only).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', headcount: 3, participantCount: 0 });
    expect(only.rows).toBeUndefined();
    // Extra columns (序号, 备注) are fine, and named in the answer.
    const extra = [
      ['序号', ...ZH, '备注'],
      ['1', ...zhRow(60_021), '组长'],
    ]
      .map((r) => r.join(','))
      .join('\n');
    expect((await upload(t, b.id, Buffer.from(extra), 'x.csv', w.unionA.organiser)).body).toMatchObject({ imported: 1, ignoredColumns: ['序号', '备注'] });
    // An empty file and a file under the wrong form field say so plainly.
    const empty = (await upload(t, b.id, Buffer.from(''), 'x.csv', w.unionA.organiser)).body.error;
    expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', message: expect.stringContaining('The file is empty') });
    const wrongField = await request(t.url).post(`/batches/${b.id}/participants/import`).set('authorization', `Bearer ${w.unionA.organiser}`).attach('upload', Buffer.from(extra), 'x.csv');
    expect([wrongField.status, wrongField.body.error]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'file', message: expect.stringContaining('field "file"') })]);
  });

  it('reads GB18030 CSV (Excel on Chinese Windows) and appends with ?mode=append', async () => {
    const b = await requestBatch(addDays(w.start, 58), 4);
    const csv = [ZH, zhRow(40_001), zhRow(40_002)].map((r) => r.join(',')).join('\r\n');
    const encoded = iconv.encode(csv, 'gb18030');
    expect(encoded.length).toBeLessThan(Buffer.byteLength(csv)); // two bytes a character, not UTF-8's three
    expect((await upload(t, b.id, encoded, 'gbk.csv', w.unionA.organiser)).body).toMatchObject({ imported: 2, participantCount: 2 });
    const more = [ZH, zhRow(40_003)].map((r) => r.join(',')).join('\n');
    expect((await upload(t, b.id, Buffer.from(more), 'more.csv', w.unionA.organiser, '?mode=append')).body).toMatchObject({ mode: 'append', imported: 1, participantCount: 3 });
    const names = (await t.ok('query($id:Int!){batch(id:$id){participants{name}}}', { id: b.id }, w.unionA.organiser)).batch.participants.map((p: any) => p.name);
    expect(names).toEqual([zhRow(40_001)[0], zhRow(40_002)[0], zhRow(40_003)[0]]);
  });

  it('lets only the right people in: token, role, union and base', async () => {
    const b = await requestBatch(addDays(w.start, 45), 2);
    const file = await xlsxOf([ZH, zhRow(50_001)]);
    const code = (res: { status: number; body: any }) => [res.status, (Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString() || '{}') : res.body).error?.code];
    expect(code(await upload(t, b.id, file, 'a.xlsx'))).toEqual([401, 'UNAUTHENTICATED']);
    expect(code(await upload(t, b.id, file, 'a.xlsx', w.admin))).toEqual([403, 'FORBIDDEN']);
    expect(code(await upload(t, b.id, file, 'a.xlsx', w.unionB.organiser))).toEqual([404, 'NOT_FOUND']);
    expect(code(await upload(t, b.id, file, 'a.xlsx', w.baseB.operator))).toEqual([404, 'NOT_FOUND']);
    expect(code(await upload(t, 999_999, file, 'a.xlsx', w.unionA.organiser))).toEqual([404, 'NOT_FOUND']);
    expect(code(await upload(t, b.id, file, 'a.xlsx', w.baseA.operator))).toEqual([201, undefined]);

    // The rooming list sorts rooms naturally: 9 before 10.
    const roomed = await requestBatch(addDays(w.start, 47), 3);
    const byRoom = [ZH, { ...zhRow(50_011), 8: '10' }, { ...zhRow(50_012), 8: '' }, { ...zhRow(50_013), 8: '9' }].map((r) => Object.values(r));
    await upload(t, roomed.id, await xlsxOf(byRoom), 'r.xlsx', w.unionA.organiser);
    const rooms = await textOfXlsx((await download(t, `/batches/${roomed.id}/rooming-list.xlsx`, w.baseA.operator)).body);
    expect(rooms.slice(1).map((r) => r[8])).toEqual(['9', '10', '']);

    // The operator's rooming list has the full values (logged); the admin's is masked (not logged).
    const operator = await textOfXlsx((await download(t, `/batches/${b.id}/rooming-list.xlsx`, w.baseA.operator)).body);
    expect(operator[1][3]).toBe(zhRow(50_001)[3]);
    const admin = await textOfXlsx((await download(t, `/batches/${b.id}/participants.xlsx`, w.admin)).body);
    expect(admin[1][3]).toMatch(/^440102\*{8}\d{3}[\dX]$/);
    expect(admin[1][4]).toBe(`139****${zhRow(50_001)[4].slice(-4)}`);
    const log = await t.ok('query($b:Int){personalDataAccessLog(batchId:$b){edges{node{actorUsername channel fields participantCount}}}}', { b: b.id }, w.admin);
    expect(log.personalDataAccessLog.edges.map((e: any) => e.node)).toEqual([{ actorUsername: 'op-ba', channel: 'EXPORT', fields: 'idNumber,phone', participantCount: 1 }]);

    expect(code(await download(t, `/batches/${b.id}/participants.xlsx`, w.unionB.organiser))).toEqual([404, 'NOT_FOUND']);
    expect(code(await download(t, `/batches/${b.id}/participants.pdf`, w.unionA.organiser))).toEqual([400, 'BAD_USER_INPUT']);
    expect(code(await download(t, `/batches/abc/participants.csv`, w.unionA.organiser))).toEqual([400, 'BAD_USER_INPUT']);
    expect(code(await download(t, `/batches/${b.id}/participants.csv`))).toEqual([401, 'UNAUTHENTICATED']);
  });
});
