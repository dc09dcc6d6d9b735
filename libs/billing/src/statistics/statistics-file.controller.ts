import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { csvSafe, Ctx, DomainException, formatYuan, isCalendarDate, type RequestContext, Role, Roles } from '@app/shared';
import { stringify } from 'csv-stringify/sync';
import { type Statistics, StatisticsExchange, StatisticsGroupBy } from './statistics.model.js';
import { StatisticsService } from './statistics.service.js';

type SheetLanguage = 'zh' | 'en';

/** The columns after the group's, in Chinese (the default, like the rooming lists) and English. */
const FIGURE_HEADERS: Record<SheetLanguage, string[]> = {
  zh: ['批次', '人次', '人晚', '消费（元）', '已付（元）', '未付（元）', '上年同期批次', '上年同期人次', '上年同期消费（元）', '人次增长 %', '消费增长 %'],
  en: [
    'batches',
    'person-visits',
    'person-nights',
    'consumption (yuan)',
    'paid (yuan)',
    'outstanding (yuan)',
    'batches a year earlier',
    'person-visits a year earlier',
    'consumption a year earlier (yuan)',
    'person-visits growth %',
    'consumption growth %',
  ],
};
const GROUP_HEADERS: Record<StatisticsGroupBy, string> = {
  [StatisticsGroupBy.BASE]: '基地',
  [StatisticsGroupBy.UNION]: '工会',
  [StatisticsGroupBy.CITY]: '城市',
  [StatisticsGroupBy.REGION]: '地区',
  [StatisticsGroupBy.MONTH]: '月份',
};
const TOTAL: Record<SheetLanguage, string> = { zh: '合计', en: 'Total' };

function headers(lang: SheetLanguage, group: StatisticsGroupBy): string[] {
  return [lang === 'zh' ? GROUP_HEADERS[group] : 'group', ...FIGURE_HEADERS[lang]];
}

function langParam(raw: string | undefined): SheetLanguage {
  if (raw === undefined || raw === '' || raw === 'zh') return 'zh';
  if (raw === 'en') return 'en';
  throw DomainException.badInput('lang', 'lang is zh (Chinese headers, the default) or en');
}

/** Money in yuan with two places: exact text for CSV, a number (shown with two places) for .xlsx. */
type Cell = string | number | { yuan: number } | { percent: number | null };

function table(stats: Statistics, lang: SheetLanguage): Cell[][] {
  return [...stats.rows, { ...stats.total, label: TOTAL[lang] }].map((r) => [
    r.label,
    r.current.batches,
    r.current.personVisits,
    r.current.personNights,
    { yuan: r.current.consumption },
    { yuan: r.current.paid },
    { yuan: r.current.outstanding },
    r.previousYear.batches,
    r.previousYear.personVisits,
    { yuan: r.previousYear.consumption },
    { percent: r.growth.personVisits },
    { percent: r.growth.consumption },
  ]);
}

function asText(cell: Cell): string {
  if (typeof cell === 'string') return csvSafe(cell);
  if (typeof cell === 'number') return String(cell);
  if ('yuan' in cell) return formatYuan(cell.yuan);
  return cell.percent === null ? '' : cell.percent.toFixed(1);
}

function asValue(cell: Cell): string | number | null {
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('yuan' in cell) return cell.yuan / 100;
  return cell.percent;
}

/** The statistics as a spreadsheet, with the same scoping as the query; Chinese headers unless `?lang=en`. */
@Controller()
export class StatisticsFileController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics.:format')
  @Roles(Role.UNION_ORGANISER, Role.UNION_APPROVER, Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN)
  @Header('Cache-Control', 'no-store')
  async download(
    @Ctx() ctx: RequestContext,
    @Param('format') format: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('groupBy') groupBy?: string,
    @Query('exchange') exchange?: string,
    @Query('lang') rawLang?: string,
  ): Promise<StreamableFile> {
    if (format !== 'xlsx' && format !== 'csv') throw DomainException.badInput('format', 'Download as .xlsx or .csv');
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!value || !isCalendarDate(value)) throw DomainException.badInput(field, `${field} must be a date YYYY-MM-DD`);
    }
    const group = (groupBy ?? '').toUpperCase() as StatisticsGroupBy;
    if (!Object.values(StatisticsGroupBy).includes(group)) throw DomainException.badInput('groupBy', `groupBy is one of ${Object.values(StatisticsGroupBy).join(', ')}`);
    const only = (exchange ?? StatisticsExchange.ALL).toUpperCase() as StatisticsExchange;
    if (!Object.values(StatisticsExchange).includes(only)) throw DomainException.badInput('exchange', `exchange is one of ${Object.values(StatisticsExchange).join(', ')}`);
    const lang = langParam(rawLang);
    const stats = await this.statistics.statistics(ctx, from!, to!, group, only);
    const header = headers(lang, group);
    let body: Buffer;
    if (format === 'csv') {
      body = Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify([header, ...table(stats, lang).map((row) => row.map(asText))], { record_delimiter: '\r\n' }))]);
    } else {
      // Loaded on first use: exceljs adds ~25 MB to a process's resident memory, for a rare download.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(`${from} ~ ${to}`.slice(0, 31));
      sheet.addRow(header).font = { bold: true };
      // Labels stay text cells (never formulas); figures are numbers, so the sheet can sum them.
      for (const row of table(stats, lang)) sheet.addRow(row.map(asValue));
      sheet.getColumn(1).width = 32;
      for (const col of [5, 6, 7, 10]) sheet.getColumn(col).numFmt = '#,##0.00';
      for (const col of [11, 12]) sheet.getColumn(col).numFmt = '0.0';
      body = Buffer.from(await workbook.xlsx.writeBuffer());
    }
    return new StreamableFile(body, {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="statistics-${from}-${to}-${group.toLowerCase()}.${format}"`,
      length: body.length,
    });
  }
}
