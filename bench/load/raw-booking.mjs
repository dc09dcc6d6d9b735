// The raw reference for a hot-night booking: one mysql2 connection per client, each looping
// BEGIN; guarded range UPDATE of the nights; INSERT of the booking; COMMIT, for the same seconds
// as the API's run, on the same server. A guarded UPDATE that does not match every night is a
// refusal (ROLLBACK), as CAPACITY_EXCEEDED is for the API. One JSON line out.
//
//   node bench/load/raw-booking.mjs '{"url":"mysql://…/db","clients":32,"seconds":10,"start":"2027-01-01","nights":3}'
import mysql from 'mysql2/promise';

const o = JSON.parse(process.argv[2]);
// Opened 32 at a time: 256 at once can outrun the server's accept queue on a busy machine (ETIMEDOUT).
const connections = [];
while (connections.length < o.clients) {
  const n = Math.min(32, o.clients - connections.length);
  connections.push(...(await Promise.all(Array.from({ length: n }, () => mysql.createConnection({ uri: o.url, connectTimeout: 60_000 })))));
}
let ok = 0;
let refused = 0;
let failed = 0;
let firstFailure = null;
const deadline = Date.now() + o.seconds * 1000;
await Promise.all(
  connections.map(async (c) => {
    while (Date.now() < deadline) {
      try {
        await c.query('BEGIN');
        const [r] = await c.query('UPDATE ref_capacity SET reservedBeds = reservedBeds + 1 WHERE baseId = 1 AND night BETWEEN ? AND DATE_ADD(?, INTERVAL ? DAY) AND reservedBeds + 1 <= totalBeds', [
          o.start,
          o.start,
          o.nights - 1,
        ]);
        if (r.affectedRows !== o.nights) {
          await c.query('ROLLBACK');
          refused++;
          continue;
        }
        await c.query('INSERT INTO ref_batch (baseId, startDate, headcount) VALUES (1, ?, 1)', [o.start]);
        await c.query('COMMIT');
        ok++;
      } catch (error) {
        failed++;
        firstFailure ??= String(error).slice(0, 300);
        await c.query('ROLLBACK').catch(() => {});
      }
    }
  }),
);
await Promise.all(connections.map((c) => c.end()));
process.stdout.write(JSON.stringify({ perSecond: (ok + refused) / o.seconds, okPerSecond: ok / o.seconds, ok, refused, failed, firstFailure }) + '\n');
