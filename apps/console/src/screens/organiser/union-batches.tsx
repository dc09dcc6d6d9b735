import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ErrorBox, PageFooter, type Page, Section, usePaged } from '../../ui.js';
import { BatchSteps } from './batch-steps.js';

words({
  'org.batches': ['本工会批次', "The union's batches"],
  'org.batches.none': ['还没有批次。', 'No batches yet.'],
  'org.batches.open': ['详情', 'Details'],
  'partner.batches': ['本地区互派批次', "The region's exchange batches"],
});

interface UnionBatch {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  status: string;
  rosterStatus: string;
  base: { name: string };
}

const BATCHES =
  'query($f:BatchFilter,$after:String){ batches(first:20, after:$after, filter:$f){ totalCount pageInfo { hasNextPage endCursor } edges { node { id reference startDate endDate headcount status rosterStatus base { name } } } } }';

/** The API scopes the list itself: an organiser's or approver's union, a partner's region's exchange batches (a partner's unionId is their federation's union, no filter). */
export function UnionBatches({ me }: { me: Me }) {
  const list = usePaged<UnionBatch>((after) => gql<{ batches: Page<UnionBatch> }>(BATCHES, { f: {}, after }).then((d) => d.batches), [me.unionId]);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <Section title={t(me.role === 'PARTNER' ? 'partner.batches' : 'org.batches')} testId="union-batches">
        <ErrorBox error={list.error} />
        {list.page && !list.items.length ? <p class="muted">{t('org.batches.none')}</p> : null}
        <table>
          <thead>
            <tr>
              <th>{t('batch.ref')}</th>
              <th>{t('batch.dates')}</th>
              <th>{t('batch.headcount')}</th>
              <th>{t('batch.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((b) => (
              <tr key={b.id} data-testid={`batch-${b.reference}`} class={open === b.id ? 'union-batch-picked' : ''}>
                <td>
                  {b.reference} · {b.base.name}
                  <button type="button" class="union-batch-open" data-testid="open-batch" onClick={() => setOpen(b.id)}>
                    {t('org.batches.open')}
                  </button>
                </td>
                <td>
                  {b.startDate} → {b.endDate}
                </td>
                <td>{b.headcount}</td>
                <td>
                  {t(`status.${b.status}`)} / {t(`roster.${b.rosterStatus}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <PageFooter shown={list.items.length} page={list.page} more={list.more} />
      </Section>
      {open !== null ? <BatchSteps key={open} id={open} onChanged={list.reload} /> : null}
    </>
  );
}
