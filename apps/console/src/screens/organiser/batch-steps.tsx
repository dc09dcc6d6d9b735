import { gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { Loading, Section, useLoad } from '../../ui.js';
import { MoveCancel } from './move-cancel.js';

words({
  'steps.title': ['批次 {ref}', 'Batch {ref}'],
  'steps.summary': ['{base} · {pkg} · {start} → {end}（{nights} 晚）· {headcount} 人', '{base} · {pkg} · {start} → {end} ({nights} nights) · {headcount} people'],
  'steps.status': ['状态：{status}；名单：{roster}', 'Status: {status}; rooming list: {roster}'],
  'steps.hold': ['床位保留至 {at}', 'Beds held until {at}'],
  'steps.next': ['下一步：{step}，截止 {by}', 'Next: {step}, by {by}'],
  'steps.next.noDate': ['下一步：{step}', 'Next: {step}'],
  'steps.none': ['没有待办步骤。', 'No step left to take.'],
  'steps.heading': ['确认前的步骤与截止日期', 'Steps to a confirmed batch, and their deadlines'],
  'steps.step': ['步骤', 'Step'],
  'steps.by': ['截止', 'By'],
  'steps.state': ['情况', 'State'],
  'steps.done': ['已完成', 'Done'],
  'steps.current': ['下一步', 'Next'],
  'steps.pending': ['待办', 'To do'],
  'steps.notNeeded': ['不需要（本工会无需公示）', 'Not needed (no public notice)'],
  'steps.SUBMIT_LIST': ['提交名单', 'Submit the rooming list'],
  'steps.APPROVE_LIST': ['工会审批名单', 'The union approves the list'],
  'steps.PUBLISH_LIST': ['名单公示', 'Post the list publicly'],
  'steps.CONFIRM': ['基地确认', 'The base confirms'],
  'steps.clearsOn': ['按期公示则 {date} 公示期满', 'Posted on time, the notice ends on {date}'],
  'steps.freezes': ['{date} 起名单只能由基地修改', 'From {date} only the base changes the list'],
  'steps.history': ['历史', 'History'],
  'steps.at': ['时间', 'When'],
  'steps.actor': ['操作人', 'Who'],
  'steps.move': ['变动', 'Change'],
  'steps.reason': ['原因', 'Why'],
});

type Step = 'SUBMIT_LIST' | 'APPROVE_LIST' | 'PUBLISH_LIST' | 'CONFIRM';

export interface BatchDetail {
  id: number;
  reference: string;
  status: string;
  rosterStatus: string;
  startDate: string;
  endDate: string;
  nights: number;
  headcount: number;
  holdExpiresAt: string | null;
  holdWaitsFor: Step | null;
  base: { id: number; name: string; packages: Array<{ id: number; name: string; nights: number }> };
  package: { id: number; name: string; nights: number };
  deadlines: { submitBy: string | null; approveBy: string | null; publishBy: string | null; clearsOn: string | null; rosterFreezesOn: string; confirmBy: string };
  history: Array<{ from: string | null; to: string; at: string; actor: string; reason: string | null }>;
}

const BATCH =
  'query($id:Int!){ batch(id:$id){ id reference status rosterStatus startDate endDate nights headcount holdExpiresAt holdWaitsFor base { id name packages { id name nights } } package { id name nights } deadlines { submitBy approveBy publishBy clearsOn rosterFreezesOn confirmBy } history { from to at actor reason } } }';

/** How far the list has gone: each roster status has passed the steps before it. */
const LIST_DONE: Record<string, Step[]> = {
  DRAFT: [],
  SUBMITTED: ['SUBMIT_LIST'],
  APPROVED: ['SUBMIT_LIST', 'APPROVE_LIST'],
  PUBLISHED: ['SUBMIT_LIST', 'APPROVE_LIST', 'PUBLISH_LIST'],
  CLEARED: ['SUBMIT_LIST', 'APPROVE_LIST', 'PUBLISH_LIST'],
};
const OPEN = new Set(['REQUESTED', 'CONFIRMED']);
const CONFIRMED_OR_LATER = new Set(['CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'SETTLED']);

function stepRows(b: BatchDetail) {
  const d = b.deadlines;
  const rows: Array<{ step: Step; by: string | null }> = [
    { step: 'SUBMIT_LIST', by: d.submitBy },
    { step: 'APPROVE_LIST', by: d.approveBy },
    { step: 'PUBLISH_LIST', by: d.publishBy },
    { step: 'CONFIRM', by: d.confirmBy },
  ];
  const listDone = LIST_DONE[b.rosterStatus] ?? [];
  const done = (s: Step) => (s === 'CONFIRM' ? CONFIRMED_OR_LATER.has(b.status) : listDone.includes(s));
  // The API names the step a REQUESTED hold waits for; once confirmed, the list's own next step is what is left.
  const next = !OPEN.has(b.status) ? null : (b.holdWaitsFor ?? rows.find((r) => r.by && !done(r.step))?.step ?? null);
  return { rows: rows.map((r) => ({ ...r, state: !r.by ? 'notNeeded' : done(r.step) ? 'done' : r.step === next ? 'current' : 'pending' })), next };
}

/** A moment as a Shanghai wall-clock time, as the API counts its days. */
export const when = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function BatchSteps({ id, onChanged }: { id: number; onChanged: () => void }) {
  const batch = useLoad(() => gql<{ batch: BatchDetail }>(BATCH, { id }).then((d) => d.batch), [id]);
  return (
    <Loading state={batch}>
      {(b) => {
        const { rows, next } = stepRows(b);
        const nextBy = rows.find((r) => r.step === next)?.by;
        return (
          <Section title={t('steps.title', { ref: b.reference })} testId="batch-detail">
            <p>{t('steps.summary', { base: b.base.name, pkg: b.package.name, start: b.startDate, end: b.endDate, nights: b.nights, headcount: b.headcount })}</p>
            <p data-testid="batch-status" data-status={b.status}>
              {t('steps.status', { status: t(`status.${b.status}`), roster: t(`roster.${b.rosterStatus}`) })}
              {b.holdExpiresAt ? ` · ${t('steps.hold', { at: when(b.holdExpiresAt) })}` : ''}
            </p>
            <p class="notice" data-testid="next-step" data-step={next ?? ''}>
              {next ? (nextBy ? t('steps.next', { step: t(`steps.${next}`), by: nextBy }) : t('steps.next.noDate', { step: t(`steps.${next}`) })) : t('steps.none')}
            </p>
            <h3 class="steps-heading">{t('steps.heading')}</h3>
            <table data-testid="steps">
              <thead>
                <tr>
                  <th>{t('steps.step')}</th>
                  <th>{t('steps.by')}</th>
                  <th>{t('steps.state')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.step} class={`step-${r.state}`} data-testid={`step-${r.step}`} data-state={r.state}>
                    <td>{t(`steps.${r.step}`)}</td>
                    <td>{r.by ?? '—'}</td>
                    <td>{t(`steps.${r.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted">
              {b.deadlines.clearsOn ? `${t('steps.clearsOn', { date: b.deadlines.clearsOn })} · ` : ''}
              {t('steps.freezes', { date: b.deadlines.rosterFreezesOn })}
            </p>
            <h3 class="steps-heading">{t('steps.history')}</h3>
            <div class="avail-scroll">
              <table data-testid="history">
                <thead>
                  <tr>
                    <th>{t('steps.at')}</th>
                    <th>{t('steps.actor')}</th>
                    <th>{t('steps.move')}</th>
                    <th>{t('steps.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.history.map((e, i) => (
                    <tr key={i}>
                      <td>{when(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>{e.from ? `${t(`status.${e.from}`)} → ${t(`status.${e.to}`)}` : t(`status.${e.to}`)}</td>
                      <td>{e.reason ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {OPEN.has(b.status) ? (
              <MoveCancel
                batch={b}
                onChanged={() => {
                  batch.reload();
                  onChanged();
                }}
              />
            ) : null}
          </Section>
        );
      }}
    </Loading>
  );
}
