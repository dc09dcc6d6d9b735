import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, Field, Form, Loading, Section, today, useLoad } from '../../ui.js';
import { yuanSum } from './money.js';

words({
  'op.consumption': ['消费登记', 'Consumption'],
  'op.consumption.batch': ['批次', 'Batch'],
  'op.consumption.inHouse': ['在住', 'Staying'],
  'op.consumption.completed': ['已离店（未结账）', 'Left (to be billed)'],
  'op.consumption.noBatch': ['目前没有在住或已离店待结账的批次。', 'No batch is staying or waiting to be billed.'],
  'op.consumption.new': ['登记一笔消费', 'Record consumption'],
  'op.consumption.category': ['类别', 'Category'],
  'op.consumption.description': ['项目', 'What'],
  'op.consumption.quantity': ['数量', 'Quantity'],
  'op.consumption.unitPrice': ['单价（元）', 'Unit price (yuan)'],
  'op.consumption.occurredOn': ['日期', 'Day'],
  'op.consumption.amount': ['金额', 'Amount'],
  'op.consumption.record': ['登记', 'Record'],
  'op.consumption.recorded': ['已登记', 'Recorded'],
  'op.consumption.entries': ['消费明细', 'Entries'],
  'op.consumption.none': ['尚无消费记录。', 'Nothing recorded yet.'],
  'op.consumption.total': ['合计', 'Total'],
  'op.consumption.reverse': ['冲销', 'Reverse'],
  'op.consumption.reverseReason': ['冲销原因', 'Why reverse'],
  'op.consumption.reversal': ['冲销 #{id}：{reason}', 'Reverses #{id}: {reason}'],
  'op.consumption.reversed': ['已冲销', 'Reversed'],
  'op.consumption.complete': ['办理离店', 'Check out (complete the stay)'],
  'op.consumption.billed': ['已开账单，不能再登记消费。', 'Billed: no more consumption can be recorded.'],
  'cat.MEALS': ['餐饮', 'Meals'],
  'cat.LODGING': ['住宿', 'Lodging'],
  'cat.ACTIVITIES': ['活动', 'Activities'],
  'cat.TRANSPORT': ['交通', 'Transport'],
  'cat.OTHER': ['其他', 'Other'],
});

export const CATEGORIES = ['MEALS', 'LODGING', 'ACTIVITIES', 'TRANSPORT', 'OTHER'];

interface Stay {
  id: number;
  reference: string;
  status: string;
  startDate: string;
  endDate: string;
  union: { name: string };
}
interface Entry {
  id: number;
  occurredOn: string;
  category: string;
  description: string;
  quantity: number;
  unitPrice: string;
  amount: string;
  reason: string | null;
  reversesEntryId: number | null;
}
interface StayDetail extends Stay {
  consumption: Entry[];
  bills: Array<{ id: number; status: string }>;
}

const STAYS =
  'query($b:Int){ inHouse: batches(first:50, filter:{baseId:$b, status:CHECKED_IN}){ edges { node { id reference status startDate endDate union { name } } } } left: batches(first:50, filter:{baseId:$b, status:COMPLETED}){ edges { node { id reference status startDate endDate union { name } } } } }';
const DETAIL =
  'query($id:Int!){ batch(id:$id){ id reference status startDate endDate union { name } bills { id status } consumption { id occurredOn category description quantity unitPrice amount reason reversesEntryId } } }';
const RECORD = 'mutation($i:RecordConsumptionInput!){ recordConsumption(input:$i){ id } }';
const REVERSE = 'mutation($id:Int!,$r:String!){ reverseConsumption(entryId:$id, reason:$r){ id } }';
const COMPLETE = 'mutation($id:Int!){ completeBatch(id:$id){ id status } }';

type Edges<T> = { edges: Array<{ node: T }> };

export function Consumption({ me }: { me: Me }) {
  const stays = useLoad(
    () => gql<{ inHouse: Edges<Stay>; left: Edges<Stay> }>(STAYS, { b: me.baseId }).then((d) => ({ inHouse: d.inHouse.edges.map((e) => e.node), left: d.left.edges.map((e) => e.node) })),
    [me.baseId],
  );
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <Section title={t('op.consumption')} testId="consumption">
      <Loading state={stays}>
        {({ inHouse, left }) => {
          const chosen = picked ?? inHouse[0]?.id ?? left[0]?.id ?? null;
          if (chosen === null) return <p class="muted">{t('op.consumption.noBatch')}</p>;
          return (
            <>
              <label class="field">
                <span>{t('op.consumption.batch')}</span>
                <select name="batch" value={String(chosen)} onChange={(e) => setPicked(Number(e.currentTarget.value))}>
                  {[
                    ['op.consumption.inHouse', inHouse],
                    ['op.consumption.completed', left],
                  ].map(([label, list]) =>
                    (list as Stay[]).length ? (
                      <optgroup key={label as string} label={t(label as string)}>
                        {(list as Stay[]).map((b) => (
                          <option key={b.id} value={String(b.id)}>
                            {b.reference} · {b.union.name} · {b.startDate} → {b.endDate}
                          </option>
                        ))}
                      </optgroup>
                    ) : null,
                  )}
                </select>
              </label>
              <StayConsumption key={chosen} id={chosen} onMoved={stays.reload} />
            </>
          );
        }}
      </Loading>
    </Section>
  );
}

/** The entry day the form starts with: today while the stay lasts, else its last day. */
function defaultDay(stay: Stay): string {
  const now = today();
  return now < stay.startDate ? stay.startDate : now > stay.endDate ? stay.endDate : now;
}

function StayConsumption({ id, onMoved }: { id: number; onMoved: () => void }) {
  const detail = useLoad(() => gql<{ batch: StayDetail }>(DETAIL, { id }).then((d) => d.batch), [id]);
  return (
    <Loading state={detail}>
      {(stay) => {
        const billed = stay.bills.some((b) => b.status !== 'VOID');
        const reversed = new Set(stay.consumption.map((e) => e.reversesEntryId).filter((x) => x !== null));
        return (
          <div data-testid={`stay-${stay.reference}`}>
            <p class="muted">
              {stay.union.name} · {stay.startDate} → {stay.endDate} · <span class="badge">{t(`status.${stay.status}`)}</span>
            </p>
            {stay.status === 'CHECKED_IN' ? (
              <ActionButton
                label={t('op.consumption.complete')}
                testId="complete"
                run={async () => {
                  await gql(COMPLETE, { id: stay.id });
                  detail.reload();
                  onMoved();
                }}
              />
            ) : null}
            {billed ? <p class="notice">{t('op.consumption.billed')}</p> : <EntryForm stay={stay} onRecorded={detail.reload} />}
            <h3>{t('op.consumption.entries')}</h3>
            {stay.consumption.length ? (
              <table data-testid="entries">
                <thead>
                  <tr>
                    <th>{t('op.consumption.occurredOn')}</th>
                    <th>{t('op.consumption.description')}</th>
                    <th class="num">{t('op.consumption.quantity')}</th>
                    <th class="num wide-only">{t('op.consumption.unitPrice')}</th>
                    <th class="num">{t('op.consumption.amount')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {stay.consumption.map((e) => (
                    <tr key={e.id} data-testid={`entry-${e.id}`} class={e.reversesEntryId ? 'reversal' : ''}>
                      <td>{e.occurredOn}</td>
                      <td>
                        {t(`cat.${e.category}`)} · {e.description}
                        {e.reversesEntryId ? <div class="muted">{t('op.consumption.reversal', { id: e.reversesEntryId, reason: e.reason ?? '' })}</div> : null}
                      </td>
                      <td class="num">{e.quantity}</td>
                      <td class="num wide-only">{e.unitPrice}</td>
                      <td class="num">{e.amount}</td>
                      <td>
                        {reversed.has(e.id) ? <span class="muted">{t('op.consumption.reversed')}</span> : null}
                        {!billed && !e.reversesEntryId && !reversed.has(e.id) ? <Reverse entry={e} onDone={detail.reload} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th colSpan={3}>{t('op.consumption.total')}</th>
                    <th class="num wide-only" />
                    <th class="num" data-testid="entries-total">
                      {yuanSum(stay.consumption.map((e) => e.amount))}
                    </th>
                    <th />
                  </tr>
                </tfoot>
              </table>
            ) : (
              <p class="muted">{t('op.consumption.none')}</p>
            )}
          </div>
        );
      }}
    </Loading>
  );
}

function EntryForm({ stay, onRecorded }: { stay: Stay; onRecorded: () => void }) {
  const [category, setCategory] = useState('MEALS');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unitPrice, setUnitPrice] = useState('');
  const [day, setDay] = useState(defaultDay(stay));
  return (
    <Form
      testId="record"
      submitLabel={t('op.consumption.record')}
      done={t('op.consumption.recorded')}
      onSubmit={async () => {
        await gql(RECORD, { i: { batchId: stay.id, category, description, quantity: Number(quantity), unitPrice, occurredOn: day } });
        setDescription('');
        onRecorded();
      }}
    >
      <h3>{t('op.consumption.new')}</h3>
      <div class="row">
        <label class="field">
          <span>{t('op.consumption.category')}</span>
          <select name="category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`cat.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('op.consumption.description')} name="description" value={description} set={setDescription} required />
        {/* No min: a zero or negative amount is the API's to refuse, and it says why. */}
        <Field label={t('op.consumption.quantity')} name="quantity" type="number" value={quantity} set={setQuantity} required />
        <Field label={t('op.consumption.unitPrice')} name="unitPrice" value={unitPrice} set={setUnitPrice} required />
        <Field label={t('op.consumption.occurredOn')} name="occurredOn" type="date" value={day} set={setDay} required />
      </div>
    </Form>
  );
}

function Reverse({ entry, onDone }: { entry: Entry; onDone: () => void }) {
  const [reason, setReason] = useState('');
  return (
    <div class="row">
      <input placeholder={t('op.consumption.reverseReason')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="reverse-reason" />
      <ActionButton label={t('op.consumption.reverse')} kind="danger" testId="reverse" run={() => gql(REVERSE, { id: entry.id, r: reason }).then(onDone)} />
    </div>
  );
}
