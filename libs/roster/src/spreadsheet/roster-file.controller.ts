import { Controller, Get, Header, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { type Batch, BatchQueryService } from '@app/booking';
import { Ctx, DomainException, type RequestContext, Role, Roles } from '@app/shared';
import { ListProblems } from '../participant/list-problem.js';
import { ParticipantEditService } from '../participant/participant-edit.service.js';
import { ParticipantQueryService } from '../participant/participant-query.service.js';
import type { ImportMode } from '../participant/roster-check.service.js';
import type { ParticipantField } from '../participant/participant-check.js';
import { AccessChannel } from '../personal-data/personal-data-access.entity.js';
import { mayReadPersonalData, PersonalDataAccessService } from '../personal-data/personal-data-access.service.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { ROSTER_COLUMNS, type SheetLanguage } from './roster-columns.js';
import { detectFormat, type ExportRow, readRosterSheet, type RowProblem, type SheetFormat, writeRosterSheet } from './roster-sheet.js';

/** What multer hands over for a file field kept in memory (the fields we use). */
interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

function batchIdParam(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw DomainException.badInput('batchId', `"${raw.slice(0, 20)}" is not a batch id`);
  return Number(raw);
}

function formatParam(raw: string): SheetFormat {
  if (raw !== 'xlsx' && raw !== 'csv') throw DomainException.badInput('format', `Download as .xlsx or .csv, not .${raw.slice(0, 10)}`);
  return raw;
}

function langParam(raw: string | undefined): SheetLanguage {
  if (raw === undefined || raw === '' || raw === 'zh') return 'zh';
  if (raw === 'en') return 'en';
  throw DomainException.badInput('lang', 'lang is zh (Chinese headers, the default) or en');
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

/**
 * Rooming lists as spreadsheets, over plain HTTP beside /graphql (multipart upload, the same bearer
 * token). Apollo's GraphQL multipart stays off: it is a CSRF hole unless every client sends a preflight.
 */
@Controller('batches/:batchId')
export class RosterFileController {
  constructor(
    private readonly participants: ParticipantEditService,
    private readonly list: ParticipantQueryService,
    private readonly batches: BatchQueryService,
    private readonly access: PersonalDataAccessService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Upload .xlsx or .csv as form field `file`; `?mode=append` adds to the list instead of replacing it. */
  @Post('participants/import')
  @Roles(Role.UNION_ORGANISER, Role.BASE_OPERATOR)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } }))
  async import(
    @Ctx() ctx: RequestContext,
    @Param('batchId') rawBatchId: string,
    @UploadedFile() file: UploadedSheet | undefined,
    @Query('mode') rawMode: string | undefined,
  ): Promise<ImportResult> {
    const batchId = batchIdParam(rawBatchId);
    const mode = (rawMode ?? 'replace') as ImportMode;
    if (mode !== 'replace' && mode !== 'append') throw DomainException.badInput('mode', 'mode is replace (the file becomes the list, the default) or append');
    if (!file) throw DomainException.badInput('file', 'Send the spreadsheet as multipart/form-data field "file"');
    const format = detectFormat(file.buffer, file.originalname);
    if (!format) throw DomainException.badInput('file', 'Upload an .xlsx workbook or a .csv file (an old .xls must be saved as .xlsx first)');

    let sheet;
    try {
      sheet = await readRosterSheet(file.buffer, format);
    } catch (error) {
      if (error instanceof DomainException) throw error;
      throw DomainException.badInput('file', `The file could not be read as ${format === 'xlsx' ? 'an .xlsx workbook' : 'CSV'}; save it again from the spreadsheet program`);
    }
    const fail = (problems: RowProblem[], listProblem: DomainException | null = null) => {
      const rows = new Set(problems.map((p) => p.row)).size;
      const summary = [listProblem?.message, `${rows} ${rows === 1 ? 'row has' : 'rows have'} errors`].filter(Boolean).join(' Also, ');
      return DomainException.badInput('file', `${summary}; nothing was imported`, {
        ...(listProblem?.details ?? {}),
        field: 'file',
        rows: problems.map((p) => ({ row: p.row, column: p.column, message: p.message })),
      });
    };
    if (!sheet.rows.length && sheet.problems.length) throw fail(sheet.problems);
    if (!sheet.rows.length && !Object.keys(sheet.headers).length) {
      throw DomainException.badInput('file', 'The file is empty: the first row must hold the headers (姓名, 性别, 证件号码, 手机号, 工作单位, …) and the rows below them the people');
    }
    if (!sheet.rows.length) throw DomainException.badInput('file', 'The file has headers but no people');

    // Problems found while reading (unknown labels, cells Excel spoiled) travel with the rest.
    const column = (field: ParticipantField | null) => (field ? (sheet.headers[field] ?? ROSTER_COLUMNS.find((c) => c.key === field)!.zh) : '');
    try {
      const result = await this.participants.import(
        ctx,
        batchId,
        sheet.rows.map((r) => r.fields),
        mode,
        sheet.problems.map((p) => ({ index: -1, field: null, message: p.message, at: { row: p.row, column: p.column } })),
      );
      return { batchId, reference: result.batch.reference, mode, imported: result.imported, participantCount: result.participantCount, ignoredColumns: sheet.ignored };
    } catch (error) {
      if (!(error instanceof ListProblems)) throw error;
      const problems: RowProblem[] = error.problems.map((p) => ({
        ...(p.at ?? { row: sheet.rows[p.index].row, column: column(p.field) }),
        message: p.sameAs === undefined ? p.message : `the same person as row ${sheet.rows[p.sameAs].row}`,
      }));
      // A cell that could not be read is reported once, not again as "is required".
      const unreadable = new Set(sheet.problems.map((p) => `${p.row}|${p.column}`));
      throw fail(
        problems.filter((p) => !(p.message === 'is required' && unreadable.has(`${p.row}|${p.column}`))).sort((a, b) => a.row - b.row),
        error.listProblem,
      );
    }
  }

  /** The list as the union keeps it; full ID numbers and phones for the organiser and the operator (logged), masked for the admin. */
  @Get('participants.:format')
  @Roles(Role.UNION_ORGANISER, Role.BASE_OPERATOR, Role.ADMIN)
  @Header('Cache-Control', 'no-store')
  async download(@Ctx() ctx: RequestContext, @Param('batchId') rawBatchId: string, @Param('format') rawFormat: string, @Query('lang') lang?: string): Promise<StreamableFile> {
    return this.file(ctx, batchIdParam(rawBatchId), formatParam(rawFormat), langParam(lang), 'participants', false);
  }

  /** The same people sorted by room, for the base's front desk. */
  @Get('rooming-list.:format')
  @Roles(Role.UNION_ORGANISER, Role.BASE_OPERATOR, Role.ADMIN)
  @Header('Cache-Control', 'no-store')
  async roomingList(@Ctx() ctx: RequestContext, @Param('batchId') rawBatchId: string, @Param('format') rawFormat: string, @Query('lang') lang?: string): Promise<StreamableFile> {
    return this.file(ctx, batchIdParam(rawBatchId), formatParam(rawFormat), langParam(lang), 'rooming-list', true);
  }

  private async file(ctx: RequestContext, batchId: number, format: SheetFormat, lang: SheetLanguage, name: string, byRoom: boolean): Promise<StreamableFile> {
    const batch: Batch = await this.batches.getVisibleOrThrow(ctx, batchId, 'batchId');
    const people = [...(await this.list.list(ctx, batch.id))];
    // Rooms in natural order (2 before 10), people without a room last.
    if (byRoom) people.sort((a, b) => (a.room ?? '\uffff').localeCompare(b.room ?? '\uffff', 'zh', { numeric: true }) || a.id - b.id);
    const full = mayReadPersonalData(ctx, batch);
    if (full && people.length) {
      await this.access.record(ctx, [{ batchId: batch.id, participantCount: people.length, fields: 'idNumber,phone', channel: AccessChannel.EXPORT }]);
    }
    const rows: ExportRow[] = people.map((p) => ({
      name: p.name,
      gender: p.gender,
      documentType: p.documentType,
      idNumber: full ? this.cipher.decrypt('idNumber', p.idNumberCipher) : p.idNumberMasked,
      phone: full ? this.cipher.decrypt('phone', p.phoneCipher) : p.phoneMasked,
      employer: p.employer,
      category: p.category,
      dietaryNeeds: p.dietaryNeeds,
      room: p.room,
    }));
    const body = await writeRosterSheet(rows, format, lang);
    return new StreamableFile(body, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${batch.reference}-${name}.${format}"`,
      length: body.length,
    });
  }
}
