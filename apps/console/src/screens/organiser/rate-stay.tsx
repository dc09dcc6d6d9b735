import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ErrorBox, Form, PageFooter, type Page, Section, usePaged } from '../../ui.js';

words({
  'org.rate': ['住宿评价', 'Rate a stay'],
  'org.rate.hint': ['离店后为每次疗休养评价一次（1–5 分），基地和市总工会可见。', 'Rate each stay once after it ends (1–5); the base and the federation read it.'],
  'org.rate.none': ['没有可评价的住宿。', 'No stay to rate.'],
  'org.rate.give': ['评价', 'Rate'],
  'org.rate.send': ['提交评价', 'Send the rating'],
  'org.rate.thanks': ['已评价', 'Rated'],
  'org.rate.comment': ['意见（可选，最多 1000 字）', 'Comment (optional, up to 1,000 characters)'],
  'org.rate.given': ['已评价', 'Rated'],
  'score.overall': ['总体', 'Overall'],
  'score.lodging': ['住宿', 'Lodging'],
  'score.meals': ['餐饮', 'Meals'],
  'score.activities': ['活动', 'Activities'],
  'score.service': ['服务', 'Service'],
});

const SCORES = ['overall', 'lodging', 'meals', 'activities', 'service'] as const;
type Scores = Record<(typeof SCORES)[number], number>;

interface Stay {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  headcount: number;
  status: string;
  base: { name: string };
  feedback: (Scores & { comment: string | null }) | null;
}

const STAYS =
  'query($f:BatchFilter,$after:String){ batches(first:20, after:$after, filter:$f){ totalCount pageInfo { hasNextPage endCursor } edges { node { id reference startDate endDate headcount status base { name } feedback { overall lodging meals activities service comment } } } } }';
const RATE = 'mutation($i:RateStayInput!){ rateStay(input:$i){ overall lodging meals activities service comment } }';

export function RateStay({ me }: { me: Me }) {
  const [status, setStatus] = useState<'COMPLETED' | 'SETTLED'>('COMPLETED');
  const list = usePaged<Stay>((after) => gql<{ batches: Page<Stay> }>(STAYS, { f: { status }, after }).then((d) => d.batches), [me.id, status]);
  const [rating, setRating] = useState<number | null>(null);
  return (
    <Section title={t('org.rate')} testId="rate-stay">
      <p class="muted">{t('org.rate.hint')}</p>
      <div class="tabs">
        {(['COMPLETED', 'SETTLED'] as const).map((s) => (
          <button type="button" key={s} class={status === s ? 'current' : ''} data-testid={`stays-${s}`} onClick={() => setStatus(s)}>
            {t(`status.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={list.error} />
      {list.page && !list.items.length ? <p class="muted">{t('org.rate.none')}</p> : null}
      <ul class="cards">
        {list.items.map((b) => (
          <li key={b.id} class="item org-stay" data-testid={`stay-${b.reference}`}>
            <div>
              <strong>{b.reference}</strong> · {b.base.name}
            </div>
            <div class="muted">
              {b.startDate} → {b.endDate} · {t('batch.headcount')} {b.headcount} · {t(`status.${b.status}`)}
            </div>
            {b.feedback ? (
              <Given scores={b.feedback} />
            ) : rating === b.id ? (
              <RateForm batchId={b.id} onRated={list.reload} />
            ) : (
              <button type="button" class="primary rate-open" data-testid="rate-open" onClick={() => setRating(b.id)}>
                {t('org.rate.give')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <PageFooter shown={list.items.length} page={list.page} more={list.more} />
    </Section>
  );
}

function Given({ scores }: { scores: Scores & { comment: string | null } }) {
  return (
    <div class="given" data-testid="rated">
      <span class="ok">{t('org.rate.given')}:</span>{' '}
      {SCORES.map((k) => (
        <span key={k} class="score" data-score={k}>
          {t(`score.${k}`)} {'★'.repeat(scores[k])}
          {'☆'.repeat(5 - scores[k])}
        </span>
      ))}
      {scores.comment ? <div class="muted">“{scores.comment}”</div> : null}
    </div>
  );
}

function RateForm({ batchId, onRated }: { batchId: number; onRated: () => void }) {
  const [scores, setScores] = useState<Partial<Scores>>({});
  const [comment, setComment] = useState('');
  const send = async () => {
    await gql(RATE, { i: { batchId, ...scores, comment: comment || null } });
    onRated();
  };
  return (
    <Form onSubmit={send} submitLabel={t('org.rate.send')} testId="rate-form" done={t('org.rate.thanks')}>
      <div class="scores">
        {SCORES.map((k) => (
          <fieldset key={k} class="stars" data-score={k}>
            <legend>{t(`score.${k}`)}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} class={(scores[k] ?? 0) >= n ? 'on' : ''}>
                <input type="radio" name={`${batchId}-${k}`} value={n} required checked={scores[k] === n} onChange={() => setScores((s) => ({ ...s, [k]: n }))} />
                <span aria-hidden="true">★</span>
                <span class="org-sr">{n}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <label class="field rate-comment">
        <span>{t('org.rate.comment')}</span>
        <textarea name="comment" maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
    </Form>
  );
}
