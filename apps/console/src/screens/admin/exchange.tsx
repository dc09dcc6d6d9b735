import { useState } from 'preact/hooks';
import { gql, type Me } from '../../api.js';
import { t, words } from '../../i18n.js';
import { addDays, Field, Loading, Section, today, useLoad } from '../../ui.js';
import { BarChart } from './charts.js';

words({
  'adm.balance': ['互派收支（按合作地区）', 'Exchange balance per partner'],
  'adm.region': ['本地区', 'Region'],
  'adm.partner': ['合作地区', 'Partner'],
  'adm.sent': ['派出', 'Sent'],
  'adm.received': ['接待', 'Received'],
  'adm.committed': ['待成行', 'Still to go'],
  'adm.benefits': ['优惠（派出/接待）', 'Benefits (sent / received)'],
  'adm.net': ['净派出人次', 'Net person-visits sent'],
  'adm.netAll': ['全部合作地区净派出 {n} 人次', 'Net {n} person-visits sent, all partners'],
  'adm.visits': ['{v} 人次 / {b} 批', '{v} visits / {b} batches'],
  'adm.noPartners': ['此期间没有互派往来。', 'No exchange with any partner in this period.'],
  'adm.chart.balance': ['已成行人次：派出与接待', 'Person-visits that went: sent and received'],
});

interface Flow {
  batches: number;
  personVisits: number;
  committedBatches: number;
  committedPersonVisits: number;
  benefitsGranted: string;
}
interface Balance {
  net: number;
  partners: Array<{ net: number; partnerRegion: { id: number; name: string }; sent: Flow; received: Flow }>;
}

const REGIONS = '{ regions { id code name } }';
const FLOW = '{ batches personVisits committedBatches committedPersonVisits benefitsGranted }';
const BALANCE = `query($r:Int!,$from:Date!,$to:Date!){ reciprocity(regionId:$r, from:$from, to:$to){ net partners { net partnerRegion { id name } sent ${FLOW} received ${FLOW} } } }`;

/** The federation picks any region; a regional partner sees their own region's balance only (the API's rule too). */
export function ExchangeScreen({ me }: { me: Me }) {
  const regions = useLoad(
    () => gql<{ regions: Array<{ id: number; code: string; name: string }> }>(REGIONS).then((d) => (me.role === 'PARTNER' ? d.regions.filter((r) => r.id === me.regionId) : d.regions)),
    [me.role, me.regionId],
  );
  return <Loading state={regions}>{(list) => <BalanceOf regions={list} />}</Loading>;
}

/** Past stays and the ones still to come: a year back and a year ahead by default. */
function BalanceOf({ regions }: { regions: Array<{ id: number; code: string; name: string }> }) {
  // The federation this console serves is Yunfu's: its region first, any other on request.
  const [regionId, setRegionId] = useState(String((regions.find((r) => r.code === 'YF') ?? regions[0]).id));
  const [from, setFrom] = useState(addDays(today(), -365));
  const [to, setTo] = useState(addDays(today(), 365));
  const state = useLoad(() => gql<{ reciprocity: Balance }>(BALANCE, { r: Number(regionId), from, to }).then((d) => d.reciprocity), [regionId, from, to]);
  return (
    <Section title={t('adm.balance')} testId="exchange-balance">
      <div class="row">
        <label class="field">
          <span>{t('adm.region')}</span>
          <select name="region" value={regionId} onChange={(e) => setRegionId(e.currentTarget.value)}>
            {regions.map((r) => (
              <option key={r.id} value={String(r.id)}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('common.from')} name="from" type="date" value={from} set={setFrom} />
        <Field label={t('common.to')} name="to" type="date" value={to} set={setTo} />
      </div>
      <Loading state={state}>
        {(b) =>
          b.partners.length ? (
            <>
              <p data-testid="net-all">
                <strong>{t('adm.netAll', { n: b.net })}</strong>
              </p>
              <BarChart
                rows={b.partners.map((p) => ({ key: String(p.partnerRegion.id), label: p.partnerRegion.name, value: p.sent.personVisits, other: p.received.personVisits }))}
                format={(n) => String(n)}
                legend={[t('adm.sent'), t('adm.received')]}
                testId="chart-balance"
                title={t('adm.chart.balance')}
              />
              <div class="adm-scroll">
                <table>
                  <thead>
                    <tr>
                      <th>{t('adm.partner')}</th>
                      <th>{t('adm.sent')}</th>
                      <th>{t('adm.received')}</th>
                      <th>{t('adm.committed')}</th>
                      <th>{t('adm.benefits')}</th>
                      <th>{t('adm.net')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.partners.map((p) => (
                      <tr key={p.partnerRegion.id} data-testid={`partner-${p.partnerRegion.id}`}>
                        <td>{p.partnerRegion.name}</td>
                        <td class="num">{t('adm.visits', { v: p.sent.personVisits, b: p.sent.batches })}</td>
                        <td class="num">{t('adm.visits', { v: p.received.personVisits, b: p.received.batches })}</td>
                        <td class="num">
                          {p.sent.committedPersonVisits} / {p.received.committedPersonVisits}
                        </td>
                        <td class="num">
                          ¥{p.sent.benefitsGranted} / ¥{p.received.benefitsGranted}
                        </td>
                        <td class={`num ${p.net < 0 ? 'adm-neg' : ''}`} data-testid="net">
                          {p.net > 0 ? `+${p.net}` : p.net}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p class="muted">{t('adm.noPartners')}</p>
          )
        }
      </Loading>
    </Section>
  );
}
