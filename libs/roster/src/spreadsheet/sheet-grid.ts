import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { LIMIT_MESSAGES, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_ROWS, SheetLimitError } from './sheet-limits.js';
import { repackWorkbook } from './xlsx-parts.js';

export type SheetFormat = 'xlsx' | 'csv';

/** A row that holds something, as the spreadsheet program numbers it, with its cells from column A. */
export interface GridRow {
  row: number;
  cells: ExcelJS.CellValue[];
}

/** Decodes a CSV as UTF-8 (with or without BOM), or as GB18030, which Excel uses for Chinese CSV on Windows. */
function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function charsOf(value: ExcelJS.CellValue): number {
  if (typeof value === 'string') return value.length;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.reduce((sum, part) => sum + part.text.length, 0);
  return 0;
}

const blank = (value: ExcelJS.CellValue) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Counts every row read against the limits, blank ones included, and keeps the rows that hold
 * something; the first limit crossed ends the reading.
 */
class LimitedRows {
  private seen = 0;
  private filled = 0;

  constructor(private readonly emit: (row: GridRow) => void) {}

  add(row: number, cells: ExcelJS.CellValue[]): void {
    if (++this.seen > MAX_SHEET_ROWS) throw new SheetLimitError(LIMIT_MESSAGES.rows());
    let length = cells.length;
    while (length > 0 && blank(cells[length - 1])) length--;
    if (length === 0) return;
    if (length > MAX_COLUMNS) throw new SheetLimitError(LIMIT_MESSAGES.columns(row));
    for (let i = 0; i < length; i++) if (charsOf(cells[i]) > MAX_CELL_CHARS) throw new SheetLimitError(LIMIT_MESSAGES.cell(row));
    // Room for a title and a header above the people; the exact count is the reader's.
    if (++this.filled > MAX_ROWS + 5) throw new SheetLimitError(LIMIT_MESSAGES.people());
    this.emit({ row, cells: cells.slice(0, length) });
  }

  get anyFilled(): boolean {
    return this.filled > 0;
  }
}

/** Whether the text has more than `max` lines, found without parsing it. */
function linesOver(text: string, max: number): boolean {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) if (++lines >= max) return true;
  return false;
}

function readCsv(buffer: Buffer, rows: LimitedRows): void {
  const text = decodeCsv(buffer);
  if (linesOver(text, MAX_SHEET_ROWS)) throw new SheetLimitError(LIMIT_MESSAGES.rows());
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Empty lines are skipped by the parser (it is slow on them: each is a short record it builds an error for);
    // `to` stops it one record past the limit, and max_record_size bounds one giant quoted field.
    const options = { relax_column_count: true, skip_empty_lines: true, bom: true, info: true, to: MAX_SHEET_ROWS + 1, max_record_size: MAX_COLUMNS * MAX_CELL_CHARS };
    records = parseCsv(text, options) as unknown as typeof records;
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw new SheetLimitError(LIMIT_MESSAGES.cell((error as { lines?: number }).lines ?? 0));
    throw error;
  }
  // The line a record starts on: where it ends, less the line breaks inside its quoted cells.
  for (const { record, info } of records) rows.add(info.lines - record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0), record);
}

/** The first worksheet that holds anything, streamed row by row (the sheets before it count towards the limits). */
async function readXlsx(buffer: Buffer, rows: LimitedRows): Promise<void> {
  const zip = repackWorkbook(buffer);
  // In small pieces: exceljs parses a whole piece before it hands over any row of it, so the limits could not stop it.
  const pieces = function* () {
    for (let at = 0; at < zip.length; at += 64 * 1024) yield zip.subarray(at, at + 64 * 1024);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(pieces()), {
    sharedStrings: 'cache',
    // Styles tell a date from a number; hyperlinks and the rest are not part of a list.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // exceljs rows are 1-based: values[0] is always empty.
      rows.add(row.number, (row.values as ExcelJS.CellValue[]).slice(1));
    }
    if (rows.anyFilled) return;
  }
}

/** Reads a file's rows under the limits of sheet-limits.ts; throws SheetLimitError, or the parser's own error for a broken file. */
export async function readGrid(buffer: Buffer, format: SheetFormat, emit: (row: GridRow) => void): Promise<void> {
  const rows = new LimitedRows(emit);
  if (format === 'csv') readCsv(buffer, rows);
  else await readXlsx(buffer, rows);
}
