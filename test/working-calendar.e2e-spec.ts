import { jest } from '@jest/globals';
import { Holiday } from '@app/base';
import { addDays, Clock, SweepScheduler, todayInShanghai } from '@app/shared';
import { DataSource, In } from 'typeorm';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const YEAR = 'query($y:Int!){holidays(year:$y){date name kind}}';
const SET_YEAR = 'mutation($y:Int!,$d:[CalendarDayInput!]!){setHolidayYear(year:$y,days:$d){date name kind}}';
const ADD = 'mutation($d:Date!,$n:String!,$k:DayKind){addHoliday(date:$d,name:$n,kind:$k){date name kind}}';
const MOVE = (name: string) => `mutation($b:Int!){${name}(batchId:$b){rosterStatus rosterPublishedOn rosterClearsOn}}`;

/** The working calendar: public holidays and make-up working days (调休), kept by the admin and counted by notice periods. */
describe(`working calendar (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let approver: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { publication: true });
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-c', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    approver = await t.login('approver-c', 'approver-pass-1');
  });
  afterAll(() => t.close());

  it('comes with 2026 as the State Council published it', async () => {
    const days = (await t.ok<any>(YEAR, { y: 2026 }, w.unionA.organiser)).holidays as Array<{ date: string; name: string; kind: string }>;
    expect(days.filter((d) => d.kind === 'HOLIDAY')).toHaveLength(33);
    expect(days.filter((d) => d.kind === 'MAKEUP_WORKDAY').map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', name: '国庆节', kind: 'HOLIDAY' });
  });

  it('the admin sets a year in one call, refused whole on bad input; others may not', async () => {
    const year = [
      { date: '2030-01-01', name: '元旦', kind: 'HOLIDAY' },
      { date: '2030-02-02', name: '春节', kind: 'MAKEUP_WORKDAY' }, // a Saturday
    ];
    expect(errorCode(await t.gql(SET_YEAR, { y: 2030, d: year }, w.unionA.organiser))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET_YEAR, { y: 2030, d: year }, approver))).toBe('FORBIDDEN');
    const refused: Array<[unknown[], string]> = [
      [[...year, { date: '2031-01-01', name: '元旦', kind: 'HOLIDAY' }], 'days[2].date'],
      [[...year, { date: '2030-02-04', name: '春节', kind: 'MAKEUP_WORKDAY' }], 'days[2].date'], // a Monday
      [[...year, { date: '2030-02-02', name: '春节', kind: 'HOLIDAY' }], 'days[2].date'], // a holiday on the make-up day
      [[...year, { date: '2030-05-01', name: '  ', kind: 'HOLIDAY' }], 'days[2].name'],
    ];
    for (const [days, field] of refused) {
      const res = await t.gql(SET_YEAR, { y: 2030, d: days }, w.admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await t.ok<any>(YEAR, { y: 2030 }, w.admin)).holidays).toEqual([]);
    expect((await t.ok<any>(SET_YEAR, { y: 2030, d: year }, w.admin)).setHolidayYear).toEqual(year);
    // Setting it again replaces the set.
    const corrected = [{ date: '2030-01-01', name: '元旦节', kind: 'HOLIDAY' }];
    expect((await t.ok<any>(SET_YEAR, { y: 2030, d: corrected }, w.admin)).setHolidayYear).toEqual(corrected);
    // Other years are untouched.
    expect((await t.ok<any>(YEAR, { y: 2026 }, w.admin)).holidays).toHaveLength(39);
  });

  it('the admin corrects or removes one day', async () => {
    expect(errorCode(await t.gql(ADD, { d: '2030-03-02', n: '调休', k: 'MAKEUP_WORKDAY' }, w.unionA.organiser))).toBe('FORBIDDEN');
    const weekday = await t.gql(ADD, { d: '2030-03-04', n: '调休', k: 'MAKEUP_WORKDAY' }, w.admin);
    expect(weekday.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect((await t.ok<any>(ADD, { d: '2030-03-02', n: '调休', k: 'MAKEUP_WORKDAY' }, w.admin)).addHoliday).toEqual({ date: '2030-03-02', name: '调休', kind: 'MAKEUP_WORKDAY' });
    // Without a kind it is a holiday, as before; the same day again corrects it.
    expect((await t.ok<any>(ADD, { d: '2030-03-02', n: '补假' }, w.admin)).addHoliday).toEqual({ date: '2030-03-02', name: '补假', kind: 'HOLIDAY' });
    expect((await t.ok<any>('mutation($d:Date!){removeHoliday(date:$d)}', { d: '2030-03-02' }, w.admin)).removeHoliday).toBe(true);
    expect((await t.ok<any>('mutation($d:Date!){removeHoliday(date:$d)}', { d: '2030-03-02' }, w.admin)).removeHoliday).toBe(false);
  });

  it('a list posted the day before 国庆 clears after Oct 8, 9 and the make-up Saturday 10', async () => {
    const batch = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 10), headcount: 2 } }, w.unionA.organiser)).requestBatch;
    await t.ok(ADD_PARTICIPANTS, { b: batch.id, p: [person(700_001), person(700_002)] }, w.unionA.organiser);
    await t.ok(MOVE('submitRoster'), { b: batch.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: batch.id }, approver);
    // Posted on Wednesday 30 September 2026 (the roster workflow reads the injected clock).
    const clock = t.get(Clock);
    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-09-30T10:00:00+08:00'));
    try {
      const published = (await t.ok<any>(MOVE('publishRoster'), { b: batch.id }, approver)).publishRoster;
      // 3 working days: Thu 8, Fri 9 and the make-up Saturday 10 October (weekends only would say 5 October).
      expect(published).toMatchObject({ rosterStatus: 'PUBLISHED', rosterPublishedOn: '2026-09-30', rosterClearsOn: '2026-10-11' });
    } finally {
      now.mockRestore();
    }
    const sweeps = t.get(SweepScheduler);
    await sweeps.runAll(new Date('2026-10-10T12:00:00+08:00'));
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){rosterStatus}}', { id: batch.id }, w.admin)).batch.rosterStatus).toBe('PUBLISHED');
    await sweeps.runAll(new Date('2026-10-11T00:30:00+08:00'));
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){rosterStatus}}', { id: batch.id }, w.admin)).batch.rosterStatus).toBe('CLEARED');
  });

  it('a booking judges by the calendar as it is, whether it changed here or through another process', async () => {
    const today = todayInShanghai();
    const tomorrow = addDays(today, 1);
    const earliest = async (startDate: string): Promise<string> => {
      const res = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount: 1 } }, w.unionA.organiser);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', field: 'startDate' });
      return res.errors![0].extensions!.earliestStartDate as string;
    };
    const before = await earliest(tomorrow);
    // Every day up to that date becomes a holiday, through this process: the next booking sees it.
    const days: string[] = [];
    for (let d = tomorrow; d <= before; d = addDays(d, 1)) days.push(d);
    for (const d of days) await t.ok(ADD, { d, n: '测试假' }, w.admin);
    const later = await earliest(tomorrow);
    expect(later > before).toBe(true);
    // Another API process removes them: it writes the rows and raises the calendar's version in one
    // transaction (HolidayService), which is all this process needs to read the calendar again.
    const db = t.get(DataSource);
    await db.transaction(async (em) => {
      await em.delete(Holiday, { date: In(days) });
      await em.query('UPDATE calendar_version SET version = version + 1 WHERE id = 1');
    });
    expect(await earliest(tomorrow)).toBe(before);
  });
});
