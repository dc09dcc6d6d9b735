import { createHash } from 'node:crypto';

/**
 * A self-contained GraphQL explorer served at GET /graphql (in production too: there the schema view needs an admin's sign-in). Apollo's Sandbox loads
 * from a CDN, which the bases' offices and this machine often cannot reach; this page needs nothing.
 */

// The columns are minmax(0, 1fr), not 1fr: a 1fr track grows to its longest line, so the schema's
// long lines used to widen the page and carry the Run button off-screen. The panes scroll instead,
// the page never does, and the header with Run stays in view at any size.
const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-rows:auto minmax(0,1fr);height:100vh;height:100dvh;overflow:hidden}
header{padding:6px 10px;background:#1f4e79;color:#fff;display:flex;gap:6px 12px;align-items:center;flex-wrap:wrap}
.bar{display:flex;gap:6px;align-items:center;flex-wrap:wrap;min-width:0}
header input{padding:4px;width:8.5em;min-width:0}
button{padding:4px 12px;cursor:pointer}
#run{font-weight:bold}
#who{font-size:14px}#who[data-state=out]{color:#ffd7a8}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:8px;padding:8px;min-height:0;min-width:0}
section{display:flex;flex-direction:column;min-height:0;min-width:0}
textarea{resize:vertical}
textarea,pre{flex:1 1 0;min-height:0;min-width:0;font:13px ui-monospace,monospace;padding:8px;border:1px solid #ccc;margin:0;overflow:auto}
pre{white-space:pre}
#vars{flex:0 0 96px}
label{font-size:12px;color:#555;margin-top:4px}
@media (max-width:700px){
main{grid-template-columns:minmax(0,1fr);grid-template-rows:minmax(0,1fr) minmax(0,1.3fr)}
#vars{flex-basis:56px}
}`;

// Who is signed in comes from `me` with the stored token, never from the sign-in having been tried:
// a refused sign-in, or a token from before a restart or a password change, shows "not signed in"
// and the API's reason.
const SCRIPT = `
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem('token') || '';
async function gql(query, variables, auth = token) {
  const headers = { 'content-type': 'application/json' };
  if (auth) headers.authorization = 'Bearer ' + auth;
  try {
    const res = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return await res.json();
  } catch (e) {
    return { errors: [{ message: 'The API did not answer: ' + e.message, extensions: { code: 'NETWORK' } }] };
  }
}
const codeOf = (r) => (r.errors && r.errors[0] && r.errors[0].extensions ? r.errors[0].extensions.code : undefined);
function signedOut(reason) {
  token = '';
  sessionStorage.removeItem('token');
  $('who').dataset.state = 'out';
  $('who').textContent = reason ? 'not signed in: ' + reason : 'not signed in';
  $('logout').hidden = true;
}
async function refresh() {
  if (!token) return signedOut();
  $('who').dataset.state = 'checking';
  $('who').textContent = 'checking…';
  const r = await gql('{ me { username role } }');
  if (r.data && r.data.me) {
    $('who').dataset.state = 'in';
    $('who').textContent = 'signed in as ' + r.data.me.username + ' (' + r.data.me.role + ')';
    $('logout').hidden = false;
  } else if (codeOf(r) === 'UNAUTHENTICATED') {
    signedOut(r.errors[0].message);
  } else {
    // The API is down or failing: the token may still be good, so it is kept.
    $('who').dataset.state = 'unknown';
    $('who').textContent = 'sign-in unknown: ' + (r.errors ? r.errors[0].message : 'no answer');
  }
}
$('signin').onsubmit = async (e) => {
  e.preventDefault();
  // Signing in replaces the session: a refused attempt leaves nobody signed in, not the previous user.
  signedOut();
  $('who').dataset.state = 'checking';
  $('who').textContent = 'signing in…';
  const r = await gql('mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken user{username role}}}', { u: $('user').value, p: $('pass').value }, '');
  if (r.data && r.data.login) {
    token = r.data.login.accessToken;
    sessionStorage.setItem('token', token);
    $('out').textContent = JSON.stringify({ data: { login: { user: r.data.login.user } } }, null, 2);
    await refresh();
  } else {
    $('out').textContent = JSON.stringify(r, null, 2);
    signedOut(r.errors ? r.errors[0].message : 'no answer');
  }
};
$('logout').onclick = () => signedOut();
$('run').onclick = async () => {
  let vars = {};
  try { vars = JSON.parse($('vars').value || '{}'); } catch (e) { $('out').textContent = 'Variables are not valid JSON: ' + e.message; return; }
  $('out').textContent = '…';
  const r = await gql($('query').value, vars);
  $('out').textContent = JSON.stringify(r, null, 2);
  // A token refused mid-session (restart, password change, deactivation) shows at once in the header.
  if (token && (r.errors || []).some((x) => x.extensions && x.extensions.code === 'UNAUTHENTICATED')) await refresh();
};
const TYPE = 'name kind ofType{name kind ofType{name kind ofType{name kind ofType{name kind}}}}';
const ref = (t) => (t.kind === 'NON_NULL' ? ref(t.ofType) + '!' : t.kind === 'LIST' ? '[' + ref(t.ofType) + ']' : t.name);
const doc = (d, pad) => (d ? pad + '# ' + d.replace(/\\n/g, ' ') + '\\n' : '');
$('schema').onclick = async () => {
  const r = await gql('{__schema{types{name kind description fields{name description args{name type{' + TYPE + '}} type{' + TYPE + '}} inputFields{name description type{' + TYPE + '}} enumValues{name description}}}}');
  if (!r.data) { $('out').textContent = JSON.stringify(r, null, 2); return; }
  const order = { OBJECT: 0, INPUT_OBJECT: 1, ENUM: 2, SCALAR: 3 };
  $('out').textContent = r.data.__schema.types
    .filter((t) => !t.name.startsWith('__') && t.kind in order)
    .sort((a, b) => (a.name === 'Query' ? -2 : a.name === 'Mutation' ? -1 : order[a.kind]) - (b.name === 'Query' ? -2 : b.name === 'Mutation' ? -1 : order[b.kind]) || a.name.localeCompare(b.name))
    .map((t) => {
      const head = doc(t.description, '') + { OBJECT: 'type ', INPUT_OBJECT: 'input ', ENUM: 'enum ', SCALAR: 'scalar ' }[t.kind] + t.name;
      if (t.kind === 'SCALAR') return head;
      const body = (t.fields || t.inputFields || []).map((f) => doc(f.description, '  ') + '  ' + f.name + (f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + ref(a.type)).join(', ') + ')' : '') + ': ' + ref(f.type))
        .concat((t.enumValues || []).map((v) => '  ' + v.name + (v.description ? '   # ' + v.description : '')));
      return head + ' {\\n' + body.join('\\n') + '\\n}';
    })
    .join('\\n\\n');
};
document.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key === 'Enter') $('run').click(); });
refresh();
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page's own policy: its one inline script and style (by hash), requests to this origin, nothing else. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const EXPLORER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>疗休养 bases — GraphQL explorer</title>
<style>${STYLE}</style></head><body>
<header><b>GraphQL explorer</b>
<span class="bar"><button id="run" title="Ctrl+Enter">Run ▶</button><button id="schema">Schema</button></span>
<form id="signin" class="bar"><input id="user" placeholder="username" value="organiser" autocomplete="username" aria-label="username"><input id="pass" type="password" placeholder="password" value="demo1234" autocomplete="current-password" aria-label="password">
<button id="login">Sign in</button><button id="logout" type="button" hidden>Sign out</button><span id="who" role="status" aria-live="polite"></span></form></header>
<main><section><label for="query">Query</label><textarea id="query" spellcheck="false">query {
  bases { id name county packages { id name nights pricePerPerson } }
}</textarea><label for="vars">Variables (JSON)</label><textarea id="vars" spellcheck="false">{}</textarea></section>
<section><label>Result</label><pre id="out"></pre></section></main>
<script>${SCRIPT}</script></body></html>`;
