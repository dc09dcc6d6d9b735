import { addDays } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { onDay, SET_TEAM_LEADER } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/**
 * The organiser's cut-off (`rosterCutoffDays` before arrival, 3 by default) freezes who goes, on the
 * app's clock; naming the team leader is not part of it, so the organiser still does that.
 */
describe(`the roster cut-off (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let n = 60_000;
  const next = () => person(n++);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { manyDaysPerYear: true });
  });
  afterAll(() => t.close());

  it('freezes who goes from the cut-off day by the clock, but not the team leader', async () => {
    const startDate = addDays(w.start, 10);
    const frozenFrom = addDays(startDate, -3);
    const b = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount: 3 } }, w.unionA.organiser)).requestBatch;
    await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: b.id }, w.baseA.operator);
    const [first, second] = (await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: [next(), next()] }, w.unionA.organiser)).addParticipants;

    // The day before the cut-off the organiser still changes the list.
    await onDay(t, addDays(frozenFrom, -1), () => t.ok(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.unionA.organiser));
    await onDay(t, frozenFrom, async () => {
      const late = await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.unionA.organiser);
      expect(late.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', frozenFrom });
      expect(late.errors![0].message).toBe(
        `The rooming list of batch ${b.reference} is frozen for the organiser from ${frozenFrom}, 3 days before arrival; ask Test base BA's operator to make the change`,
      );
      expect(errorCode(await t.gql('mutation($id:Int!){removeParticipant(id:$id){id}}', { id: second.id }, w.unionA.organiser))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql('mutation($id:Int!,$i:UpdateParticipantInput!){updateParticipant(id:$id,input:$i){id}}', { id: second.id, i: { room: '9' } }, w.unionA.organiser))).toBe(
        'FORBIDDEN',
      );
      // Who leads them is named, and named again, up to check-in.
      expect((await t.ok<any>(SET_TEAM_LEADER, { p: first.id }, w.unionA.organiser)).setTeamLeader).toEqual({ id: first.id, teamLeader: true });
      expect((await t.ok<any>(SET_TEAM_LEADER, { p: second.id }, w.unionA.organiser)).setTeamLeader).toEqual({ id: second.id, teamLeader: true });
    });
    // On the day of arrival too; one leader at a time.
    await onDay(t, startDate, () => t.ok(SET_TEAM_LEADER, { p: first.id }, w.unionA.organiser));
    const leaders = (await t.ok<any>('query($id:Int!){batch(id:$id){participants{id teamLeader}}}', { id: b.id }, w.unionA.organiser)).batch.participants;
    expect(leaders.filter((p: any) => p.teamLeader).map((p: any) => p.id)).toEqual([first.id]);
    // Another union's organiser still cannot.
    expect(errorCode(await t.gql(SET_TEAM_LEADER, { p: first.id }, w.unionB.organiser))).toBe('NOT_FOUND');
  });

  it('a batch booked inside the cut-off: the organiser names the leader at once, the base completes the list', async () => {
    const startDate = addDays(w.start, -5);
    const b = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount: 2 } }, w.unionA.organiser)).requestBatch;
    expect(errorCode(await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.unionA.organiser))).toBe('FORBIDDEN');
    const [p] = (await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: [next(), next()] }, w.baseA.operator)).addParticipants;
    expect((await t.ok<any>(SET_TEAM_LEADER, { p: p.id }, w.unionA.organiser)).setTeamLeader.teamLeader).toBe(true);
  });
});
