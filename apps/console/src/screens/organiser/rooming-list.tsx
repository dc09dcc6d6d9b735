import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, addDays, ErrorBox, Loading, Section, today, useLoad } from '../../ui.js';
import { RosterFiles } from './roster-files.js';
import { RosterPeople, type Person } from './roster-people.js';

words({
  'org.roster': ['名单管理', 'Rooming lists'],
  'org.roster.pick': ['选择批次', 'Batch'],
  'org.roster.none': ['没有即将出发的批次。', 'No upcoming batch.'],
  'org.roster.count': ['名单 {count} / {headcount} 人', '{count} of {headcount} people listed'],
  'org.roster.submitBy': ['提交截止 {date}', 'Submit by {date}'],
  'org.roster.freezes': ['{date} 起名单由基地修改', 'From {date} only the base changes the list'],
  'org.roster.submit': ['提交审批', 'Submit for approval'],
  'org.roster.submitted': ['名单已提交审批', 'The list was submitted for approval'],
});

interface BatchOption {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  status: string;
  union: { name: string };
  base: { name: string };
}

export interface RosterBatch {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  participantCount: number;
  status: string;
  rosterStatus: string;
  deadlines: { submitBy: string | null; rosterFreezesOn: string };
  participants: Person[];
}

// Batches that arrived in the last month still show: a base may ask for the list after arrival.
const OPTIONS = 'query($f:BatchFilter){ batches(first:100, filter:$f){ edges { node { id reference startDate endDate status union { name } base { name } } } } }';
const BATCH =
  'query($id:Int!){ batch(id:$id){ id reference startDate endDate headcount participantCount status rosterStatus deadlines { submitBy rosterFreezesOn } participants { id name gender documentType idNumberMasked phoneMasked employer category dietaryNeeds room teamLeader } } }';
const SUBMIT = 'mutation($id:Int!){ submitRoster(batchId:$id){ id rosterStatus } }';

export function RoomingList({ me }: { me: Me }) {
  const options = useLoad(() => gql<{ batches: { edges: Array<{ node: BatchOption }> } }>(OPTIONS, { f: { from: addDays(today(), -30) } }).then((d) => d.batches.edges.map((e) => e.node)), [me.id]);
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <>
      <Section title={t('org.roster')} testId="rooming-list">
        <Loading state={options}>
          {(list) =>
            list.length ? (
              <label class="field roster-pick">
                <span>{t('org.roster.pick')}</span>
                <select data-testid="roster-batch" value={picked ?? ''} onChange={(e) => setPicked(Number(e.currentTarget.value) || null)}>
                  <option value="">—</option>
                  {list.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.reference} · {b.startDate} → {b.endDate} · {b.base.name} · {t(`status.${b.status}`)}
                      {me.role === 'PARTNER' ? ` · ${b.union.name}` : ''}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p class="muted">{t('org.roster.none')}</p>
            )
          }
        </Loading>
      </Section>
      {picked ? <BatchRoster key={picked} batchId={picked} /> : null}
    </>
  );
}

function BatchRoster({ batchId }: { batchId: number }) {
  const batch = useLoad(() => gql<{ batch: RosterBatch }>(BATCH, { id: batchId }).then((d) => d.batch), [batchId]);
  const [done, setDone] = useState(false);
  if (!batch.data) return batch.error ? <ErrorBox error={batch.error} /> : <p class="muted">{t('common.loading')}</p>;
  const b = batch.data;
  return (
    <>
      <Section title={`${b.reference} · ${b.startDate} → ${b.endDate}`} testId="roster-batch-panel">
        <p data-testid="roster-state">
          <span class="org-badge">{t(`status.${b.status}`)}</span>{' '}
          <span class="org-badge" data-testid="roster-status">
            {t(`roster.${b.rosterStatus}`)}
          </span>{' '}
          <span data-testid="roster-count">{t('org.roster.count', { count: b.participantCount, headcount: b.headcount })}</span>
        </p>
        <p class="muted">
          {b.deadlines.submitBy ? `${t('org.roster.submitBy', { date: b.deadlines.submitBy })} · ` : ''}
          {t('org.roster.freezes', { date: b.deadlines.rosterFreezesOn })}
        </p>
        {done ? <p class="ok">{t('org.roster.submitted')}</p> : null}
        {b.rosterStatus === 'DRAFT' ? (
          <ActionButton
            label={t('org.roster.submit')}
            kind="primary"
            testId="roster-submit"
            run={async () => {
              await gql(SUBMIT, { id: b.id });
              setDone(true);
              batch.reload();
            }}
          />
        ) : null}
      </Section>
      <RosterFiles batch={b} onImported={batch.reload} />
      <RosterPeople batch={b} onChanged={batch.reload} />
    </>
  );
}
