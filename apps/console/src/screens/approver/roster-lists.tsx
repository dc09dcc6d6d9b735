import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ErrorBox, type Page, PageFooter, Section, usePaged } from '../../ui.js';
import { RosterDetail } from './roster-detail.js';

words({
  'apr.lists': ['名单审批', 'Rooming lists'],
  'apr.tab.SUBMITTED': ['待审批', 'To approve'],
  'apr.tab.APPROVED': ['待公示', 'To post'],
  'apr.tab.PUBLISHED': ['公示中', 'Posted'],
  'apr.none': ['没有此状态的名单。', 'No list in this state.'],
  'apr.open': ['查看名单', 'Open the list'],
  'apr.listed': ['名单 {n}/{h} 人', '{n} of {h} listed'],
});

/** The tabs: the states in which a list waits for the approver. */
const TABS = ['SUBMITTED', 'APPROVED', 'PUBLISHED'] as const;
type Tab = (typeof TABS)[number];

export interface ListedBatch {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  participantCount: number;
  rosterStatus: string;
  base: { name: string };
  package: { name: string };
}

/** The batches whose list is in one state (the API's rosterLists, in the approver's union), a page at a time. */
const LISTS =
  'query($s:RosterStatus!,$after:String){ rosterLists(status:$s, first:20, after:$after){ totalCount pageInfo { hasNextPage endCursor } edges { node { id reference startDate endDate headcount participantCount rosterStatus base { name } package { name } } } } }';

export function RosterLists({ me }: { me: Me }) {
  const [tab, setTab] = useState<Tab>('SUBMITTED');
  const [open, setOpen] = useState<number | null>(null);
  const list = usePaged<ListedBatch>((after) => gql<{ rosterLists: Page<ListedBatch> }>(LISTS, { s: tab, after }).then((d) => d.rosterLists), [me.unionId, tab]);
  return (
    <>
      <Section title={t('apr.lists')} testId="roster-lists">
        <div class="tabs" role="tablist">
          {TABS.map((s) => (
            <button key={s} type="button" class={s === tab ? 'current' : ''} onClick={() => setTab(s)} data-testid={`tab-${s}`}>
              {t(`apr.tab.${s}`)}
            </button>
          ))}
        </div>
        <ErrorBox error={list.error} />
        {list.page === null && !list.error ? <p class="muted">{t('common.loading')}</p> : null}
        {list.page && !list.items.length ? <p class="muted">{t('apr.none')}</p> : null}
        <ul class="cards">
          {list.items.map((b) => (
            <li key={b.id} class={`item${b.id === open ? ' picked' : ''}`} data-testid={`list-${b.reference}`}>
              <div>
                <strong>{b.reference}</strong> · {b.base.name} · {b.package.name}
              </div>
              <div class="row apr-line">
                <span class="muted">
                  {b.startDate} → {b.endDate} · {t('apr.listed', { n: b.participantCount, h: b.headcount })} · {t(`roster.${b.rosterStatus}`)}
                </span>
                <button type="button" onClick={() => setOpen(b.id)} data-testid="open">
                  {t('apr.open')}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <PageFooter shown={list.items.length} page={list.page} more={list.more} />
      </Section>
      {open !== null ? <RosterDetail key={open} id={open} onChanged={list.reload} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
