import { csvSafe, DomainException } from '@app/shared';
import type ExcelJS from 'exceljs';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { DocumentType } from '../participant/identity-document.js';
import type { ParticipantFields } from '../participant/participant-check.js';
import type { Gender, ParticipantCategory } from '../participant/participant.entity.js';
import type { GridRow, SheetFormat } from './sheet-grid.js';
import { LIMIT_MESSAGES, MAX_ROWS } from './sheet-limits.js';
import { CATEGORY_LABELS, columnForHeader, describeLabels, DOCUMENT_LABELS, GENDER_LABELS, parseLabel, ROSTER_COLUMNS, type RosterColumn, type SheetLanguage } from './roster-columns.js';

export type { SheetFormat };

/** A problem with one cell (or, with a column but no data row, with the header). */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is usually row 1). */
  row: number;
  fields: ParticipantFields;
}

export interface ReadSheet {
  rows: SheetRow[];
  /** Headers the file has that are not roster columns (序号, 备注 …): ignored, and said so. */
  ignored: string[];
  problems: RowProblem[];
  /** The header each field was read from, as written in the file (for naming columns in problems). */
  headers: Partial<Record<keyof ParticipantFields, string>>;
}

class CellError extends Error {}

/** An exceljs cell value → text. */
function cellText(value: ExcelJS.CellValue, key: keyof ParticipantFields): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (key === 'idNumber' && !Number.isSafeInteger(value)) {
      throw new CellError('Excel stored this number as a number and lost its last digits: format the column as Text and type the numbers again');
    }
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) throw new CellError('is a date; expected text');
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) throw new CellError(`holds the spreadsheet error ${value.error}`);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || typeof result === 'object') throw new CellError('is a formula without a value; paste it as values');
    return String(result);
  }
  if ('text' in value) return String(value.text);
  return '';
}

export function detectFormat(buffer: Buffer, filename: string): SheetFormat | null {
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (/\.(csv|txt)$/i.test(filename)) return 'csv';
  return null;
}

/**
 * Reads a rooming list: finds the header row (Chinese or English headers), maps each row to
 * participant fields, and collects every problem it can see without the database.
 */
export function readRosterSheet(grid: GridRow[]): ReadSheet {
  const problems: RowProblem[] = [];
  const headerAt = grid.findIndex((r) => r.cells.some((c) => c !== null && c !== undefined && String(cellText(c, 'name')).trim() !== ''));
  if (headerAt < 0) return { rows: [], ignored: [], problems: [], headers: {} };

  const header = grid[headerAt];
  const columns = new Map<number, RosterColumn>();
  const headers: ReadSheet['headers'] = {};
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const label = cell === null || cell === undefined ? '' : String(cellText(cell, 'name')).trim();
    const column = label ? columnForHeader(label) : undefined;
    if (!column) {
      if (label) ignored.push(label);
      return;
    }
    if (headers[column.key]) {
      problems.push({ row: header.row, column: label, message: `repeats the column ${headers[column.key]}` });
      return;
    }
    columns.set(index, column);
    headers[column.key] = label;
  });
  for (const column of ROSTER_COLUMNS) {
    if (column.required && !headers[column.key]) {
      problems.push({ row: header.row, column: column.zh, message: `the column is missing (header ${column.zh} or ${column.en})` });
    }
  }
  if (problems.length) return { rows: [], ignored, problems, headers };

  const rows: SheetRow[] = [];
  for (const { row, cells } of grid.slice(headerAt + 1)) {
    const raw: Partial<Record<keyof ParticipantFields, string>> = {};
    let empty = true;
    for (const [index, column] of columns) {
      try {
        let text = cellText(cells[index] ?? null, column.key).trim();
        // Undo the apostrophe our own export puts before formula-like text.
        if (/^'[=+\-@]/.test(text)) text = text.slice(1);
        // What Excel writes into a CSV for a long number it turned into a float: the digits are gone.
        if ((column.key === 'idNumber' || column.key === 'phone') && /^\d(\.\d+)?E\+?\d+$/i.test(text)) {
          throw new CellError('the spreadsheet turned this number into a rounded number (like 4.4E+17) and lost its digits: format the column as Text and type the numbers again');
        }
        if (text) empty = false;
        raw[column.key] = text;
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        empty = false;
        problems.push({ row, column: headers[column.key]!, message: error.message });
      }
    }
    if (empty) continue;
    if (rows.length === MAX_ROWS) throw DomainException.badInput('file', LIMIT_MESSAGES.people());
    const fields: ParticipantFields = { name: raw.name, idNumber: raw.idNumber, phone: raw.phone, employer: raw.employer, dietaryNeeds: raw.dietaryNeeds, room: raw.room };
    const label = (key: keyof ParticipantFields) => headers[key] ?? key;
    if (raw.gender) {
      fields.gender = parseLabel<Gender>(GENDER_LABELS, raw.gender);
      if (!fields.gender) problems.push({ row, column: label('gender'), message: `must be one of ${describeLabels(GENDER_LABELS)}` });
    }
    // A blank document type means the usual: a mainland resident ID.
    fields.documentType = raw.documentType ? parseLabel<DocumentType>(DOCUMENT_LABELS, raw.documentType) : ('MAINLAND_ID' as DocumentType);
    if (!fields.documentType) problems.push({ row, column: label('documentType'), message: `must be one of ${describeLabels(DOCUMENT_LABELS)}` });
    fields.category = raw.category ? parseLabel<ParticipantCategory>(CATEGORY_LABELS, raw.category) : ('OTHER' as ParticipantCategory);
    if (!fields.category) problems.push({ row, column: label('category'), message: `must be one of ${describeLabels(CATEGORY_LABELS)}` });
    rows.push({ row, fields });
  }
  return { rows, ignored, problems, headers };
}

/** A participant as written to a file, with the values already decided (full or masked). */
export interface ExportRow {
  name: string;
  gender: Gender;
  documentType: DocumentType;
  idNumber: string;
  phone: string;
  employer: string;
  category: ParticipantCategory;
  dietaryNeeds: string | null;
  room: string | null;
}

function cellsOf(p: ExportRow, lang: SheetLanguage): string[] {
  return [p.name, GENDER_LABELS[lang][p.gender], DOCUMENT_LABELS[lang][p.documentType], p.idNumber, p.phone, p.employer, CATEGORY_LABELS[lang][p.category], p.dietaryNeeds ?? '', p.room ?? ''];
}

/** Writes the rooming list; every value is text, never a formula. */
export async function writeRosterSheet(rows: ExportRow[], format: SheetFormat, lang: SheetLanguage): Promise<Buffer> {
  const header = ROSTER_COLUMNS.map((c) => c[lang]);
  if (format === 'csv') {
    const body = stringifyCsv([header, ...rows.map((p) => cellsOf(p, lang).map(csvSafe))], { record_delimiter: '\r\n' });
    // The BOM makes Excel read the file as UTF-8 rather than the system code page.
    return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(body, 'utf8')]);
  }
  // Loaded on first use: exceljs adds ~25 MB to a process's resident memory (see sheet-grid.ts).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(lang === 'zh' ? '名单' : 'Participants');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: c[lang],
    key: c.key,
    width: c.key === 'idNumber' ? 22 : c.key === 'employer' || c.key === 'documentType' ? 26 : 14,
    // Text format, so a person editing the file does not turn ID numbers into numbers.
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const p of rows) {
    const row = sheet.addRow([]);
    cellsOf(p, lang).forEach((text, i) => {
      // A plain string is stored as text; exceljs writes a formula only for { formula }, so `=…` stays inert.
      row.getCell(i + 1).value = text;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
