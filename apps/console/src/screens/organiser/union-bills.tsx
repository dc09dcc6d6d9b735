import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ErrorBox, PageFooter, type Page, Section, usePaged } from '../../ui.js';

words({
  'org.bills': ['本工会账单', "The union's bills"],
  'org.bills.none': ['没有账单。', 'No bills.'],
  'org.bills.all': ['全部', 'All'],
  'org.bills.total': ['应付', 'Total'],
  'org.bills.paid': ['已付', 'Paid'],
  'org.bills.outstanding': ['未付', 'Owed'],
  'org.bills.shown': ['已列出账单合计：应付 ¥{total}，已付 ¥{paid}，未付 ¥{outstanding}', 'Bills listed: ¥{total} billed, ¥{paid} paid, ¥{outstanding} owed'],
  'org.bills.lines': ['明细', 'Lines'],
  'org.bills.issued': ['开具于 {at}', 'Issued {at}'],
  'org.bills.void': ['作废原因：{reason}', 'Voided: {reason}'],
  'billKind.STAY': ['住宿账单', 'Stay'],
  'billKind.CANCELLATION_FEE': ['取消费', 'Cancellation fee'],
  'billKind.SUBSIDY_CLAIM': ['补贴结算', 'Subsidy claim'],
  'line.PACKAGE': ['套餐', 'Package'],
  'line.CONSUMPTION': ['消费', 'Consumption'],
  'line.NO_SHOW': ['未到费', 'No-show fee'],
  'line.VOUCHER': ['消费券抵扣', 'Voucher'],
  'line.SUBSIDY': ['补贴', 'Subsidy'],
  'line.CANCELLATION_FEE': ['取消费', 'Cancellation fee'],
});

interface BillLine {
  id: number;
  kind: string;
  description: string;
  quantity: number;
  unitPrice: string;
  amount: string;
}
interface Bill {
  id: number;
  batchReference: string;
  batchStartDate: string;
  kind: string;
  status: string;
  total: string;
  paid: string;
  outstanding: string;
  issuedAt: string;
  voidReason: string | null;
  lines: BillLine[];
}

const BILLS =
  'query($f:BillFilter,$after:String){ bills(first:20, after:$after, filter:$f){ totalCount pageInfo { hasNextPage endCursor } edges { node { id batchReference batchStartDate kind status total paid outstanding issuedAt voidReason lines { id kind description quantity unitPrice amount } } } } }';

/** Money as the API writes it ("1234.50") in fen, so sums are exact. */
const fen = (money: string) => Math.round(Number(money) * 100);
const yuan = (f: number) => (f / 100).toFixed(2);

export function UnionBills({ me }: { me: Me }) {
  const [status, setStatus] = useState<'' | 'ISSUED' | 'PAID' | 'VOID'>('');
  const list = usePaged<Bill>((after) => gql<{ bills: Page<Bill> }>(BILLS, { f: status ? { status } : {}, after }).then((d) => d.bills), [me.id, status]);
  const [open, setOpen] = useState<number | null>(null);
  const sum = (pick: (b: Bill) => string) => yuan(list.items.reduce((s, b) => s + fen(pick(b)), 0));
  return (
    <Section title={t('org.bills')} testId="union-bills">
      <div class="tabs">
        {(['', 'ISSUED', 'PAID', 'VOID'] as const).map((s) => (
          <button type="button" key={s} class={status === s ? 'current' : ''} data-testid={`bills-${s || 'all'}`} onClick={() => setStatus(s)}>
            {s ? t(`bill.${s}`) : t('org.bills.all')}
          </button>
        ))}
      </div>
      <ErrorBox error={list.error} />
      {list.page && !list.items.length ? <p class="muted">{t('org.bills.none')}</p> : null}
      {list.items.length ? <p data-testid="bills-sum">{t('org.bills.shown', { total: sum((b) => b.total), paid: sum((b) => b.paid), outstanding: sum((b) => b.outstanding) })}</p> : null}
      <ul class="cards">
        {list.items.map((b) => (
          <li key={b.id} class="item bill" data-testid={`bill-${b.id}`}>
            <div class="bill-head">
              <span>
                <strong>{b.batchReference}</strong> · {t(`billKind.${b.kind}`)} · <span class={`org-badge bill-${b.status}`}>{t(`bill.${b.status}`)}</span>
              </span>
              <span class="muted">{t('org.bills.issued', { at: b.issuedAt.slice(0, 10) })}</span>
            </div>
            <div class="bill-money">
              <span>
                {t('org.bills.total')} ¥<span data-testid="bill-total">{b.total}</span>
              </span>
              <span>
                {t('org.bills.paid')} ¥<span data-testid="bill-paid">{b.paid}</span>
              </span>
              <span class={fen(b.outstanding) > 0 ? 'owed' : ''}>
                {t('org.bills.outstanding')} ¥<span data-testid="bill-outstanding">{b.outstanding}</span>
              </span>
            </div>
            {b.voidReason ? <div class="muted">{t('org.bills.void', { reason: b.voidReason })}</div> : null}
            <button type="button" class="link" data-testid="bill-lines-toggle" onClick={() => setOpen(open === b.id ? null : b.id)}>
              {t('org.bills.lines')} ({b.lines.length})
            </button>
            {open === b.id ? (
              <table data-testid="bill-lines">
                <tbody>
                  {b.lines.map((l) => (
                    <tr key={l.id}>
                      <td>{t(`line.${l.kind}`)}</td>
                      <td>{l.description}</td>
                      <td class="num">
                        {l.quantity} × {l.unitPrice}
                      </td>
                      <td class="num">{l.amount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ul>
      <PageFooter shown={list.items.length} page={list.page} more={list.more} />
    </Section>
  );
}
