import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, Field, Form, Section } from '../../ui.js';
import { when } from './batch-steps.js';

words({
  'book.title': ['申请批次：{base} · {pkg}', 'Request a batch: {base} · {pkg}'],
  'book.start': ['到达日期', 'Arrival'],
  'book.headcount': ['人数', 'Headcount'],
  'book.notes': ['备注', 'Notes'],
  'book.submit': ['提交申请', 'Request the batch'],
  'book.booked': ['已申请 {ref}：{status}，{headcount} 人，{start} → {end}。床位保留至 {hold}。', 'Requested {ref}: {status}, {headcount} people, {start} → {end}. Beds held until {hold}.'],
  'book.seeBatches': ['查看本工会批次', "See the union's batches"],
  'book.alternatives': ['可改订的方案', 'Stays that fit instead'],
  'book.alternatives.none': ['附近日期和其他基地暂时都没有合适的床位。', 'No nearby date or other base has the beds just now.'],
  'book.alt.base': ['基地 · 套餐', 'Base · package'],
  'book.alt.dates': ['日期', 'Dates'],
  'book.alt.shift': ['与原日期相比', 'Against the asked dates'],
  'book.alt.price': ['每人价格', 'Per person'],
  'book.alt.same': ['同日期，其他基地', 'Same dates, another base'],
  'book.alt.earlier': ['提前 {days} 天', '{days} days earlier'],
  'book.alt.later': ['推后 {days} 天', '{days} days later'],
  'book.alt.offPeak': ['淡季', 'Off-peak'],
  'book.alt.book': ['预订这个', 'Book this'],
  'book.wait': ['加入候补', 'Join the waiting list'],
  'book.wait.explain': [
    '也可以排队候补：有床位空出且每晚都够时，床位会先为您保留（不占用现在的床位）。',
    'Or wait for beds: when enough come free on every night they are held for you first (nothing is taken now).',
  ],
  'book.wait.answerBy': ['最晚答复日期（可空）', 'Answer wanted by (optional)'],
  'book.waiting': ['已加入候补（第 {id} 号，{status}），截止 {answerBy}。', 'On the waiting list (entry {id}, {status}) until {answerBy}.'],
  'waitlist.WAITING': ['候补中', 'waiting'],
  'waitlist.OFFERED': ['已有床位待确认', 'offered'],
});

export interface BookablePackage {
  id: number;
  name: string;
  nights: number;
  baseName: string;
}

interface Booked {
  id: number;
  reference: string;
  status: string;
  startDate: string;
  endDate: string;
  headcount: number;
  holdExpiresAt: string | null;
}

interface StayOption {
  baseId: number;
  baseName: string;
  packageId: number;
  packageName: string;
  nights: number;
  startDate: string;
  endDate: string;
  shiftDays: number;
  pricePerPerson: string;
  offPeak: boolean;
}

const REQUEST = 'mutation($i:RequestBatchInput!){ requestBatch(input:$i){ id reference status startDate endDate headcount holdExpiresAt } }';
const SUGGEST =
  'query($p:Int!,$s:Date!,$h:Int!){ suggestStays(packageId:$p, startDate:$s, headcount:$h){ baseId baseName packageId packageName nights startDate endDate shiftDays pricePerPerson offPeak } }';
const JOIN = 'mutation($i:JoinWaitingListInput!){ joinWaitingList(input:$i){ id status answerBy } }';
/** Refusals for which other dates, other bases or a wait can help (a full or closed night, a date too late for the list's path). */
const WORTH_ALTERNATIVES = new Set(['CAPACITY_EXCEEDED', 'BAD_USER_INPUT', 'DEADLINE_PASSED']);

/** A fresh idempotency key: one per booking meant, so a retried click returns the same batch instead of booking twice. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only on secure origins; a console served over plain HTTP on a LAN still needs a key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function request(input: Record<string, unknown>): Promise<Booked> {
  return gql<{ requestBatch: Booked }>(REQUEST, { i: input }).then((d) => d.requestBatch);
}

export function BookedLine({ batch }: { batch: Booked }) {
  const hold = batch.holdExpiresAt ? when(batch.holdExpiresAt) : '—';
  return (
    <p class="ok" data-testid="booked" data-batch-id={batch.id}>
      {t('book.booked', { ref: batch.reference, status: t(`status.${batch.status}`), headcount: batch.headcount, start: batch.startDate, end: batch.endDate, hold })}{' '}
      <a href="#/organiser/batches">{t('book.seeBatches')}</a>
    </p>
  );
}

/** The request form for one package; a refusal lists the stays that fit instead and offers the waiting list. */
export function BookBatch({ pkg, startDate, headcount }: { pkg: BookablePackage; startDate: string; headcount: string }) {
  const [start, setStart] = useState(startDate);
  const [count, setCount] = useState(headcount);
  const [notes, setNotes] = useState('');
  const [round, setRound] = useState(0);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [refused, setRefused] = useState<{ input: Record<string, unknown>; options: StayOption[] | null } | null>(null);
  // The same booking retried keeps its key; changed details are another booking, so another key.
  const key = useMemo(newKey, [pkg.id, start, count, notes, round]);
  // The form opens below a long list of packages: bring it into view when a package is chosen.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => top.current?.scrollIntoView({ block: 'start' }), [pkg.id]);

  const submit = async () => {
    setBooked(null);
    setRefused(null);
    const input = { packageId: pkg.id, startDate: start, headcount: Number(count), notes: notes || null, idempotencyKey: key };
    try {
      setBooked(await request(input));
      setRound((r) => r + 1);
    } catch (e) {
      if (e instanceof ApiError && WORTH_ALTERNATIVES.has(e.code) && e.field !== 'headcount') {
        const options = await gql<{ suggestStays: StayOption[] }>(SUGGEST, { p: pkg.id, s: start, h: Number(count) }).then(
          (d) => d.suggestStays,
          () => null,
        );
        setRefused({ input, options });
      }
      throw e;
    }
  };

  return (
    <Section title={t('book.title', { base: pkg.baseName, pkg: pkg.name })} testId="book">
      <div ref={top} />
      <Form onSubmit={submit} submitLabel={t('book.submit')} testId="book-form">
        <div class="row">
          <Field label={t('book.start')} name="startDate" type="date" value={start} set={setStart} required />
          <Field label={t('book.headcount')} name="headcount" type="number" value={count} set={setCount} required />
          <Field label={t('book.notes')} name="notes" value={notes} set={setNotes} />
        </div>
      </Form>
      {booked ? <BookedLine batch={booked} /> : null}
      {refused ? <Refused input={refused.input} options={refused.options} /> : null}
    </Section>
  );
}

function shift(days: number): string {
  if (days === 0) return t('book.alt.same');
  return days < 0 ? t('book.alt.earlier', { days: -days }) : t('book.alt.later', { days });
}

function Refused({ input, options }: { input: Record<string, unknown>; options: StayOption[] | null }) {
  const [booked, setBooked] = useState<Booked | null>(null);
  // One key per option offered, kept across retried clicks on it.
  const keys = useRef(new Map<string, string>());
  const keyOf = (o: StayOption) => {
    const id = `${o.packageId}|${o.startDate}`;
    if (!keys.current.has(id)) keys.current.set(id, newKey());
    return keys.current.get(id)!;
  };
  return (
    <div class="book-refused" data-testid="refused">
      {options ? (
        <>
          <h3>{t('book.alternatives')}</h3>
          {options.length ? (
            <div class="avail-scroll">
              <table data-testid="alternatives">
                <thead>
                  <tr>
                    <th>{t('book.alt.base')}</th>
                    <th>{t('book.alt.dates')}</th>
                    <th>{t('book.alt.shift')}</th>
                    <th>{t('book.alt.price')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {options.map((o) => (
                    <tr key={`${o.packageId}|${o.startDate}`} data-testid="alternative" data-package={o.packageId} data-start={o.startDate}>
                      <td>
                        {o.baseName} · {o.packageName}
                      </td>
                      <td>
                        {o.startDate} → {o.endDate}
                      </td>
                      <td>{shift(o.shiftDays)}</td>
                      <td>
                        ¥{o.pricePerPerson} {o.offPeak ? <span class="avail-badge">{t('book.alt.offPeak')}</span> : null}
                      </td>
                      <td>
                        <ActionButton
                          label={t('book.alt.book')}
                          kind="primary"
                          testId="book-alternative"
                          run={async () => setBooked(await request({ ...input, packageId: o.packageId, startDate: o.startDate, idempotencyKey: keyOf(o) }))}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">{t('book.alternatives.none')}</p>
          )}
        </>
      ) : null}
      {booked ? <BookedLine batch={booked} /> : null}
      <WaitingList input={input} />
    </div>
  );
}

function WaitingList({ input }: { input: Record<string, unknown> }) {
  const [answerBy, setAnswerBy] = useState('');
  const [entry, setEntry] = useState<{ id: number; status: string; answerBy: string } | null>(null);
  const key = useMemo(newKey, [answerBy]);
  const join = async () => {
    const { idempotencyKey: _booking, ...rest } = input;
    const data = await gql<{ joinWaitingList: { id: number; status: string; answerBy: string } }>(JOIN, { i: { ...rest, answerBy: answerBy || null, idempotencyKey: key } });
    setEntry(data.joinWaitingList);
  };
  return (
    <div class="book-waitlist" data-testid="waitlist">
      <p class="muted">{t('book.wait.explain')}</p>
      <Form onSubmit={join} submitLabel={t('book.wait')} testId="waitlist-form">
        <Field label={t('book.wait.answerBy')} name="answerBy" type="date" value={answerBy} set={setAnswerBy} />
      </Form>
      {entry ? (
        <p class="ok" data-testid="waiting" data-entry-id={entry.id}>
          {t('book.waiting', { id: entry.id, status: t(`waitlist.${entry.status}`), answerBy: entry.answerBy })}
        </p>
      ) : null}
    </div>
  );
}
