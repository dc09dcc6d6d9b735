import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { addDays, ErrorBox, Field, Form, Loading, Section, today, useLoad } from '../../ui.js';

words({
  'op.calendar': ['床位日历', 'Bed calendar'],
  'op.calendar.weeks': ['显示周数', 'Weeks shown'],
  'op.calendar.weekdays': ['一 二 三 四 五 六 日', 'Mon Tue Wed Thu Fri Sat Sun'],
  'op.calendar.start': ['起始日期', 'Starting'],
  'op.calendar.legend': [
    '颜色越深占用越多；灰色为关闭；● 表示有协议预留床位。点击某晚查看占用批次。',
    'Darker is fuller; grey is closed; ● marks beds held for an agreement. Click a night to see who holds its beds.',
  ],
  'op.night': ['{date} 晚', 'Night of {date}'],
  'op.night.beds': ['已占 {reserved} / 共 {total} 床，可售 {available}', '{reserved} of {total} beds taken, {available} free'],
  'op.night.allotted': ['其中协议预留未用 {allotted} 床', 'of which {allotted} held for an agreement, unused'],
  'op.night.closed': ['关闭：{reason}', 'Closed: {reason}'],
  'op.night.none': ['这一晚没有批次占床。', 'No batch holds beds this night.'],
  'op.capacity': ['设置床位 / 关闭日期', 'Set beds / close nights'],
  'op.capacity.beds': ['每晚床位数', 'Beds per night'],
  'op.capacity.set': ['设置床位', 'Set beds'],
  'op.capacity.close': ['关闭这些日期', 'Close these nights'],
  'op.capacity.reopen': ['重新开放', 'Reopen'],
  'op.capacity.done': ['已更新', 'Updated'],
  'batch.ref': ['编号', 'Reference'],
  'batch.union': ['工会', 'Union'],
  'batch.dates': ['日期', 'Dates'],
  'batch.headcount': ['人数', 'Headcount'],
  'batch.status': ['状态', 'Status'],
});

interface Day {
  date: string;
  totalBeds: number;
  reservedBeds: number;
  availableBeds: number;
  allottedBeds: number;
  closed: boolean;
  closedReason: string | null;
}
interface NightBatch {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  status: string;
  union: { name: string };
}

const CALENDAR = 'query($id:Int!,$from:Date!,$to:Date!){ base(id:$id){ id name calendar(from:$from,to:$to){ date totalBeds reservedBeds availableBeds allottedBeds closed closedReason } } }';
const NIGHT = 'query($f:BatchFilter){ batches(first:100, filter:$f){ edges { node { id reference startDate endDate headcount status union { name } } } } }';
const HOLDING = new Set(['REQUESTED', 'CONFIRMED', 'CHECKED_IN']);

/** Monday on or before a day, so weeks line up in columns. */
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Occupancy as a colour step 0–5 (the CSS draws the ramp), closed nights apart. */
function level(day: Day): number {
  if (day.totalBeds === 0) return 0;
  return Math.min(5, Math.ceil((day.reservedBeds / day.totalBeds) * 5));
}

export function BedCalendar({ me }: { me: Me }) {
  const baseId = me.baseId!;
  const [start, setStart] = useState(mondayOf(today()));
  const [weeks, setWeeks] = useState('8');
  const [night, setNight] = useState<string | null>(null);
  const count = Math.min(Math.max(Number(weeks) || 8, 1), 26);
  const to = addDays(start, count * 7 - 1);
  const cal = useLoad(() => gql<{ base: { name: string; calendar: Day[] } }>(CALENDAR, { id: baseId, from: start, to }), [baseId, start, to]);
  return (
    <>
      <Section title={t('op.calendar')} testId="calendar">
        <div class="row">
          <Field label={t('op.calendar.start')} name="start" type="date" value={start} set={(v) => v && setStart(mondayOf(v))} />
          <Field label={t('op.calendar.weeks')} name="weeks" type="number" min="1" max="26" value={weeks} set={setWeeks} />
        </div>
        <p class="muted">{t('op.calendar.legend')}</p>
        <Loading state={cal}>
          {(data) => (
            <div class="heatmap" role="grid" aria-label={data.base.name}>
              {t('op.calendar.weekdays')
                .split(' ')
                .map((d) => (
                  <div key={d} class="heat-head">
                    {d}
                  </div>
                ))}
              {data.base.calendar.map((day) => (
                <button
                  type="button"
                  key={day.date}
                  class={`heat l${level(day)}${day.closed ? ' closed' : ''}${night === day.date ? ' picked' : ''}`}
                  title={`${day.date}: ${day.reservedBeds}/${day.totalBeds}`}
                  data-date={day.date}
                  onClick={() => setNight(day.date)}
                >
                  <span class="heat-date">{day.date.slice(5)}</span>
                  <span class="heat-beds">{day.closed ? '×' : `${day.reservedBeds}/${day.totalBeds}`}</span>
                  {day.allottedBeds > 0 ? <span class="heat-allot">●</span> : null}
                </button>
              ))}
            </div>
          )}
        </Loading>
      </Section>
      {night && cal.data ? <NightDetail baseId={baseId} day={cal.data.base.calendar.find((d) => d.date === night)!} /> : null}
      <CapacityForm key={night ?? ''} baseId={baseId} from={night ?? today()} onChanged={cal.reload} />
    </>
  );
}

function NightDetail({ baseId, day }: { baseId: number; day: Day }) {
  const batches = useLoad(() => gql<{ batches: { edges: Array<{ node: NightBatch }> } }>(NIGHT, { f: { baseId, from: addDays(day.date, -60), to: day.date } }), [baseId, day.date]);
  return (
    <Section title={t('op.night', { date: day.date })} testId="night">
      <p>{t('op.night.beds', { reserved: day.reservedBeds, total: day.totalBeds, available: day.availableBeds })}</p>
      {day.allottedBeds > 0 ? <p>{t('op.night.allotted', { allotted: day.allottedBeds })}</p> : null}
      {day.closed ? <p class="notice">{t('op.night.closed', { reason: day.closedReason ?? '' })}</p> : null}
      <Loading state={batches}>
        {(data) => {
          const holding = data.batches.edges.map((e) => e.node).filter((b) => b.startDate <= day.date && day.date < b.endDate && HOLDING.has(b.status));
          if (!holding.length) return <p class="muted">{t('op.night.none')}</p>;
          return (
            <table>
              <thead>
                <tr>
                  <th>{t('batch.ref')}</th>
                  <th>{t('batch.union')}</th>
                  <th>{t('batch.dates')}</th>
                  <th>{t('batch.headcount')}</th>
                  <th>{t('batch.status')}</th>
                </tr>
              </thead>
              <tbody>
                {holding.map((b) => (
                  <tr key={b.id}>
                    <td>{b.reference}</td>
                    <td>{b.union.name}</td>
                    <td>
                      {b.startDate} → {b.endDate}
                    </td>
                    <td>{b.headcount}</td>
                    <td>{t(`status.${b.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Loading>
    </Section>
  );
}

const SET_CAPACITY = 'mutation($i:SetCapacityInput!){ setCapacity(input:$i){ date } }';
const CLOSE = 'mutation($i:CloseDatesInput!){ closeDates(input:$i){ date } }';
const REOPEN = 'mutation($i:ReopenDatesInput!){ reopenDates(input:$i){ date } }';

function CapacityForm({ baseId, from: initial, onChanged }: { baseId: number; from: string; onChanged: () => void }) {
  const [from, setFrom] = useState(initial);
  const [to, setTo] = useState(initial);
  const [beds, setBeds] = useState('');
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<'beds' | 'close' | 'reopen'>('beds');
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setError(null);
    if (mode === 'beds') await gql(SET_CAPACITY, { i: { baseId, from, to, totalBeds: Number(beds) } });
    else if (mode === 'close') await gql(CLOSE, { i: { baseId, from, to, reason } });
    else await gql(REOPEN, { i: { baseId, from, to } });
    onChanged();
  };
  return (
    <Section title={t('op.capacity')} testId="capacity">
      <div class="tabs">
        {(['beds', 'close', 'reopen'] as const).map((m) => (
          <button type="button" key={m} class={mode === m ? 'current' : ''} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
            {t(m === 'beds' ? 'op.capacity.set' : m === 'close' ? 'op.capacity.close' : 'op.capacity.reopen')}
          </button>
        ))}
      </div>
      <Form onSubmit={run} submitLabel={t('common.save')} done={t('op.capacity.done')}>
        <div class="row">
          <Field label={t('common.from')} name="from" type="date" value={from} set={setFrom} required />
          <Field label={t('common.to')} name="to" type="date" value={to} set={setTo} required />
          {mode === 'beds' ? <Field label={t('op.capacity.beds')} name="beds" type="number" min="0" value={beds} set={setBeds} required /> : null}
          {mode === 'close' ? <Field label={t('common.reason')} name="reason" value={reason} set={setReason} required /> : null}
        </div>
      </Form>
      <ErrorBox error={error} />
    </Section>
  );
}
