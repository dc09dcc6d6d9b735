import { createHash } from 'node:crypto';

/**
 * A self-contained GraphQL explorer served at GET /graphql (in production too: there the schema view needs an admin's sign-in). Apollo's Sandbox loads
 * from a CDN, which the bases' offices and this machine often cannot reach; this page needs nothing.
 */
export const EXPLORER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>疗休养 bases — GraphQL explorer</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;grid-template-rows:auto 1fr;height:100vh}
header{padding:8px 12px;background:#1f4e79;color:#fff;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
header input{padding:4px}main{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:8px;min-height:0}
section{display:flex;flex-direction:column;min-height:0}textarea,pre{flex:1;font:13px ui-monospace,monospace;padding:8px;border:1px solid #ccc;margin:0;overflow:auto}
#vars{flex:0 0 120px}button{padding:4px 12px;cursor:pointer}label{font-size:12px;color:#555;margin-top:4px}
</style></head><body>
<header><b>GraphQL explorer</b>
<input id="user" placeholder="username" value="organiser"><input id="pass" type="password" placeholder="password" value="demo1234">
<button id="login">Sign in</button><span id="who"></span>
<span style="flex:1"></span><button id="run">Run ▶ (Ctrl+Enter)</button><button id="schema">Schema</button></header>
<main><section><label>Query</label><textarea id="query" spellcheck="false">query {
  bases { id name county packages { id name nights pricePerPerson } }
}</textarea><label>Variables (JSON)</label><textarea id="vars" spellcheck="false">{}</textarea></section>
<section><label>Result</label><pre id="out"></pre></section></main>
<script>
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem('token') || '';
const show = () => ($('who').textContent = token ? 'signed in' : 'not signed in');
async function gql(query, variables) {
  const res = await fetch(location.pathname, { method: 'POST', headers: Object.assign({ 'content-type': 'application/json' }, token ? { authorization: 'Bearer ' + token } : {}), body: JSON.stringify({ query, variables }) });
  return res.json();
}
$('login').onclick = async () => {
  const r = await gql('mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken user{username role}}}', { u: $('user').value, p: $('pass').value });
  if (r.data) { token = r.data.login.accessToken; sessionStorage.setItem('token', token); }
  $('out').textContent = JSON.stringify(r, null, 2); show();
};
$('run').onclick = async () => {
  let vars = {};
  try { vars = JSON.parse($('vars').value || '{}'); } catch (e) { $('out').textContent = 'Variables are not valid JSON: ' + e.message; return; }
  $('out').textContent = '…';
  $('out').textContent = JSON.stringify(await gql($('query').value, vars), null, 2);
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
show();
</script></body></html>`;

const inlineScript = /<script>([\s\S]*?)<\/script>/.exec(EXPLORER_HTML)![1];

/**
 * The page's own policy, stricter than helmet's default for the API: its one inline script is
 * allowed by its hash (no 'unsafe-inline' for scripts), it talks to this origin only, and nothing
 * may frame it.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
