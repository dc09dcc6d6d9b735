import { gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { Loading, Section, useLoad } from '../../ui.js';

words({
  'adm.ratings': ['基地评价', 'Base ratings'],
  'adm.base': ['基地', 'Base'],
  'adm.overall': ['总体', 'Overall'],
  'adm.lodging': ['住宿', 'Lodging'],
  'adm.meals': ['餐饮', 'Meals'],
  'adm.activities': ['活动', 'Activities'],
  'adm.service': ['服务', 'Service'],
  'adm.rated': ['评价数', 'Stays rated'],
  'adm.unrated': ['暂无评价', 'Not rated yet'],
  'adm.ratingsHelp': ['各项 1–5 分的平均；评分最低的基地在前。', 'Averages of 1–5; the lowest overall first.'],
});

interface Rating {
  overall: number;
  lodging: number;
  meals: number;
  activities: number;
  service: number;
  count: number;
}
interface RatedBase {
  id: number;
  name: string;
  region: { name: string };
  rating: Rating | null;
}

const BASES = '{ bases { id name region { name } rating { overall lodging meals activities service count } } }';
const PARTS = ['lodging', 'meals', 'activities', 'service'] as const;

/** The lowest overall first (those the federation should look at), then the bases not rated yet. */
function order(a: RatedBase, b: RatedBase): number {
  if (a.rating && b.rating) return a.rating.overall - b.rating.overall;
  return a.rating ? -1 : b.rating ? 1 : a.name.localeCompare(b.name);
}

/** The overall average as a bar of five. */
function Stars({ score }: { score: number }) {
  return (
    <svg class="adm-stars" viewBox="0 0 100 12" width="100" height="12" aria-hidden="true">
      <rect x={0} y={1} width={100} height={10} rx={3} class="adm-stars-bg" />
      <rect x={0} y={1} width={(score / 5) * 100} height={10} rx={3} class="adm-stars-fill" />
    </svg>
  );
}

export function RatingsScreen() {
  const state = useLoad(() => gql<{ bases: RatedBase[] }>(BASES).then((d) => [...d.bases].sort(order)), []);
  return (
    <Section title={t('adm.ratings')} testId="ratings">
      <p class="muted">{t('adm.ratingsHelp')}</p>
      <Loading state={state}>
        {(bases) => (
          <div class="adm-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('adm.base')}</th>
                  <th>{t('adm.overall')}</th>
                  {PARTS.map((p) => (
                    <th key={p}>{t(`adm.${p}`)}</th>
                  ))}
                  <th>{t('adm.rated')}</th>
                </tr>
              </thead>
              <tbody>
                {bases.map((b) => (
                  <tr key={b.id} data-testid={`rating-${b.id}`}>
                    <td>
                      {b.name}
                      <div class="muted">{b.region.name}</div>
                    </td>
                    {b.rating ? (
                      <>
                        <td class="adm-overall" data-testid="overall">
                          <Stars score={b.rating.overall} /> {b.rating.overall.toFixed(2)}
                        </td>
                        {PARTS.map((p) => (
                          <td key={p} class="num">
                            {b.rating![p].toFixed(2)}
                          </td>
                        ))}
                        <td class="num" data-testid="count">
                          {b.rating.count}
                        </td>
                      </>
                    ) : (
                      <td colSpan={6} class="muted">
                        {t('adm.unrated')}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loading>
    </Section>
  );
}
