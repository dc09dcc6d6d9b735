import { useState } from 'preact/hooks';
import { gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, Loading, Section, useLoad } from '../../ui.js';

words({
  'apr.detail': ['名单 {ref}', 'List {ref}'],
  'apr.close': ['收起', 'Close'],
  'apr.people': ['人员（证件号、电话已隐去部分）', 'People (ID numbers and phones masked)'],
  'apr.name': ['姓名', 'Name'],
  'apr.employer': ['工作单位', 'Employer'],
  'apr.category': ['类别', 'Category'],
  'apr.id': ['证件号', 'ID number'],
  'apr.phone': ['电话', 'Phone'],
  'apr.lastStay': ['上次疗休养', 'Last stay'],
  'apr.leader': ['领队', 'Leader'],
  'apr.never': ['从未参加', 'Never'],
  'cat.FRONTLINE_WORKER': ['一线职工', 'Frontline worker'],
  'cat.MODEL_WORKER': ['劳模', 'Model worker'],
  'cat.OTHER': ['其他', 'Other'],
  'apr.approve': ['批准名单', 'Approve'],
  'apr.reject': ['退回修改', 'Send back'],
  'apr.rejectReason': ['退回原因（组织者可见）', 'Why (the organiser reads it)'],
  'apr.publish': ['公示名单', 'Post for notice'],
  'apr.objection': ['登记异议', 'Record an objection'],
  'apr.objectionReason': ['异议内容', 'The objection'],
  'apr.approved': ['已批准 {ref}', 'Approved {ref}'],
  'apr.rejected': ['已退回 {ref}', 'Sent back {ref}'],
  'apr.published': ['已公示 {ref}', 'Posted {ref}'],
  'apr.objected': ['已登记异议，名单退回待审批：{ref}', 'Objection recorded; {ref} is back for approval'],
  'apr.notice': ['公示链接', 'Notice link'],
  'apr.noticeHelp': ['张贴二维码或把链接发到职工群；{from} 起公示，{clears} 期满（无异议）。', 'Pin the QR code or share the link; posted {from}, clears {clears} without objection.'],
  'apr.qr': ['公示页二维码', 'QR code of the notice page'],
  'apr.publishBy': ['最迟公示日', 'Post by'],
  'apr.history': ['审批记录', 'History'],
});

interface Person {
  id: number;
  name: string;
  employer: string;
  category: string;
  idNumberMasked: string;
  phoneMasked: string;
  lastStayDate: string | null;
  teamLeader: boolean;
}

interface Detail {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  rosterStatus: string;
  rosterPublishedOn: string | null;
  rosterClearsOn: string | null;
  rosterNoticeUrl: string | null;
  rosterNoticeQrSvg: string | null;
  deadlines: { publishBy: string | null };
  base: { name: string };
  union: { name: string };
  participants: Person[];
  rosterHistory: Array<{ id: number; from: string; to: string; actor: string; reason: string | null; at: string }>;
}

const DETAIL =
  'query($id:Int!){ batch(id:$id){ id reference startDate endDate headcount rosterStatus rosterPublishedOn rosterClearsOn rosterNoticeUrl rosterNoticeQrSvg deadlines { publishBy } base { name } union { name } participants { id name employer category idNumberMasked phoneMasked lastStayDate teamLeader } rosterHistory { id from to actor reason at } } }';
const MOVE = (name: string) => `mutation($b:Int!){ ${name}(batchId:$b){ id rosterStatus } }`;
const MOVE_WITH_REASON = (name: string) => `mutation($b:Int!,$r:String!){ ${name}(batchId:$b, reason:$r){ id rosterStatus } }`;

/** The QR code as an image: the API's SVG document in a data: URL (the console's img-src allows data:). */
function qrSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function RosterDetail({ id, onChanged, onClose }: { id: number; onChanged: () => void; onClose: () => void }) {
  const state = useLoad(() => gql<{ batch: Detail }>(DETAIL, { id }).then((d) => d.batch), [id]);
  const [done, setDone] = useState<string | null>(null);
  const after = (text: string) => {
    setDone(text);
    state.reload();
    onChanged();
  };
  return (
    <Loading state={state}>
      {(b) => (
        <Section title={t('apr.detail', { ref: b.reference })} testId="roster-detail">
          <div class="row apr-line">
            <span class="muted">
              {b.union.name} · {b.base.name} · {b.startDate} → {b.endDate} · {t('batch.headcount')} {b.headcount} · <strong data-testid="roster-status">{t(`roster.${b.rosterStatus}`)}</strong>
              {b.deadlines.publishBy && (b.rosterStatus === 'SUBMITTED' || b.rosterStatus === 'APPROVED') ? ` · ${t('apr.publishBy')} ${b.deadlines.publishBy}` : ''}
            </span>
            <button type="button" class="link" onClick={onClose}>
              {t('apr.close')}
            </button>
          </div>
          {done ? (
            <p class="ok" data-testid="done">
              {done}
            </p>
          ) : null}
          <Moves batch={b} onDone={after} />
          {b.rosterNoticeUrl ? <Notice batch={b} /> : null}
          <People people={b.participants} />
          {b.rosterHistory.length ? (
            <details class="apr-history">
              <summary>{t('apr.history')}</summary>
              <ul>
                {b.rosterHistory.map((e) => (
                  <li key={e.id}>
                    {e.at.slice(0, 16).replace('T', ' ')} · {t(`roster.${e.from}`)} → {t(`roster.${e.to}`)} · {e.actor}
                    {e.reason ? ` · ${e.reason}` : ''}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </Section>
      )}
    </Loading>
  );
}

/** What the approver may do from the list's state: approve or send back; post; hear an objection. */
function Moves({ batch, onDone }: { batch: Detail; onDone: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const ref = batch.reference;
  const withReason = async (mutation: string, text: string) => {
    await gql(MOVE_WITH_REASON(mutation), { b: batch.id, r: reason });
    setReason('');
    onDone(t(text, { ref }));
  };
  const reasonBox = (placeholder: string) => <input class="apr-reason" placeholder={t(placeholder)} value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="reason" />;
  if (batch.rosterStatus === 'SUBMITTED' || batch.rosterStatus === 'APPROVED') {
    return (
      <div class="row apr-moves">
        {batch.rosterStatus === 'SUBMITTED' ? (
          <ActionButton label={t('apr.approve')} kind="primary" testId="approve" run={() => gql(MOVE('approveRoster'), { b: batch.id }).then(() => onDone(t('apr.approved', { ref })))} />
        ) : (
          <ActionButton label={t('apr.publish')} kind="primary" testId="publish" run={() => gql(MOVE('publishRoster'), { b: batch.id }).then(() => onDone(t('apr.published', { ref })))} />
        )}
        {reasonBox('apr.rejectReason')}
        <ActionButton label={t('apr.reject')} kind="danger" testId="reject" run={() => withReason('rejectRoster', 'apr.rejected')} />
      </div>
    );
  }
  if (batch.rosterStatus === 'PUBLISHED') {
    return (
      <div class="row apr-moves">
        {reasonBox('apr.objectionReason')}
        <ActionButton label={t('apr.objection')} kind="danger" testId="object" run={() => withReason('recordObjection', 'apr.objected')} />
      </div>
    );
  }
  return null;
}

function Notice({ batch }: { batch: Detail }) {
  return (
    <div class="apr-notice" data-testid="notice">
      {batch.rosterNoticeQrSvg ? <img class="apr-qr" src={qrSource(batch.rosterNoticeQrSvg)} alt={t('apr.qr')} data-testid="notice-qr" /> : null}
      <div>
        <strong>{t('apr.notice')}</strong>
        <p>
          <a href={batch.rosterNoticeUrl!} target="_blank" rel="noopener noreferrer" data-testid="notice-link">
            {batch.rosterNoticeUrl}
          </a>
        </p>
        <p class="muted">{t('apr.noticeHelp', { from: batch.rosterPublishedOn ?? '', clears: batch.rosterClearsOn ?? '' })}</p>
      </div>
    </div>
  );
}

function People({ people }: { people: Person[] }) {
  return (
    <>
      <h3 class="apr-sub">{t('apr.people')}</h3>
      <div class="apr-scroll">
        <table data-testid="people">
          <thead>
            <tr>
              <th>{t('apr.name')}</th>
              <th>{t('apr.employer')}</th>
              <th>{t('apr.category')}</th>
              <th>{t('apr.id')}</th>
              <th>{t('apr.phone')}</th>
              <th>{t('apr.lastStay')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} data-testid="person">
                <td>
                  {p.name}
                  {p.teamLeader ? ` (${t('apr.leader')})` : ''}
                </td>
                <td>{p.employer}</td>
                <td>{t(`cat.${p.category}`)}</td>
                <td class="apr-mono">{p.idNumberMasked}</td>
                <td class="apr-mono">{p.phoneMasked}</td>
                <td>{p.lastStayDate ?? t('apr.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
