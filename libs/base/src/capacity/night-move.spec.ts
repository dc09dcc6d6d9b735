import { nightRuns } from './night-move.js';

const runs = (from: [string, number], to: [string, number]) => nightRuns({ first: from[0], nights: from[1] }, { first: to[0], nights: to[1] }).map((r) => [r.sign, r.nights.join(' ')]);

describe('nightRuns: what a move does to each night, in date order', () => {
  it('later, with a gap: the old nights given back first, then the new taken', () => {
    expect(runs(['2026-10-09', 3], ['2026-10-16', 3])).toEqual([
      [-1, '2026-10-09 2026-10-10 2026-10-11'],
      [1, '2026-10-16 2026-10-17 2026-10-18'],
    ]);
  });

  it('earlier: the new nights come first in date order', () => {
    expect(runs(['2026-10-16', 3], ['2026-10-09', 3])).toEqual([
      [1, '2026-10-09 2026-10-10 2026-10-11'],
      [-1, '2026-10-16 2026-10-17 2026-10-18'],
    ]);
  });

  it('overlapping: shared nights untouched; across a month end', () => {
    expect(runs(['2026-10-30', 3], ['2026-10-31', 3])).toEqual([
      [-1, '2026-10-30'],
      [1, '2026-11-02'],
    ]);
  });

  it('a shorter package inside the old stay gives back on both sides; the same stay does nothing', () => {
    expect(runs(['2026-10-09', 5], ['2026-10-10', 2])).toEqual([
      [-1, '2026-10-09'],
      [-1, '2026-10-12 2026-10-13'],
    ]);
    expect(runs(['2026-10-09', 3], ['2026-10-09', 3])).toEqual([]);
  });
});
