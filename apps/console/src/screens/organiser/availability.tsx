import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { addDays, Field, Form, Section, today } from '../../ui.js';
import { type BookablePackage, BookBatch } from './book-batch.js';

words({
  'org.availability': ['空房查询与预订', 'Availability and booking'],
  'avail.from': ['第一晚', 'First night'],
  'avail.to': ['最后一晚', 'Last night'],
  'avail.headcount': ['人数', 'Group size'],
  'avail.search': ['查询', 'Search'],
  'avail.legend': ['每格为当晚可售床位；绿色够住，红色不够，× 为关闭。', 'Each cell is the beds free that night; green fits the group, red does not, × is closed.'],
  'avail.base': ['基地', 'Base'],
  'avail.fits': ['每晚都够', 'Fits every night'],
  'avail.short': ['最少仅 {beds} 床', 'As few as {beds} beds'],
  'avail.packages': ['适合本团的套餐', 'Packages for this group'],
  'avail.packages.none': ['没有适合这个人数和天数的套餐。', 'No package suits this group size and these nights.'],
  'avail.pkg': ['套餐', 'Package'],
  'avail.pkg.nights': ['{nights} 晚', '{nights} nights'],
  'avail.pkg.group': ['{min}–{max} 人', '{min}–{max} people'],
  'avail.pkg.size': ['晚数 · 人数', 'Nights · group'],
  'avail.pkg.perPerson': ['每人价格', 'Per person'],
  'avail.pkg.beds': ['床位', 'Beds'],
  'avail.pkg.fits': ['有床位', 'Beds free'],
  'avail.pkg.full': ['床位不足', 'Not enough beds'],
  'avail.pkg.book': ['申请', 'Request'],
});

interface Night {
  date: string;
  availableBeds: number;
  closed: boolean;
}
interface Pkg {
  id: number;
  name: string;
  nights: number;
  pricePerPerson: string;
  minGroupSize: number;
  maxGroupSize: number;
}
interface BaseAvailability {
  base: { id: number; name: string; county: string; packages: Pkg[] };
  fits: boolean;
  minAvailableBeds: number;
  nights: Night[];
}
interface Search {
  from: string;
  headcount: number;
  rows: BaseAvailability[];
}

const AVAILABILITY =
  'query($from:Date!,$to:Date!,$h:Int!){ availability(from:$from, to:$to, headcount:$h){ fits minAvailableBeds base { id name county packages { id name nights pricePerPerson minGroupSize maxGroupSize } } nights { date availableBeds closed } } }';

/** A package fits when the group's size is within it and its own nights from the first one have the beds. */
function packageFits(row: BaseAvailability, pkg: Pkg, headcount: number): boolean {
  const nights = row.nights.slice(0, pkg.nights);
  return nights.length === pkg.nights && nights.every((n) => !n.closed && n.availableBeds >= headcount);
}

export function Availability(_: { me: Me }) {
  const [from, setFrom] = useState(addDays(today(), 28));
  const [to, setTo] = useState(addDays(today(), 31));
  const [headcount, setHeadcount] = useState('30');
  const [search, setSearch] = useState<Search | null>(null);
  const [chosen, setChosen] = useState<BookablePackage | null>(null);
  const run = async () => {
    setChosen(null);
    const h = Number(headcount);
    const data = await gql<{ availability: BaseAvailability[] }>(AVAILABILITY, { from, to, h });
    setSearch({ from, headcount: h, rows: data.availability });
  };
  return (
    <>
      <Section title={t('org.availability')} testId="availability">
        <Form onSubmit={run} submitLabel={t('avail.search')} testId="availability-form">
          <div class="row">
            <Field label={t('avail.from')} name="from" type="date" value={from} set={setFrom} required />
            <Field label={t('avail.to')} name="to" type="date" value={to} set={setTo} required />
            <Field label={t('avail.headcount')} name="headcount" type="number" value={headcount} set={setHeadcount} required />
          </div>
        </Form>
        {search ? <Grid search={search} /> : null}
      </Section>
      {search ? <Packages search={search} onChoose={setChosen} /> : null}
      {chosen && search ? <BookBatch key={chosen.id} pkg={chosen} startDate={search.from} headcount={String(search.headcount)} /> : null}
    </>
  );
}

function Grid({ search }: { search: Search }) {
  const days = search.rows[0]?.nights.map((n) => n.date) ?? [];
  return (
    <>
      <p class="muted">{t('avail.legend')}</p>
      <div class="avail-scroll">
        <table class="avail-grid" data-testid="availability-grid">
          <thead>
            <tr>
              <th>{t('avail.base')}</th>
              {days.map((d) => (
                <th key={d} class="avail-night">
                  {d.slice(5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {search.rows.map((row) => (
              <tr key={row.base.id} data-testid={`avail-base-${row.base.id}`} class={row.fits ? 'fits' : 'short'}>
                <th class="avail-base">
                  {row.base.name}
                  <span class="muted"> · {row.fits ? t('avail.fits') : t('avail.short', { beds: row.minAvailableBeds })}</span>
                </th>
                {row.nights.map((n) => (
                  <td key={n.date} class={`avail-cell ${n.closed ? 'closed' : n.availableBeds >= search.headcount ? 'ok' : 'low'}`} data-date={n.date}>
                    {n.closed ? '×' : n.availableBeds}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Packages({ search, onChoose }: { search: Search; onChoose: (p: BookablePackage) => void }) {
  const span = search.rows[0]?.nights.length ?? 0;
  const suitable = search.rows.flatMap((row) =>
    row.base.packages.filter((p) => p.nights <= span && p.minGroupSize <= search.headcount && search.headcount <= p.maxGroupSize).map((p) => ({ row, p, fits: packageFits(row, p, search.headcount) })),
  );
  // Those with the beds first, then by price: the list an organiser picks from top down.
  suitable.sort((a, b) => Number(b.fits) - Number(a.fits) || Number(a.p.pricePerPerson) - Number(b.p.pricePerPerson));
  return (
    <Section title={t('avail.packages')} testId="packages">
      {!suitable.length ? <p class="muted">{t('avail.packages.none')}</p> : null}
      {suitable.length ? (
        <div class="avail-scroll">
          <table class="avail-pkgs">
            <thead>
              <tr>
                <th>{t('avail.pkg')}</th>
                <th>{t('avail.pkg.size')}</th>
                <th>{t('avail.pkg.perPerson')}</th>
                <th>{t('avail.pkg.beds')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {suitable.map(({ row, p, fits }) => (
                <tr key={p.id} data-testid={`package-${p.id}`} data-fits={String(fits)}>
                  <td>
                    <strong>{row.base.name}</strong> · {p.name}
                  </td>
                  <td>
                    {t('avail.pkg.nights', { nights: p.nights })} · {t('avail.pkg.group', { min: p.minGroupSize, max: p.maxGroupSize })}
                  </td>
                  <td>¥{p.pricePerPerson}</td>
                  <td class={fits ? 'ok' : 'avail-warn'}>{fits ? t('avail.pkg.fits') : t('avail.pkg.full')}</td>
                  <td>
                    <button type="button" class={fits ? 'primary' : ''} data-testid="choose" onClick={() => onChoose({ id: p.id, name: p.name, nights: p.nights, baseName: row.base.name })}>
                      {t('avail.pkg.book')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}
