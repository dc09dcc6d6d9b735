/**
 * Chinese first, English on request. Each screen brings its own words (`words({...})`) so a screen's
 * text sits beside its code; `t` looks a key up in the language chosen, then falls back to the key.
 */
export type Lang = 'zh' | 'en';

const LANG_KEY = 'rr-console-lang';
const dictionary = new Map<string, [zh: string, en: string]>();

let lang: Lang = (localStorage.getItem(LANG_KEY) as Lang | null) ?? 'zh';

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** Registers a screen's words: key → [Chinese, English]. */
export function words(entries: Record<string, [string, string]>): void {
  for (const [key, pair] of Object.entries(entries)) dictionary.set(key, pair);
}

/** The text for a key in the current language, `{name}` replaced from params. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const pair = dictionary.get(key);
  const text = pair ? pair[lang === 'zh' ? 0 : 1] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

words({
  'app.title': ['疗休养基地预订平台', 'R&R bases console'],
  'app.signOut': ['退出', 'Sign out'],
  'app.lang': ['English', '中文'],
  'signin.title': ['登录', 'Sign in'],
  'signin.username': ['用户名', 'Username'],
  'signin.password': ['密码', 'Password'],
  'signin.submit': ['登录', 'Sign in'],
  'signin.expired': ['登录已失效，请重新登录。', 'Your sign-in has ended; please sign in again.'],
  'role.ADMIN': ['市总工会', 'Federation'],
  'role.BASE_OPERATOR': ['基地运营', 'Base operator'],
  'role.UNION_ORGANISER': ['工会组织者', 'Union organiser'],
  'role.UNION_APPROVER': ['工会审批人', 'Union approver'],
  'role.PARTNER': ['合作地区', 'Regional partner'],
  'common.loading': ['加载中…', 'Loading…'],
  'common.save': ['保存', 'Save'],
  'common.cancel': ['取消', 'Cancel'],
  'common.confirm': ['确认', 'Confirm'],
  'common.reject': ['拒绝', 'Reject'],
  'common.reason': ['原因', 'Reason'],
  'common.from': ['从', 'From'],
  'common.to': ['至', 'To'],
  'common.more': ['加载更多', 'Load more'],
  'common.none': ['暂无', 'None'],
  'common.done': ['已完成', 'Done'],
  'common.of': ['共 {total} 条', '{total} in all'],
  'common.retry': ['重试', 'Try again'],
  'err.network': ['无法连接服务器，请检查网络后重试。', 'The server cannot be reached; check the connection and try again.'],
  'err.server': ['服务器出错（{status}），请稍后重试。', 'The server failed ({status}); try again shortly.'],
  'code.BAD_USER_INPUT': ['输入有误', 'Please check your input'],
  'code.UNAUTHENTICATED': ['请先登录', 'Please sign in'],
  'code.FORBIDDEN': ['无权操作', 'Not allowed for your account'],
  'code.NOT_FOUND': ['找不到', 'Not found'],
  'code.CAPACITY_EXCEEDED': ['床位不足', 'Not enough beds'],
  'code.INVALID_TRANSITION': ['当前状态不能这样操作', 'Not possible in its current state'],
  'code.CONFLICT': ['与现有数据冲突', 'In conflict with what is already there'],
  'code.TOO_MANY_REQUESTS': ['操作太频繁，请稍候', 'Too many attempts; wait a moment'],
  'code.POLICY_VIOLATION': ['不符合工会规定', 'Against the union policy'],
  'code.DEADLINE_PASSED': ['已过截止时间', 'The deadline has passed'],
  'code.QUOTA_EXCEEDED': ['超出协议名额', 'Beyond the agreement quota'],
  'code.SERVICE_UNAVAILABLE': ['服务暂时不可用，请稍后重试', 'The service is briefly unavailable; try again'],
  'code.NETWORK': ['网络错误', 'Network error'],
  'code.other': ['出错了', 'Something went wrong'],
});

words({
  'status.REQUESTED': ['待确认', 'Requested'],
  'status.CONFIRMED': ['已确认', 'Confirmed'],
  'status.CHECKED_IN': ['已入住', 'Checked in'],
  'status.COMPLETED': ['已离店', 'Completed'],
  'status.SETTLED': ['已结算', 'Settled'],
  'status.CANCELLED': ['已取消', 'Cancelled'],
  'status.REJECTED': ['已拒绝', 'Rejected'],
  'status.EXPIRED': ['已过期', 'Expired'],
  'roster.DRAFT': ['名单草稿', 'List draft'],
  'roster.SUBMITTED': ['待审批', 'Submitted'],
  'roster.APPROVED': ['已审批', 'Approved'],
  'roster.PUBLISHED': ['公示中', 'Posted'],
  'roster.CLEARED': ['公示期满', 'Cleared'],
  'bill.ISSUED': ['待付款', 'Issued'],
  'bill.PAID': ['已付清', 'Paid'],
  'bill.VOID': ['已作废', 'Void'],
});
