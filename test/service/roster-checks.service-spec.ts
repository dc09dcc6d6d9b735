import { BatchLifecycleService } from '@app/booking';
import { DocumentType, ParticipantEditService } from '@app/roster';
import { addDays } from '@app/shared';
import { mainlandId } from '../support/people.js';
import { Fixtures, type TestBase, type TestUnion, worker } from '../support/service-fixtures.js';
import { DB_KIND } from '../support/test-app.js';
import { domainError, listProblems, type ServiceHarness, startServiceHarness } from '../support/service-harness.js';

/** The rooming list's checks, on the participant service over a real database: documents, duplicates, overlaps, the yearly days. */
describe(`roster checks, service tier (${DB_KIND})`, () => {
  let h: ServiceHarness;
  let f: Fixtures;
  let participants: ParticipantEditService;
  let baseA: TestBase;
  let baseB: TestBase;
  let unionA: TestUnion;
  let unionB: TestUnion;
  /** A union whose people may stay all year: its lists meet only the document, duplicate and overlap checks. */
  let roomy: TestUnion;

  beforeAll(async () => {
    h = await startServiceHarness();
    f = new Fixtures(h);
    participants = h.get(ParticipantEditService);
    [baseA, baseB] = [await f.base(), await f.base()];
    [unionA, unionB, roomy] = [await f.union(), await f.union(), await f.union({ policy: { maxDaysPerYear: 366 } })];
  });
  afterAll(() => h.close());

  /** Days from today, all within one calendar year (next year's January when the year is nearly over). */
  const day = (k: number) => {
    const start = addDays(f.today, 60).slice(0, 4) === f.today.slice(0, 4) ? addDays(f.today, 20) : `${Number(f.today.slice(0, 4)) + 1}-01-20`;
    return addDays(start, k);
  };
  const count = (batchId: number) => h.read((em) => em.query('SELECT COUNT(*) AS n FROM participant WHERE batchId = ?', [batchId])).then((rows) => Number(rows[0].n));

  it('documents: a wrong check digit, a passport number of the wrong shape and a gender the ID contradicts, every problem by index, and nothing written', async () => {
    const batch = await f.request(unionA, baseA, day(0), 4);
    const good = mainlandId(2);
    const badDigit = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const problems = await listProblems(
      participants.add(unionA.organiser, batch.id, [
        worker(1),
        worker(2, { idNumber: badDigit }),
        worker(3, { documentType: DocumentType.PASSPORT, idNumber: 'AB' }),
        worker(4, { gender: String(worker(4).gender) === 'MALE' ? ('FEMALE' as never) : ('MALE' as never) }),
      ]),
    );
    expect(problems.map(({ index, field, message }) => ({ index, field, message }))).toEqual([
      { index: 1, field: 'idNumber', message: 'the check digit (the last character) does not match the other 17: look for a typing error' },
      { index: 2, field: 'idNumber', message: 'a passport number is 6–9 letters and digits, at least one of them a digit' },
      { index: 3, field: 'gender', message: expect.stringMatching(/^does not match the resident ID number/) },
    ]);
    // The message never repeats the number.
    expect(JSON.stringify(problems)).not.toContain(badDigit);
    expect(await count(batch.id)).toBe(0);
    // Spaces and a lowercase x are the same number, normalised.
    const x = Array.from({ length: 200 }, (_, i) => mainlandId(100 + i)).find((id) => id.endsWith('X'))!;
    const [saved] = await participants.add(unionA.organiser, batch.id, [worker(1, { idNumber: ` ${x.slice(0, 6)} ${x.slice(6, 14)} ${x.slice(14).toLowerCase()}`, gender: 'MALE' as never })]);
    expect(saved.idNumberMasked.endsWith('X')).toBe(true);
  });

  it('duplicates: the same person twice in one list names the earlier entry; once on the list, adding them again is refused', async () => {
    const batch = await f.request(unionA, baseA, day(0), 5);
    const problems = await listProblems(participants.add(unionA.organiser, batch.id, [worker(10), worker(11), worker(10, { name: '另一个名字', phone: '13900000999' })]));
    expect(problems).toEqual([{ index: 2, field: 'idNumber', message: 'the same person as participants.0' }]);
    expect(await count(batch.id)).toBe(0);
    await participants.add(unionA.organiser, batch.id, [worker(10)]);
    expect(await listProblems(participants.add(unionA.organiser, batch.id, [worker(12), worker(10)]))).toEqual([
      { index: 1, field: 'idNumber', message: `already on the list of batch ${batch.reference}` },
    ]);
    expect(await count(batch.id)).toBe(1);
  });

  it('overlaps: the same person on two batches whose nights overlap, named to who may see the other batch; back to back is fine', async () => {
    // Base A, nights day(30)…day(32); base B's batch starts on its last night.
    const first = await f.request(roomy, baseA, day(30), 2);
    await participants.add(roomy.organiser, first.id, [worker(20)]);
    const overlapping = await f.request(roomy, baseB, day(32), 2);
    expect(await listProblems(participants.add(roomy.organiser, overlapping.id, [worker(21), worker(20)]))).toEqual([
      { index: 1, field: 'idNumber', message: `already booked on batch ${first.reference} (${first.startDate} → ${first.endDate}), whose nights overlap` },
    ]);
    // Base B's operator does not see base A's batch: it is only said to exist.
    expect(await listProblems(participants.add(baseB.operator, overlapping.id, [worker(20)]))).toEqual([{ index: 0, field: 'idNumber', message: 'already booked on another batch on these nights' }]);
    // Another union booking the same person is refused the same way, without the reference.
    const other = await f.request(unionB, baseB, day(31), 1);
    expect(await listProblems(participants.add(unionB.organiser, other.id, [worker(20)]))).toEqual([{ index: 0, field: 'idNumber', message: 'already booked on another batch on these nights' }]);
    // Arriving the day the first stay leaves: no night in common.
    const next = await f.request(roomy, baseB, first.endDate, 1);
    expect(await participants.add(roomy.organiser, next.id, [worker(20)])).toHaveLength(1);
  });

  it('the yearly days of the union’s policy: POLICY_VIOLATION naming the rule, the limit and the entry; a cancelled batch frees its days', async () => {
    // The default policy: 5 days a year; a 3-night stay is 4 days.
    const first = await f.request(unionA, baseA, day(40), 2);
    await participants.add(unionA.organiser, first.id, [worker(30)]);
    const second = await f.request(unionA, baseA, day(50), 2);
    const error = await domainError(participants.add(unionA.organiser, second.id, [worker(31), worker(30)]));
    expect(error.code).toBe('POLICY_VIOLATION');
    expect(error.details).toMatchObject({ rule: 'maxDaysPerYear', maxDaysPerYear: 5, field: 'participants.1.idNumber', problems: [{ field: 'participants.1.idNumber' }] });
    const year = day(40).slice(0, 4);
    expect(error.message).toBe(`Participant at index 1 would have 8 days of stays in ${year} (this batch 4, ${first.reference} (4 days)); the union's policy allows 5 per person per year`);
    expect(await count(second.id)).toBe(0);

    // Union B's organiser is told of the other batch only as a count.
    const elsewhere = await f.request(unionB, baseB, day(60), 1);
    const hidden = await domainError(participants.add(unionB.organiser, elsewhere.id, [worker(30)]));
    expect(hidden.message).toContain('(this batch 4, 1 other batch (4 days))');
    expect(hidden.message).not.toContain(first.reference);

    // Changing someone into that person: the same rule, said of this person.
    const [q] = await participants.add(unionA.organiser, second.id, [worker(31)]);
    const update = await domainError(participants.update(unionA.organiser, q.id, { idNumber: worker(30).idNumber, gender: worker(30).gender }));
    expect(update.details).toMatchObject({ rule: 'maxDaysPerYear', field: 'input.idNumber' });
    expect(update.message).toMatch(/^This person would have 8 days/);

    await h.get(BatchLifecycleService).cancel(unionA.organiser, first.id, 'plans changed');
    expect(await participants.add(unionA.organiser, second.id, [worker(30)])).toHaveLength(1);
  });
});
