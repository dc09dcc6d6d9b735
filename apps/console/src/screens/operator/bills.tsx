import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, ErrorBox, Loading, PageFooter, type Page, Section, useLoad, usePaged } from '../../ui.js';
import { BillDetail } from './bill-detail.js';

words({
  'op.bills': ['账单与收款', 'Bills and payments'],
  'op.bills.toIssue': ['待开账单的批次', 'Stays to bill'],
  'op.bills.toIssueNone': ['没有待开账单的已离店批次。', 'No completed stay is waiting for its bill.'],
  'op.bills.issue': ['开具账单', 'Issue the bill'],
  'op.bills.issued': ['已为 {ref} 开具账单', 'Bill issued for {ref}'],
  'op.bills.list': ['本基地账单', "The base's bills"],
  'op.bills.all': ['全部', 'All'],
  'op.bills.none': ['没有账单。', 'No bills.'],
  'op.bills.total': ['应收', 'Total'],
  'op.bills.paid': ['已收', 'Paid'],
  'op.bills.outstanding': ['未收', 'Outstanding'],
  'op.bills.issuedAt': ['开具时间', 'Issued'],
  'op.bills.open': ['查看', 'Open'],
  'kind.STAY': ['住宿账单', 'Stay'],
  'kind.CANCELLATION_FEE': ['取消费', 'Cancellation fee'],
  'kind.SUBSIDY_CLAIM': ['补贴结算', 'Subsidy claim'],
});

interface Completed {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  arrivals: number | null;
  union: { name: string };
  bills: Array<{ id: number; status: string }>;
}
export interface BillRow {
  id: number;
  kind: string;
  status: string;
  batchReference: string;
  batchStartDate: string;
  total: string;
  paid: string;
  outstanding: string;
  issuedAt: string;
}

const COMPLETED = 'query($b:Int){ batches(first:50, filter:{baseId:$b, status:COMPLETED}){ edges { node { id reference startDate endDate headcount arrivals union { name } bills { id status } } } } }';
const BILLS =
  'query($f:BillFilter,$after:String){ bills(first:20, after:$after, filter:$f){ totalCount pageInfo { hasNextPage endCursor } edges { node { id kind status batchReference batchStartDate total paid outstanding issuedAt } } } }';
const ISSUE = 'mutation($b:Int!){ issueBill(batchId:$b){ id } }';
const STATUSES = ['', 'ISSUED', 'PAID', 'VOID'];

export function Bills({ me }: { me: Me }) {
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const toIssue = useLoad(
    () => gql<{ batches: { edges: Array<{ node: Completed }> } }>(COMPLETED, { b: me.baseId }).then((d) => d.batches.edges.map((e) => e.node).filter((b) => b.bills.every((x) => x.status === 'VOID'))),
    [me.baseId, round],
  );
  const bills = usePaged<BillRow>((after) => gql<{ bills: Page<BillRow> }>(BILLS, { f: status ? { status } : null, after }).then((d) => d.bills), [status, round]);
  const changed = () => setRound((r) => r + 1);
  return (
    <>
      <Section title={t('op.bills.toIssue')} testId="to-bill">
        {done ? <p class="ok">{done}</p> : null}
        <Loading state={toIssue}>
          {(list) =>
            list.length ? (
              <ul class="cards">
                {list.map((b) => (
                  <li key={b.id} class="item" data-testid={`to-bill-${b.reference}`}>
                    <div>
                      <strong>{b.reference}</strong> · {b.union.name}
                    </div>
                    <div class="muted">
                      {b.startDate} → {b.endDate} · {t('batch.headcount')} {b.headcount}
                      {b.arrivals !== null ? ` · ${t('op.arrivals.arrivedCount', { n: b.arrivals })}` : ''}
                    </div>
                    <ActionButton
                      label={t('op.bills.issue')}
                      kind="primary"
                      testId="issue"
                      run={async () => {
                        const d = await gql<{ issueBill: { id: number } }>(ISSUE, { b: b.id });
                        setDone(t('op.bills.issued', { ref: b.reference }));
                        setOpen(d.issueBill.id);
                        changed();
                      }}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t('op.bills.toIssueNone')}</p>
            )
          }
        </Loading>
      </Section>
      {open !== null ? <BillDetail key={open} id={open} onPaid={changed} onClose={() => setOpen(null)} /> : null}
      <Section title={t('op.bills.list')} testId="bills">
        <div class="tabs">
          {STATUSES.map((s) => (
            <button key={s} type="button" class={s === status ? 'current' : ''} onClick={() => setStatus(s)} data-testid={`bills-${s || 'ALL'}`}>
              {s ? t(`bill.${s}`) : t('op.bills.all')}
            </button>
          ))}
        </div>
        <ErrorBox error={bills.error} />
        {bills.page && !bills.items.length ? <p class="muted">{t('op.bills.none')}</p> : null}
        {bills.items.length ? (
          <table>
            <thead>
              <tr>
                <th>{t('batch.ref')}</th>
                <th class="wide-only">{t('op.bills.issuedAt')}</th>
                <th>{t('batch.status')}</th>
                <th class="num">{t('op.bills.total')}</th>
                <th class="num wide-only">{t('op.bills.paid')}</th>
                <th class="num">{t('op.bills.outstanding')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {bills.items.map((b) => (
                <tr key={b.id} data-testid={`bill-${b.id}`} class={b.id === open ? 'picked' : ''}>
                  <td>
                    {b.batchReference}
                    <div class="muted">{t(`kind.${b.kind}`)}</div>
                  </td>
                  <td class="wide-only">{b.issuedAt.slice(0, 10)}</td>
                  <td>
                    <span class={`badge bill-${b.status}`}>{t(`bill.${b.status}`)}</span>
                  </td>
                  <td class="num">{b.total}</td>
                  <td class="num wide-only">{b.paid}</td>
                  <td class="num">{b.outstanding}</td>
                  <td>
                    <button type="button" class="link" onClick={() => setOpen(b.id)} data-testid="open-bill">
                      {t('op.bills.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <PageFooter shown={bills.items.length} page={bills.page} more={bills.more} />
      </Section>
    </>
  );
}
