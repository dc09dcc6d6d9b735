import { useEffect, useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, ErrorBox, Section } from '../../ui.js';
import { RosterDetail } from './roster-detail.js';

words({
  'apr.lists': ['名单审批', 'Rooming lists'],
  'apr.tab.SUBMITTED': ['待审批', 'To approve'],
  'apr.tab.APPROVED': ['待公示', 'To post'],
  'apr.tab.PUBLISHED': ['公示中', 'Posted'],
  'apr.none': ['没有此状态的名单。', 'No list in this state.'],
  'apr.open': ['查看名单', 'Open the list'],
  'apr.listed': ['名单 {n}/{h} 人', '{n} of {h} listed'],
  'apr.shown': ['已显示 {n} 份', '{n} shown'],
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

const UNION_BATCHES =
  'query($f:BatchFilter,$after:String){ batches(first:50, after:$after, filter:$f){ pageInfo { hasNextPage endCursor } edges { node { id reference startDate endDate headcount participantCount rosterStatus base { name } package { name } } } } }';

/**
 * BatchFilter has no roster state, so the union's batches are read 50 at a time (the API's query cost allows no more with these fields) and those whose list
 * is in `wanted` kept, until some are found or the union's batches end; `next` resumes from there.
 */
async function listsIn(unionId: number | null, wanted: Tab, after: string | null): Promise<{ items: ListedBatch[]; next: string | null }> {
  let cursor = after;
  for (;;) {
    const page = (
      await gql<{ batches: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ListedBatch }> } }>(UNION_BATCHES, {
        f: unionId ? { unionId } : {},
        after: cursor,
      })
    ).batches;
    const items = page.edges.map((e) => e.node).filter((b) => b.rosterStatus === wanted);
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    if (items.length || !cursor) return { items, next: cursor };
  }
}

export function RosterLists({ me }: { me: Me }) {
  const [tab, setTab] = useState<Tab>('SUBMITTED');
  const [items, setItems] = useState<ListedBatch[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    setItems(null);
    listsIn(me.unionId, tab, null).then(
      (p) => {
        if (!live) return;
        setItems(p.items);
        setNext(p.next);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [me.unionId, tab, round]);
  const more = async () => {
    if (!next) return;
    const p = await listsIn(me.unionId, tab, next);
    setItems((old) => [...(old ?? []), ...p.items]);
    setNext(p.next);
  };
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
        <ErrorBox error={error} />
        {items === null && !error ? <p class="muted">{t('common.loading')}</p> : null}
        {items && !items.length ? <p class="muted">{t('apr.none')}</p> : null}
        <ul class="cards">
          {(items ?? []).map((b) => (
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
        {items ? (
          <div class="page-footer">
            <span class="muted">{t('apr.shown', { n: items.length })}</span>
            {next ? <ActionButton label={t('common.more')} run={more} testId="more" /> : null}
          </div>
        ) : null}
      </Section>
      {open !== null ? <RosterDetail key={open} id={open} onChanged={() => setRound((r) => r + 1)} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
