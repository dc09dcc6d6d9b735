import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, addDays, ErrorBox, Field, Loading, PageFooter, type Page, Section, today, useLoad, usePaged } from '../../ui.js';

words({
  'op.arrivals': ['到达入住', 'Arrivals'],
  'op.arrivals.day': ['到达日期', 'Arriving on'],
  'op.arrivals.prev': ['前一天', 'Day before'],
  'op.arrivals.next': ['后一天', 'Day after'],
  'op.arrivals.today': ['今天', 'Today'],
  'op.arrivals.none': ['这一天没有批次到达。', 'No batch arrives this day.'],
  'op.arrivals.list': ['名单 {count} / {headcount} 人', 'List: {count} of {headcount}'],
  'op.arrivals.insured': ['保险：{insurer}', 'Insured: {insurer}'],
  'op.arrivals.uninsured': ['未登记团体意外险（入住前须由工会登记）', 'No group insurance yet (the union records it before check-in)'],
  'op.arrivals.name': ['姓名', 'Name'],
  'op.arrivals.employer': ['工作单位', 'Employer'],
  'op.arrivals.room': ['房间', 'Room'],
  'op.arrivals.came': ['已到', 'Came'],
  'op.arrivals.leader': ['领队', 'Team leader'],
  'op.arrivals.makeLeader': ['设为领队', 'Make leader'],
  'op.arrivals.tickAll': ['全部到达', 'Everyone came'],
  'op.arrivals.tickNone': ['清除勾选', 'Clear ticks'],
  'op.arrivals.ticked': ['已勾选 {n} / {total} 人', '{n} of {total} ticked'],
  'op.arrivals.checkIn': ['办理入住（{n} 人到达）', 'Check in ({n} came)'],
  'op.arrivals.checkedIn': ['{ref} 已入住，实到 {n} 人', '{ref} checked in, {n} arrived'],
  'op.arrivals.arrivedCount': ['实到 {n} 人', '{n} arrived'],
  'op.arrivals.showList': ['名单（{n} 人）', 'The list ({n})'],
  'op.arrivals.emptyList': ['名单为空。', 'The list is empty.'],
});

interface Arriving {
  id: number;
  reference: string;
  status: string;
  startDate: string;
  endDate: string;
  headcount: number;
  participantCount: number;
  arrivals: number | null;
  insurer: string | null;
  union: { name: string };
  package: { name: string };
}
interface Person {
  id: number;
  name: string;
  gender: string;
  employer: string;
  room: string | null;
  teamLeader: boolean;
  arrived: boolean | null;
}

const ARRIVING =
  'query($f:BatchFilter,$after:String){ batches(first:20, after:$after, filter:$f){ totalCount pageInfo { hasNextPage endCursor } edges { node { id reference status startDate endDate headcount participantCount arrivals insurer union { name } package { name } } } } }';
const LIST = 'query($id:Int!){ batch(id:$id){ id status arrivals participants { id name gender employer room teamLeader arrived } } }';
const CHECK_IN = 'mutation($id:Int!,$a:[Int!]){ checkInBatch(id:$id, arrivedParticipantIds:$a){ id status arrivals } }';
const LEADER = 'mutation($p:Int!){ setTeamLeader(participantId:$p){ id teamLeader } }';
/** Batches that will not come: nothing to check in, so they are left out of the day. */
const GONE = new Set(['CANCELLED', 'REJECTED', 'EXPIRED']);

const isOpen = (b: { status: string }) => b.status === 'REQUESTED' || b.status === 'CONFIRMED';

export function Arrivals({ me }: { me: Me }) {
  const [day, setDay] = useState(today());
  const [done, setDone] = useState<string | null>(null);
  const list = usePaged<Arriving>((after) => gql<{ batches: Page<Arriving> }>(ARRIVING, { f: { baseId: me.baseId, from: day, to: day }, after }).then((d) => d.batches), [me.baseId, day]);
  // Those still to check in first; the API's order (newest first) within each.
  const shown = list.items.filter((b) => !GONE.has(b.status)).sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)));
  return (
    <Section title={t('op.arrivals')} testId="arrivals">
      <div class="row">
        <Field label={t('op.arrivals.day')} name="day" type="date" value={day} set={(v) => v && setDay(v)} />
        <button type="button" onClick={() => setDay(addDays(day, -1))} data-testid="prev-day">
          {t('op.arrivals.prev')}
        </button>
        <button type="button" onClick={() => setDay(today())}>
          {t('op.arrivals.today')}
        </button>
        <button type="button" onClick={() => setDay(addDays(day, 1))} data-testid="next-day">
          {t('op.arrivals.next')}
        </button>
      </div>
      {done ? <p class="ok">{done}</p> : null}
      <ErrorBox error={list.error} />
      {list.page && !shown.length ? <p class="muted">{t('op.arrivals.none')}</p> : null}
      <ul class="cards">
        {shown.map((b) => (
          <li key={b.id} class="item" data-testid={`arriving-${b.reference}`} data-status={b.status}>
            <div>
              <strong>{b.reference}</strong> · {b.union.name} · {b.package.name} · <span class="badge">{t(`status.${b.status}`)}</span>
            </div>
            <div class="muted">
              {b.startDate} → {b.endDate} · {t('op.arrivals.list', { count: b.participantCount, headcount: b.headcount })}
              {b.arrivals !== null ? ` · ${t('op.arrivals.arrivedCount', { n: b.arrivals })}` : ''}
            </div>
            {b.insurer ? <div class="muted">{t('op.arrivals.insured', { insurer: b.insurer })}</div> : <div class="notice">{t('op.arrivals.uninsured')}</div>}
            <RoomingList
              batch={b}
              onCheckedIn={(n) => {
                setDone(t('op.arrivals.checkedIn', { ref: b.reference, n }));
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

/** The batch's list with a tick per person; checking in sends the ticked as the arrivals, the rest are no-shows. */
function RoomingList({ batch, onCheckedIn }: { batch: Arriving; onCheckedIn: (arrived: number) => void }) {
  const people = useLoad(() => gql<{ batch: { participants: Person[] } }>(LIST, { id: batch.id }).then((d) => d.batch.participants), [batch.id, batch.status]);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const open = isOpen(batch);
  const tick = (id: number, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Loading state={people}>
      {(list) => (
        <div class="rooming">
          {list.length ? (
            <Collapsed folded={!open} label={t('op.arrivals.showList', { n: list.length })}>
              <table>
                <thead>
                  <tr>
                    <th>{t('op.arrivals.came')}</th>
                    <th>{t('op.arrivals.name')}</th>
                    <th>{t('op.arrivals.room')}</th>
                    <th class="wide-only">{t('op.arrivals.employer')}</th>
                    <th>{t('op.arrivals.leader')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.id} data-testid={`person-${p.id}`}>
                      <td>
                        {open ? (
                          <input type="checkbox" aria-label={p.name} checked={ticked.has(p.id)} onChange={(e) => tick(p.id, e.currentTarget.checked)} data-testid="came" />
                        ) : p.arrived === null ? (
                          ''
                        ) : p.arrived ? (
                          '✓'
                        ) : (
                          '✗'
                        )}
                      </td>
                      <td>{p.name}</td>
                      <td>{p.room ?? ''}</td>
                      <td class="wide-only">{p.employer}</td>
                      <td>
                        {p.teamLeader ? (
                          <span class="badge" data-testid="leader">
                            {t('op.arrivals.leader')}
                          </span>
                        ) : open ? (
                          <ActionButton label={t('op.arrivals.makeLeader')} testId="make-leader" run={() => gql(LEADER, { p: p.id }).then(people.reload)} />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Collapsed>
          ) : (
            <p class="muted">{t('op.arrivals.emptyList')}</p>
          )}
          {open ? (
            <div class="row check-in">
              <button type="button" onClick={() => setTicked(new Set(list.map((p) => p.id)))} data-testid="tick-all">
                {t('op.arrivals.tickAll')}
              </button>
              <button type="button" onClick={() => setTicked(new Set())}>
                {t('op.arrivals.tickNone')}
              </button>
              <span class="muted" data-testid="ticked">
                {t('op.arrivals.ticked', { n: ticked.size, total: list.length })}
              </span>
              <ActionButton
                label={t('op.arrivals.checkIn', { n: ticked.size })}
                kind="primary"
                testId="check-in"
                run={async () => {
                  const arrived = list.filter((p) => ticked.has(p.id)).map((p) => p.id);
                  const d = await gql<{ checkInBatch: { arrivals: number } }>(CHECK_IN, { id: batch.id, a: arrived });
                  onCheckedIn(d.checkInBatch.arrivals);
                }}
              />
            </div>
          ) : null}
        </div>
      )}
    </Loading>
  );
}

/** A checked-in batch's list folds away (who came is history); one still to check in is always open. */
function Collapsed({ folded, label, children }: { folded: boolean; label: string; children: ComponentChildren }) {
  if (!folded) return <>{children}</>;
  return (
    <details data-testid="list-folded">
      <summary>{label}</summary>
      {children}
    </details>
  );
}
