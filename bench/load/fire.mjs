// The load generator, in its own process so its work does not share a core's event loop with the
// server it measures: autocannon on one URL, one JSON line out. Each answer is read and sorted as
// ok (the field asked for came back), refused (a typed error named in `refusal`) or failed.
//
//   node bench/load/fire.mjs '{"url":…,"connections":32,"seconds":10,"body":{…},"token":…,"okField":"requestBatch","refusal":"CAPACITY_EXCEEDED"}'
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
let ok = 0;
let refused = 0;
let failed = 0;
let firstFailure = null;
const okMark = `"${o.okField}":`;
const result = await autocannon({
  url: o.url,
  connections: o.connections,
  duration: o.seconds,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
      body: JSON.stringify(o.body),
      onResponse: (status, body) => {
        // A GraphQL error answer carries "errors"; a data answer with the field is the success.
        if (status === 200 && !body.includes('"errors"') && body.includes(okMark)) ok++;
        else if (o.refusal && body.includes(o.refusal)) refused++;
        else {
          failed++;
          firstFailure ??= `${status} ${body.slice(0, 300)}`;
        }
      },
    },
  ],
});
const answered = ok + refused;
process.stdout.write(
  JSON.stringify({
    perSecond: answered / o.seconds,
    okPerSecond: ok / o.seconds,
    ok,
    refused,
    failed,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    firstFailure,
  }) + '\n',
);
