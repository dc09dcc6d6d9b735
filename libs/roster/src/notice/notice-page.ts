import type { PublishedRoster } from '../roster-workflow/roster-workflow.service.js';
import { ParticipantCategory } from '../participant/participant.entity.js';
import { RosterStatus } from '../roster-state/roster-status.js';

/** The enum's Chinese labels (its GraphQL descriptions), as the union's own forms say them. */
const CATEGORY_LABELS: Record<ParticipantCategory, string> = { MODEL_WORKER: '劳模', FRONTLINE_WORKER: '一线职工', OTHER: '其他' };

/** Every value that comes from the data goes through here: a name like <script> is shown as text. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** 2026-05-04 → 2026年5月4日 */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:16px;line-height:1.6;color:#1a1a1a;background:#f6f6f4}
main{max-width:640px;margin:0 auto;background:#fff;border:1px solid #ddd;border-radius:8px;padding:16px}
h1{font-size:1.35em;margin:0 0 4px;color:#b3121d}
.sub{margin:0 0 12px;color:#555;font-size:.95em}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0 0 16px}
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.95em}
th,td{border-bottom:1px solid #e3e3e3;padding:8px 4px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f0f0ee;font-weight:600}
th.n,td.n{width:2.8em;white-space:nowrap;color:#777}th.m,td.m{width:5.5em}th.c,td.c{width:5em}
.note{margin:16px 0 0;padding:12px;background:#fff6e5;border-left:4px solid #e0a000;border-radius:4px}
.note p{margin:0 0 6px}.note p:last-child{margin:0}
footer{margin-top:12px;color:#777;font-size:.85em}
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The posted list as a plain page: readable without script, on a phone first. */
export function renderNoticePage(notice: PublishedRoster): string {
  const union = escapeHtml(notice.unionName);
  const cleared = notice.status === RosterStatus.CLEARED;
  const rows = notice.people
    .map(
      (p, i) =>
        `<tr><td class="n">${i + 1}</td><td class="m">${escapeHtml(p.name)}</td><td>${escapeHtml(p.employer)}</td><td class="c">${escapeHtml(CATEGORY_LABELS[p.category as ParticipantCategory] ?? p.category)}</td></tr>`,
    )
    .join('\n');
  const objections = cleared
    ? `<p>公示期已于${chineseDate(dayBefore(notice.clearsOn))}结束，名单无异议。</p>`
    : `<p>公示期至<strong>${chineseDate(dayBefore(notice.clearsOn))}</strong>，${chineseDate(notice.clearsOn)}起公示结束。</p>
<p>如有异议，请于公示期内联系<strong>${union}</strong>反映。</p>`;
  return page(
    `疗休养人员名单公示 · ${notice.unionName}`,
    `<h1>疗休养人员名单公示</h1>
<p class="sub">${union} · 批次 ${escapeHtml(notice.batchReference)}</p>
<dl>
<dt>疗休养基地</dt><dd>${escapeHtml(notice.baseName)}</dd>
<dt>组织单位</dt><dd>${union}</dd>
<dt>疗休养日期</dt><dd>${chineseDate(notice.startDate)}入住，${chineseDate(notice.endDate)}离开</dd>
<dt>公示日期</dt><dd>${chineseDate(notice.publishedOn)}</dd>
<dt>人数</dt><dd>${notice.people.length} 人</dd>
</dl>
<table>
<thead><tr><th class="n">序号</th><th class="m">姓名</th><th>工作单位</th><th class="c">类别</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="note">
${objections}
</div>
<footer>姓名已作部分隐藏，仅供公示使用。</footer>`,
  );
}

/** The answer for a link that no longer leads anywhere. */
export function renderNoticeGone(): string {
  return page(
    '公示已撤下',
    `<h1>该公示已不再公示</h1>
<p>此链接对应的名单目前没有公示：可能因收到异议、批次取消或过期而已撤下，或链接不完整。</p>
<p>请向发布公示的工会核实。</p>`,
  );
}
