/**
 * What one uploaded rooming list may hold. They are checked while the file is read (a worker stops
 * at the first one crossed), so a hostile file costs little; the messages name the limit.
 * This file is loaded by the parsing worker too: it imports nothing.
 */
export const MAX_ROWS = 10_000;
/** Rows read, blank ones included: a file of a header and a million empty lines stops here. */
export const MAX_SHEET_ROWS = 2 * MAX_ROWS;
export const MAX_COLUMNS = 50;
export const MAX_CELL_CHARS = 1_000;
/** What the parts of an .xlsx that are read (workbook, styles, strings, sheets) may unpack to, together. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1_000;
/** The parsing worker's own limits; a file that needs more is refused, and nobody else waits for it. */
export const PARSE_TIME_LIMIT_MS = 30_000;
export const PARSE_HEAP_LIMIT_MB = 384;

const MB = 1024 * 1024;

/** A file over one of the limits: the uploader's to fix, with the limit in the message. */
export class SheetLimitError extends Error {}

export const LIMIT_MESSAGES = {
  rows: () =>
    `The file has more than ${MAX_SHEET_ROWS} rows; a file holds at most ${MAX_SHEET_ROWS} rows, blank ones included (and ${MAX_ROWS} people): delete the empty rows at its end or split the list`,
  people: () => `The file lists more than ${MAX_ROWS} people; a file holds at most ${MAX_ROWS}: split the list`,
  columns: (row: number) => `Row ${row} has more than ${MAX_COLUMNS} columns; a file holds at most ${MAX_COLUMNS}: delete the columns that are not part of the list`,
  cell: (row: number) => `Row ${row} has a cell of more than ${MAX_CELL_CHARS} characters; a cell holds at most ${MAX_CELL_CHARS}`,
  unpacked: () => `The .xlsx unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / MB} MB; a workbook may unpack to at most ${MAX_XLSX_UNPACKED_BYTES / MB} MB: save only the list in it`,
  entries: () => `The .xlsx holds more than ${MAX_ZIP_ENTRIES} parts; save only the list in a new workbook`,
  time: () => `The file took more than ${PARSE_TIME_LIMIT_MS / 1000} s to read, the limit; save only the list in a new file`,
  memory: () => `The file needs more than ${PARSE_HEAP_LIMIT_MB} MB to read, the limit; save only the list in a new file`,
};
