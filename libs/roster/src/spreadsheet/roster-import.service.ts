import { Injectable } from '@nestjs/common';
import { DomainException, type RequestContext } from '@app/shared';
import type { ListNaming, ListProblem } from '../participant/list-problem.js';
import type { ParticipantField } from '../participant/participant-check.js';
import { ParticipantEditService } from '../participant/participant-edit.service.js';
import type { ImportMode } from '../participant/roster-check.service.js';
import { ROSTER_COLUMNS } from './roster-columns.js';
import { detectFormat, readRosterSheet, type ReadSheet, type RowProblem } from './roster-sheet.js';
import { SheetParserService } from './sheet-parser.service.js';

/** What multer hands over for a file field kept in memory (the fields we use). */
export interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface ImportResult {
  batchId: number;
  reference: string;
  mode: ImportMode;
  imported: number;
  participantCount: number;
  /** Columns of the file that are not part of a rooming list, and were not read. */
  ignoredColumns: string[];
}

/** Every bad row of a file at once, by row and column, with a problem of the whole list (too many people) leading them. */
function rowProblems(problems: Array<RowProblem & { rule?: string }>, listProblem: DomainException | null = null): DomainException {
  const rows = new Set(problems.map((p) => p.row)).size;
  return DomainException.listProblems(
    'file',
    `${rows} ${rows === 1 ? 'row has' : 'rows have'} errors; nothing was imported`,
    problems.map((p) => ({ row: p.row, column: p.column, message: p.message, ...(p.rule ? { rule: p.rule } : {}) })),
    {
      key: 'rows',
      listProblem,
    },
  );
}

/** A file's entries named by its rows and its own column headers; "the same person as row 2". */
function sheetNaming(sheet: ReadSheet): ListNaming {
  const column = (field: ParticipantField | null) => (field ? (sheet.headers[field] ?? ROSTER_COLUMNS.find((c) => c.key === field)!.zh) : '');
  // A cell that could not be read is reported once, not again as "is required".
  const unreadable = new Set(sheet.problems.map((p) => `${p.row}|${p.column}`));
  return {
    field: (_index, field) => column(field),
    refuse(problems, listProblem) {
      const named: Array<RowProblem & { rule?: string }> = problems.map((p) => ({
        ...(p.at ?? { row: sheet.rows[p.index].row, column: column(p.field) }),
        message: p.sameAs === undefined ? p.message : `the same person as row ${sheet.rows[p.sameAs].row}`,
        ...(p.rule ? { rule: p.rule.name } : {}),
      }));
      return rowProblems(
        named.filter((p) => !(p.message === 'is required' && unreadable.has(`${p.row}|${p.column}`))).sort((a, b) => a.row - b.row),
        listProblem,
      );
    },
    refusePolicy(rule, problems) {
      const rows = problems.map((p) => ({ row: sheet.rows[p.index].row, column: column(p.field), message: p.message, rule: rule.name }));
      const who = rows.length === 1 ? `Row ${rows[0].row}` : `${rows.length} rows break the union's rule; row ${rows[0].row}`;
      return DomainException.policyViolation(rule.name, `${who} ${rows[0].message}; nothing was imported`, { field: 'file', [rule.name]: rule.limit, rows });
    },
  };
}

/** A rooming list from a spreadsheet: read, checked with the list's own rules, and loaded all or nothing. */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly participants: ParticipantEditService,
    private readonly parser: SheetParserService,
  ) {}

  /** Reads the file and loads it (`replace` makes it the list, `append` adds it); BAD_USER_INPUT on `file` names every bad row. */
  async import(ctx: RequestContext, batchId: number, file: UploadedSheet | undefined, mode: ImportMode): Promise<ImportResult> {
    if (!file) throw DomainException.badInput('file', 'Send the spreadsheet as multipart/form-data field "file"');
    const format = detectFormat(file.buffer, file.originalname);
    if (!format) throw DomainException.badInput('file', 'Upload an .xlsx workbook or a .csv file (an old .xls must be saved as .xlsx first)');
    // The parser refuses a file it cannot read, or one over a limit, as BAD_USER_INPUT on `file`.
    const sheet = readRosterSheet(await this.parser.read(file.buffer, format));
    if (!sheet.rows.length && sheet.problems.length) throw rowProblems(sheet.problems);
    if (!sheet.rows.length && !Object.keys(sheet.headers).length) {
      throw DomainException.badInput('file', 'The file is empty: the first row must hold the headers (姓名, 性别, 证件号码, 手机号, 工作单位, …) and the rows below them the people');
    }
    if (!sheet.rows.length) throw DomainException.badInput('file', 'The file has headers but no people');

    // Problems found while reading (unknown labels, cells Excel spoiled) travel with the rest.
    const earlier: ListProblem[] = sheet.problems.map((p) => ({ index: -1, field: null, message: p.message, at: { row: p.row, column: p.column } }));
    const result = await this.participants.import(
      ctx,
      batchId,
      sheet.rows.map((r) => r.fields),
      mode,
      sheetNaming(sheet),
      earlier,
    );
    return { batchId, reference: result.batch.reference, mode, imported: result.imported, participantCount: result.participantCount, ignoredColumns: sheet.ignored };
  }
}
