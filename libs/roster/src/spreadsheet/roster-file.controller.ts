import { Controller, Get, Header, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { type Batch, BatchQueryService } from '@app/booking';
import { Ctx, DomainException, Permission, type RequestContext, Role, Roles } from '@app/shared';
import { PaperworkAccessService } from '../paperwork-access/paperwork-access.service.js';
import { ParticipantQueryService } from '../participant/participant-query.service.js';
import type { ImportMode } from '../participant/roster-check.service.js';
import { AccessChannel } from '../personal-data/personal-data-access.entity.js';
import { PersonalDataAccessService } from '../personal-data/personal-data-access.service.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import type { SheetLanguage } from './roster-columns.js';
import { type ImportResult, RosterImportService, type UploadedSheet } from './roster-import.service.js';
import { type ExportRow, type SheetFormat, writeRosterSheet } from './roster-sheet.js';

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

function modeParam(raw: string | undefined): ImportMode {
  const mode = raw ?? 'replace';
  if (mode !== 'replace' && mode !== 'append') throw DomainException.badInput('mode', 'mode is replace (the file becomes the list, the default) or append');
  return mode;
}

function langParam(raw: string | undefined): SheetLanguage {
  if (raw === undefined || raw === '' || raw === 'zh') return 'zh';
  if (raw === 'en') return 'en';
  throw DomainException.badInput('lang', 'lang is zh (Chinese headers, the default) or en');
}

/**
 * Rooming lists as spreadsheets, over plain HTTP beside /graphql (multipart upload, the same bearer
 * token). Apollo's GraphQL multipart stays off: it is a CSRF hole unless every client sends a preflight.
 */
@Controller('batches/:batchId')
export class RosterFileController {
  constructor(
    private readonly imports: RosterImportService,
    private readonly list: ParticipantQueryService,
    private readonly batches: BatchQueryService,
    private readonly access: PersonalDataAccessService,
    private readonly cipher: PersonalDataCipher,
    private readonly paperwork: PaperworkAccessService,
  ) {}

  /** Upload .xlsx or .csv as form field `file`; `?mode=append` adds to the list instead of replacing it. */
  @Post('participants/import')
  @Roles(Role.UNION_ORGANISER, Role.BASE_OPERATOR, Role.PARTNER)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } }))
  async import(@Ctx() ctx: RequestContext, @Param('batchId') rawBatchId: string, @UploadedFile() file: UploadedSheet | undefined, @Query('mode') rawMode: string | undefined): Promise<ImportResult> {
    return this.imports.import(ctx, batchIdParam(rawBatchId), file, modeParam(rawMode));
  }

  /** The list as the union keeps it; full ID numbers and phones for the organiser (or the partner standing in) and the operator (logged), masked for the admin. */
  @Get('participants.:format')
  @Roles(Role.UNION_ORGANISER, Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN)
  @Header('Cache-Control', 'no-store')
  async download(@Ctx() ctx: RequestContext, @Param('batchId') rawBatchId: string, @Param('format') rawFormat: string, @Query('lang') lang?: string): Promise<StreamableFile> {
    return this.file(ctx, batchIdParam(rawBatchId), formatParam(rawFormat), langParam(lang), 'participants', false);
  }

  /** The same people sorted by room, for the base's front desk. */
  @Get('rooming-list.:format')
  @Roles(Role.UNION_ORGANISER, Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN)
  @Header('Cache-Control', 'no-store')
  async roomingList(@Ctx() ctx: RequestContext, @Param('batchId') rawBatchId: string, @Param('format') rawFormat: string, @Query('lang') lang?: string): Promise<StreamableFile> {
    return this.file(ctx, batchIdParam(rawBatchId), formatParam(rawFormat), langParam(lang), 'rooming-list', true);
  }

  private async file(ctx: RequestContext, batchId: number, format: SheetFormat, lang: SheetLanguage, name: string, byRoom: boolean): Promise<StreamableFile> {
    const batch: Batch = await this.batches.getVisibleOrThrow(ctx, batchId, 'batchId');
    await this.paperwork.require(ctx, Permission.ExportRoster, batch, { message: "Only those who keep the batch's rooming list download it", field: 'batchId' });
    const people = [...(await this.list.list(ctx, batch.id))];
    // Rooms in natural order (2 before 10), people without a room last.
    if (byRoom) people.sort((a, b) => (a.room ?? '\uffff').localeCompare(b.room ?? '\uffff', 'zh', { numeric: true }) || a.id - b.id);
    const full = await this.access.mayRead(ctx, batch);
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
