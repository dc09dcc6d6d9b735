import { RosterStatus } from '../roster-state/roster-status.js';
import { escapeHtml, renderNoticeGone, renderNoticePage } from './notice-page.js';

const NOTICE = {
  batchReference: 'RR261224-ABC',
  unionName: '白云区总工会 <b>',
  baseName: '从化温泉基地',
  startDate: '2026-12-24',
  endDate: '2026-12-27',
  status: RosterStatus.PUBLISHED,
  publishedOn: '2026-12-04',
  clearsOn: '2026-12-10',
  people: [{ name: '张*明', employer: '"引号" & \'单引号\'', category: 'MODEL_WORKER' }],
};

describe('the notice page as HTML', () => {
  it('escapes every value from the data', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    const html = renderNoticePage(NOTICE);
    expect(html).toContain('白云区总工会 &lt;b&gt;');
    expect(html).toContain('&quot;引号&quot; &amp; &#39;单引号&#39;');
    expect(html).not.toContain('<b>');
  });

  it('says until when objections are heard, and that a cleared list had none', () => {
    const open = renderNoticePage(NOTICE);
    expect(open).toContain('公示期至<strong>2026年12月9日</strong>，2026年12月10日起公示结束。');
    expect(open).toContain('如有异议，请于公示期内联系<strong>白云区总工会 &lt;b&gt;</strong>反映。');
    expect(open).toContain('2026年12月24日入住，2026年12月27日离开');
    expect(open).toContain('<td class="c">劳模</td>');
    const cleared = renderNoticePage({ ...NOTICE, status: RosterStatus.CLEARED, clearsOn: '2027-01-01' });
    expect(cleared).toContain('公示期已于2026年12月31日结束，名单无异议。');
    expect(cleared).not.toContain('如有异议');
  });

  it('has a page in Chinese for a link that leads nowhere', () => {
    expect(renderNoticeGone()).toContain('<html lang="zh-CN">');
    expect(renderNoticeGone()).toContain('该公示已不再公示');
  });
});
