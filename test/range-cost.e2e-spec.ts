import { addDays } from '@app/shared';
import request from 'supertest';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

const CALENDARS = (aliases: number) =>
  `query($id:Int!,$f:Date!,$t:Date!){ base(id:$id) { ${Array.from({ length: aliases }, (_, i) => `c${i}: calendar(from:$f,to:$t){date totalBeds reservedBeds closed}`).join(' ')} } }`;

/** The cost limit counts the days a date range asks for, so aliased year-long calendars cannot tie up the server. */
describe(`date ranges in the cost limit (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const post = (query: string, variables: Record<string, unknown>) =>
    request(t.url).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${w.admin}`).send({ query, variables });

  it('refuses 15 aliased 366-night calendars (variables) before running any, as the cost limit does', async () => {
    const started = Date.now();
    const res = await post(CALENDARS(15), { id: w.baseA.id, f: w.start, t: addDays(w.start, 365) });
    const took = Date.now() - started;
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    // 15 calendars × 366 days × 4 fields a day.
    expect(res.body.errors).toEqual([
      {
        message: 'Request too large: Query Cost limit of 5000 exceeded, found 21960: each date range counts its days × the fields asked per day; ask for fewer days, fields or aliases',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    expect(took).toBeLessThan(500);
  });

  it('counts inline literals, fragments and nested day rows the same way', async () => {
    const to = addDays(w.start, 365);
    const literal = await post(
      `{ base(id: ${w.baseA.id}) { a: calendar(from: "${w.start}", to: "${to}") { ...day } b: calendar(from: "${w.start}", to: "${to}") { ...day } c: calendar(from: "${w.start}", to: "${to}") { ...day } d: calendar(from: "${w.start}", to: "${to}") { ...day } } } fragment day on CapacityDay { date totalBeds reservedBeds closed }`,
      {},
    );
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0].message).toMatch(/found 5856:/);
    // availability: each base's nights are the day rows (3 fields), a year of them 1,098; five aliases 5,490.
    const availability = Array.from({ length: 5 }, (_, i) => `a${i}: availability(from:$f,to:$t,headcount:10){ fits base { name } nights { date availableBeds closed } }`).join(' ');
    const res = await post(`query($f:Date!,$t:Date!){ ${availability} }`, { f: w.start, t: to });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/found 5490:/);
  });

  it('still answers ordinary range queries: a year of a calendar, three calendars, a month of availability, three years of statistics', async () => {
    const year = await post(CALENDARS(3), { id: w.baseA.id, f: w.start, t: addDays(w.start, 365) });
    expect(year.status).toBe(200);
    expect(year.body.data.base.c2).toHaveLength(366);
    const month = await post(`query($f:Date!,$t:Date!){ availability(from:$f,to:$t,headcount:10){ fits base { name packages { id name } } nights { date availableBeds closed } } }`, {
      f: w.start,
      t: addDays(w.start, 29),
    });
    expect(month.status).toBe(200);
    expect(month.body.data.availability[0].nights).toHaveLength(30);
    const stats = await post(`query($f:Date!,$t:Date!){ statistics(from:$f,to:$t,groupBy:BASE){ rows { label current { batches personVisits consumption } } total { current { batches } } } }`, {
      f: addDays(w.start, -1095),
      t: w.start,
    });
    expect(stats.status).toBe(200);
    expect(stats.body.errors).toBeUndefined();
  });
});
