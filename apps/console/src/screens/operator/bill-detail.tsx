import { useState } from 'preact/hooks';
import { gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { Field, Form, Loading, Section, useLoad } from '../../ui.js';

words({
  'op.bill': ['账单 {ref}', 'Bill {ref}'],
  'op.bill.close': ['关闭', 'Close'],
  'op.bill.lines': ['账单明细', 'Lines'],
  'op.bill.item': ['项目', 'Item'],
  'op.bill.quantity': ['数量', 'Qty'],
  'op.bill.unitPrice': ['单价', 'Unit price'],
  'op.bill.amount': ['金额', 'Amount'],
  'op.bill.payments': ['收款记录', 'Payments'],
  'op.bill.noPayments': ['尚未收款。', 'Nothing received yet.'],
  'op.bill.pay': ['登记收款', 'Record a payment'],
  'op.bill.payAmount': ['金额（元）', 'Amount (yuan)'],
  'op.bill.method': ['方式', 'Method'],
  'op.bill.reference': ['流水号 / 收据号', 'Transfer or receipt no.'],
  'op.bill.paidDone': ['已登记收款', 'Payment recorded'],
  'op.bill.voided': ['已作废：{reason}', 'Void: {reason}'],
  'op.bill.voidByAdmin': ['开错的账单由市总工会作废。', 'A bill issued in error is voided by the federation.'],
  'line.PACKAGE': ['套餐', 'Package'],
  'line.CONSUMPTION': ['消费', 'Consumption'],
  'line.NO_SHOW': ['未到人员费用', 'No-show fee'],
  'line.VOUCHER': ['消费券', 'Voucher'],
  'line.SUBSIDY': ['补贴', 'Subsidy'],
  'line.CANCELLATION_FEE': ['取消费', 'Cancellation fee'],
  'pay.BANK_TRANSFER': ['银行转账', 'Bank transfer'],
  'pay.UNION_FUNDS': ['工会经费', 'Union funds'],
  'pay.WECHAT_PAY': ['微信支付', 'WeChat Pay'],
  'pay.ALIPAY': ['支付宝', 'Alipay'],
  'pay.CASH': ['现金', 'Cash'],
});

interface Bill {
  id: number;
  kind: string;
  status: string;
  batchReference: string;
  total: string;
  paid: string;
  outstanding: string;
  voidReason: string | null;
  lines: Array<{ id: number; kind: string; description: string; quantity: number; unitPrice: string; amount: string }>;
  payments: Array<{ id: number; amount: string; method: string; reference: string; recordedAt: string }>;
}

const BILL =
  'query($id:Int!){ bill(id:$id){ id kind status batchReference total paid outstanding voidReason lines { id kind description quantity unitPrice amount } payments { id amount method reference recordedAt } } }';
const PAY = 'mutation($i:RecordPaymentInput!){ recordPayment(input:$i){ id status paid outstanding } }';
const METHODS = ['BANK_TRANSFER', 'UNION_FUNDS', 'WECHAT_PAY', 'ALIPAY', 'CASH'];

/** One bill: its lines, what was received, and a payment against what is outstanding (voiding is the federation's). */
export function BillDetail({ id, onPaid, onClose }: { id: number; onPaid: () => void; onClose: () => void }) {
  const bill = useLoad(() => gql<{ bill: Bill }>(BILL, { id }).then((d) => d.bill), [id]);
  const [paidNote, setPaidNote] = useState(false);
  return (
    <Loading state={bill}>
      {(b) => (
        <Section title={t('op.bill', { ref: b.batchReference })} testId="bill">
          <div class="row bill-head">
            <span class={`badge bill-${b.status}`}>{t(`bill.${b.status}`)}</span>
            <span>
              {t('op.bills.total')} <strong data-testid="bill-total">{b.total}</strong>
            </span>
            <span>
              {t('op.bills.paid')} <strong data-testid="bill-paid">{b.paid}</strong>
            </span>
            <span>
              {t('op.bills.outstanding')} <strong data-testid="bill-outstanding">{b.outstanding}</strong>
            </span>
            <button type="button" class="link" onClick={onClose}>
              {t('op.bill.close')}
            </button>
          </div>
          {b.voidReason ? <p class="notice">{t('op.bill.voided', { reason: b.voidReason })}</p> : null}
          <h3>{t('op.bill.lines')}</h3>
          <table data-testid="bill-lines">
            <thead>
              <tr>
                <th>{t('op.bill.item')}</th>
                <th class="num">{t('op.bill.quantity')}</th>
                <th class="num">{t('op.bill.unitPrice')}</th>
                <th class="num">{t('op.bill.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {b.lines.map((l) => (
                <tr key={l.id} data-kind={l.kind}>
                  <td>
                    {t(`line.${l.kind}`)}
                    <div class="muted">{l.description}</div>
                  </td>
                  <td class="num">{l.quantity}</td>
                  <td class="num">{l.unitPrice}</td>
                  <td class="num">{l.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('op.bill.payments')}</h3>
          {b.payments.length ? (
            <ul class="payments" data-testid="payments">
              {b.payments.map((p) => (
                <li key={p.id}>
                  {p.recordedAt.slice(0, 16).replace('T', ' ')} · {t(`pay.${p.method}`)} · {p.reference} · <strong>{p.amount}</strong>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('op.bill.noPayments')}</p>
          )}
          {paidNote ? <p class="ok">{t('op.bill.paidDone')}</p> : null}
          {b.status === 'ISSUED' ? (
            <PaymentForm
              key={b.paid}
              bill={b}
              onPaid={() => {
                setPaidNote(true);
                bill.reload();
                onPaid();
              }}
            />
          ) : null}
          {b.status === 'ISSUED' && !b.payments.length ? <p class="muted">{t('op.bill.voidByAdmin')}</p> : null}
        </Section>
      )}
    </Loading>
  );
}

function PaymentForm({ bill, onPaid }: { bill: Bill; onPaid: () => void }) {
  const [amount, setAmount] = useState(bill.outstanding);
  const [method, setMethod] = useState('BANK_TRANSFER');
  const [reference, setReference] = useState('');
  return (
    <Form
      testId="pay"
      submitLabel={t('op.bill.pay')}
      onSubmit={async () => {
        await gql(PAY, { i: { billId: bill.id, amount, method, reference } });
        onPaid();
      }}
    >
      <div class="row">
        <Field label={t('op.bill.payAmount')} name="amount" value={amount} set={setAmount} required />
        <label class="field">
          <span>{t('op.bill.method')}</span>
          <select name="method" value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`pay.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('op.bill.reference')} name="reference" value={reference} set={setReference} required />
      </div>
    </Form>
  );
}
