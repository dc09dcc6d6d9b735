import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, ErrorBox, PageFooter, type Page, Section, usePaged } from '../../ui.js';

words({
  'op.confirm': ['待确认批次', 'Batches to confirm'],
  'op.confirm.none': ['没有等待确认的批次。', 'No batch is waiting for confirmation.'],
  'op.confirm.holdUntil': ['保留至', 'Held until'],
  'op.confirm.roster': ['名单', 'Rooming list'],
  'op.confirm.rejectReason': ['拒绝原因（工会可见）', 'Why (the union reads it)'],
  'op.confirm.confirmed': ['已确认 {ref}', 'Confirmed {ref}'],
  'op.confirm.rejected': ['已拒绝 {ref}', 'Rejected {ref}'],
});

interface Waiting {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  holdExpiresAt: string | null;
  rosterStatus: string;
  union: { name: string };
  package: { name: string };
}

const WAITING =
  'query($f:BatchFilter,$after:String){ batches(first:20, after:$after, filter:$f){ totalCount pageInfo { hasNextPage endCursor } edges { node { id reference startDate endDate headcount holdExpiresAt rosterStatus union { name } package { name } } } } }';
const CONFIRM = 'mutation($id:Int!){ confirmBatch(id:$id){ id status } }';
const REJECT = 'mutation($id:Int!,$r:String!){ rejectBatch(id:$id, reason:$r){ id status } }';

export function Confirmations({ me }: { me: Me }) {
  const list = usePaged<Waiting>((after) => gql<{ batches: Page<Waiting> }>(WAITING, { f: { baseId: me.baseId, status: 'REQUESTED' }, after }).then((d) => d.batches), [me.baseId]);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Section title={t('op.confirm')} testId="confirmations">
      {done ? <p class="ok">{done}</p> : null}
      <ErrorBox error={list.error} />
      {list.page && !list.items.length ? <p class="muted">{t('op.confirm.none')}</p> : null}
      <ul class="cards">
        {list.items.map((b) => (
          <li key={b.id} class="item" data-testid={`waiting-${b.reference}`}>
            <div>
              <strong>{b.reference}</strong> · {b.union.name} · {b.package.name}
            </div>
            <div class="muted">
              {b.startDate} → {b.endDate} · {t('batch.headcount')} {b.headcount} · {t(`roster.${b.rosterStatus}`)}
              {b.holdExpiresAt ? ` · ${t('op.confirm.holdUntil')} ${b.holdExpiresAt.slice(0, 16).replace('T', ' ')}` : ''}
            </div>
            <RejectOrConfirm
              batch={b}
              onDone={(text) => {
                setDone(text);
                list.reload();
              }}
            />
          </li>
        ))}
      </ul>
      <PageFooter shown={list.items.length} page={list.page} more={list.more} />
    </Section>
  );
}

function RejectOrConfirm({ batch, onDone }: { batch: Waiting; onDone: (text: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <div class="row">
      <ActionButton
        label={t('common.confirm')}
        kind="primary"
        testId="confirm"
        run={async () => {
          await gql(CONFIRM, { id: batch.id });
          onDone(t('op.confirm.confirmed', { ref: batch.reference }));
        }}
      />
      <input placeholder={t('op.confirm.rejectReason')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="reject-reason" />
      <ActionButton
        label={t('common.reject')}
        kind="danger"
        testId="reject"
        run={async () => {
          await gql(REJECT, { id: batch.id, r: reason });
          onDone(t('op.confirm.rejected', { ref: batch.reference }));
        }}
      />
    </div>
  );
}
