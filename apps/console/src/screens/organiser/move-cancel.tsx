import { useState } from 'preact/hooks';
import { gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, Field, Form } from '../../ui.js';
import type { BatchDetail } from './batch-steps.js';

words({
  'move.title': ['改期', 'Move to other dates'],
  'move.start': ['新的到达日期', 'New arrival'],
  'move.package': ['套餐', 'Package'],
  'move.reason': ['原因（可空）', 'Why (optional)'],
  'move.submit': ['改期', 'Move'],
  'move.done': ['已改期', 'Moved'],
  'cancel.title': ['取消批次', 'Cancel the batch'],
  'cancel.reason': ['取消原因（基地可见）', 'Why (the base reads it)'],
  'cancel.submit': ['取消批次', 'Cancel the batch'],
  'cancel.confirm': ['确定取消批次 {ref}？床位将退回，可能产生取消费用。', 'Cancel batch {ref}? Its beds are given back; a cancellation fee may apply.'],
});

const RESCHEDULE = 'mutation($id:Int!,$s:Date!,$p:Int,$r:String){ rescheduleBatch(id:$id, startDate:$s, packageId:$p, reason:$r){ id startDate endDate } }';
const CANCEL = 'mutation($id:Int!,$r:String!){ cancelBatch(id:$id, reason:$r){ id status } }';

/** Moving a batch keeps its reference, list and insurance; cancelling gives its beds back, after a confirm. */
export function MoveCancel({ batch, onChanged }: { batch: BatchDetail; onChanged: () => void }) {
  const [start, setStart] = useState(batch.startDate);
  const [packageId, setPackageId] = useState(String(batch.package.id));
  const [reason, setReason] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  // The batch's own package may be private or withdrawn since; it stays a choice.
  const packages = batch.base.packages.some((p) => p.id === batch.package.id) ? batch.base.packages : [batch.package, ...batch.base.packages];
  const move = async () => {
    await gql(RESCHEDULE, { id: batch.id, s: start, p: Number(packageId), r: reason || null });
    onChanged();
  };
  return (
    <div class="move-cancel">
      <h3 class="steps-heading">{t('move.title')}</h3>
      <Form onSubmit={move} submitLabel={t('move.submit')} testId="move" done={t('move.done')}>
        <div class="row">
          <Field label={t('move.start')} name="startDate" type="date" value={start} set={setStart} required />
          <label class="field">
            <span>{t('move.package')}</span>
            <select name="packageId" value={packageId} onChange={(e) => setPackageId(e.currentTarget.value)}>
              {packages.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <Field label={t('move.reason')} name="reason" value={reason} set={setReason} />
        </div>
      </Form>
      <h3 class="steps-heading">{t('cancel.title')}</h3>
      <div class="row" data-testid="cancel">
        <Field label={t('cancel.reason')} name="cancelReason" value={cancelReason} set={setCancelReason} />
        <ActionButton
          label={t('cancel.submit')}
          kind="danger"
          testId="cancel-batch"
          confirmText={t('cancel.confirm', { ref: batch.reference })}
          run={async () => {
            await gql(CANCEL, { id: batch.id, r: cancelReason });
            onChanged();
          }}
        />
      </div>
    </div>
  );
}
