import ExcelJS from 'exceljs';
import request from 'supertest';
import type { TestApp } from './test-app.js';

/** Builds an .xlsx from rows of text, every cell a string (as a careful organiser's file would be). */
export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first sheet of an .xlsx as rows of cells (exceljs values), header included. */
export async function cellsOfXlsx(buffer: Buffer): Promise<ExcelJS.Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: ExcelJS.Cell[][] = [];
  workbook.worksheets[0].eachRow((row) => {
    const cells: ExcelJS.Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell));
    out.push(cells);
  });
  return out;
}

export async function textOfXlsx(buffer: Buffer): Promise<string[][]> {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the API's sheets hold plain strings, numbers and dates
  return (await cellsOfXlsx(buffer)).map((row) => row.map((c) => (c.value === null || c.value === undefined ? '' : String(c.value))));
}

export function upload(t: TestApp, batchId: number, file: Buffer, filename: string, token?: string, query = '') {
  const req = request(t.url).post(`/batches/${batchId}/participants/import${query}`);
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.attach('file', file, filename);
}

export async function download(t: TestApp, path: string, token?: string) {
  const req = request(t.url).get(path);
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
