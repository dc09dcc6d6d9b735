import { useState } from 'preact/hooks';
import { ApiError, download, gql } from '../../api.js';
import { currentLang, t, words } from '../../i18n.js';
import { ActionButton, addDays, Field, Loading, Section, today, useLoad } from '../../ui.js';
import { BarChart, LineChart, type Pair } from './charts.js';

words({
  'adm.figures': ['统计', 'Figures'],
  'adm.exchange': ['范围', 'Which batches'],
  'adm.exchange.ALL': ['全部批次', 'Every batch'],
  'adm.exchange.EXCHANGE': ['仅互派批次', 'Exchange batches only'],
  'adm.exchange.NON_EXCHANGE': ['非互派批次', 'Other batches only'],
  'adm.measure.batches': ['批次', 'Batches'],
  'adm.measure.personVisits': ['人次', 'Person-visits'],
  'adm.measure.personNights': ['人晚', 'Person-nights'],
  'adm.measure.consumption': ['消费（元）', 'Consumption (yuan)'],
  'adm.totals': ['合计与同比', 'Totals, year on year'],
  'adm.current': ['本期', 'This period'],
  'adm.previous': ['上年同期', 'A year earlier'],
  'adm.growth': ['同比增长', 'Growth'],
  'adm.byBase': ['按基地', 'By base'],
  'adm.byMonth': ['按月份', 'By month'],
  'adm.byRegion': ['按地区（派出工会所在）', 'By region (of the sending union)'],
  'adm.noRows': ['此期间没有数据。', 'No figures for this period.'],
  'adm.download': ['下载统计表', 'Download the figures'],
  'adm.groupBy': ['分组', 'Grouped by'],
  'adm.group.BASE': ['基地', 'Base'],
  'adm.group.MONTH': ['月份', 'Month'],
  'adm.group.REGION': ['地区', 'Region'],
  'adm.group.CITY': ['城市', 'City'],
  'adm.group.UNION': ['工会', 'Union'],
  'adm.wan': ['{n}万', '{m}M'],
});

const MEASURES = ['personVisits', 'batches', 'consumption'] as const;
type Measure = (typeof MEASURES)[number] | 'personNights';
const GROUPS = ['BASE', 'MONTH', 'REGION', 'CITY', 'UNION'] as const;

interface Figures {
  batches: number;
  personVisits: number;
  personNights: number;
  consumption: string;
}
interface Row {
  key: string;
  label: string;
  current: Figures;
  previousYear: Figures;
  growth: { batches: number | null; personVisits: number | null; personNights: number | null; consumption: number | null };
}
interface Stats {
  rows: Row[];
  total: Row;
}

const ROW =
  '{ key label current { batches personVisits personNights consumption } previousYear { batches personVisits personNights consumption } growth { batches personVisits personNights consumption } }';
const FIGURES = `query($from:Date!,$to:Date!,$ex:StatisticsExchange!){ base: statistics(from:$from, to:$to, groupBy:BASE, exchange:$ex){ rows ${ROW} total ${ROW} } month: statistics(from:$from, to:$to, groupBy:MONTH, exchange:$ex){ rows ${ROW} } region: statistics(from:$from, to:$to, groupBy:REGION, exchange:$ex){ rows ${ROW} } }`;

/** A figure as a number: money comes as a decimal string of yuan. */
function value(f: Figures, measure: Measure): number {
  return measure === 'consumption' ? Number(f.consumption) : f[measure];
}

export function formatFigure(n: number, measure: Measure): string {
  if (measure !== 'consumption') return Math.round(n).toLocaleString('en-US');
  if (n < 10_000) return n.toFixed(0);
  return t('adm.wan', { n: (n / 10_000).toFixed(1), m: (n / 1_000_000).toFixed(2) });
}

function growth(g: number | null): string {
  return g === null ? '—' : `${g > 0 ? '+' : ''}${g.toFixed(1)}%`;
}

function pairs(rows: Row[], measure: Measure): Pair[] {
  return rows.map((r) => ({ key: r.key, label: r.label, value: value(r.current, measure), other: value(r.previousYear, measure) }));
}

export function FiguresScreen() {
  const [from, setFrom] = useState(addDays(today(), -365));
  const [to, setTo] = useState(addDays(today(), -1));
  const [exchange, setExchange] = useState('ALL');
  const [measure, setMeasure] = useState<Measure>('personVisits');
  const state = useLoad(() => gql<{ base: Stats; month: Stats; region: Stats }>(FIGURES, { from, to, ex: exchange }), [from, to, exchange]);
  const legend: [string, string] = [t('adm.current'), t('adm.previous')];
  const format = (n: number) => formatFigure(n, measure);
  return (
    <>
      <Section title={t('adm.figures')} testId="figures">
        <div class="row">
          <Field label={t('common.from')} name="from" type="date" value={from} set={setFrom} />
          <Field label={t('common.to')} name="to" type="date" value={to} set={setTo} />
          <label class="field">
            <span>{t('adm.exchange')}</span>
            <select name="exchange" value={exchange} onChange={(e) => setExchange(e.currentTarget.value)}>
              {['ALL', 'EXCHANGE', 'NON_EXCHANGE'].map((x) => (
                <option key={x} value={x}>
                  {t(`adm.exchange.${x}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Loading state={state}>{(d) => <Totals total={d.base.total} />}</Loading>
      </Section>
      <Loading state={state}>
        {(d) => (
          <>
            <div class="tabs adm-measures" role="tablist">
              {MEASURES.map((m) => (
                <button key={m} type="button" class={m === measure ? 'current' : ''} onClick={() => setMeasure(m)} data-testid={`measure-${m}`}>
                  {t(`adm.measure.${m}`)}
                </button>
              ))}
            </div>
            <Section title={`${t('adm.byBase')} · ${t(`adm.measure.${measure}`)}`} testId="by-base">
              {d.base.rows.length ? (
                <BarChart rows={pairs(d.base.rows, measure)} format={format} legend={legend} testId="chart-base" title={t('adm.byBase')} />
              ) : (
                <p class="muted">{t('adm.noRows')}</p>
              )}
            </Section>
            <Section title={`${t('adm.byMonth')} · ${t(`adm.measure.${measure}`)}`} testId="by-month">
              {d.month.rows.length ? (
                <LineChart rows={pairs(d.month.rows, measure)} format={format} legend={legend} testId="chart-month" title={t('adm.byMonth')} />
              ) : (
                <p class="muted">{t('adm.noRows')}</p>
              )}
            </Section>
            <Section title={`${t('adm.byRegion')} · ${t(`adm.measure.${measure}`)}`} testId="by-region">
              {d.region.rows.length ? (
                <BarChart rows={pairs(d.region.rows, measure)} format={format} legend={legend} testId="chart-region" title={t('adm.byRegion')} />
              ) : (
                <p class="muted">{t('adm.noRows')}</p>
              )}
            </Section>
          </>
        )}
      </Loading>
      <Download from={from} to={to} exchange={exchange} />
    </>
  );
}

function Totals({ total }: { total: Row }) {
  return (
    <table class="adm-totals" data-testid="totals">
      <thead>
        <tr>
          <th>{t('adm.totals')}</th>
          <th>{t('adm.current')}</th>
          <th>{t('adm.previous')}</th>
          <th>{t('adm.growth')}</th>
        </tr>
      </thead>
      <tbody>
        {(['batches', 'personVisits', 'personNights', 'consumption'] as const).map((m) => (
          <tr key={m} data-testid={`total-${m}`}>
            <td>{t(`adm.measure.${m}`)}</td>
            <td class="num">{m === 'consumption' ? total.current.consumption : formatFigure(total.current[m], m)}</td>
            <td class="num">{m === 'consumption' ? total.previousYear.consumption : formatFigure(total.previousYear[m], m)}</td>
            <td class="num" data-testid="growth">
              {growth(total.growth[m])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The file routes answer a refusal as {"error":{code,message}}, which download() passes on as raw
 * text: read it here, so the error shows its kind in words and the API's sentence, as elsewhere.
 */
function fileRouteError(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  try {
    const body = JSON.parse(e.message) as { error?: { code?: string; message?: string; field?: string } };
    if (body.error?.message) return new ApiError(body.error.message, body.error.code ?? e.code, body.error.field ?? null);
  } catch {
    /* not JSON: keep it as it came */
  }
  return e;
}

/** The same figures as a spreadsheet, from the API's file route (statistics.xlsx / .csv). */
function Download({ from, to, exchange }: { from: string; to: string; exchange: string }) {
  const [group, setGroup] = useState<string>('BASE');
  const file = (format: 'xlsx' | 'csv') => {
    const query = new URLSearchParams({ from, to, groupBy: group, exchange, lang: currentLang() });
    return download(`/statistics.${format}?${query.toString()}`, `statistics-${from}-${to}-${group.toLowerCase()}.${format}`).catch((e: unknown) => {
      throw fileRouteError(e);
    });
  };
  return (
    <Section title={t('adm.download')} testId="download">
      <div class="row">
        <label class="field">
          <span>{t('adm.groupBy')}</span>
          <select name="groupBy" value={group} onChange={(e) => setGroup(e.currentTarget.value)}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`adm.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <ActionButton label="Excel (.xlsx)" kind="primary" testId="download-xlsx" run={() => file('xlsx')} />
        <ActionButton label="CSV" testId="download-csv" run={() => file('csv')} />
      </div>
    </Section>
  );
}
