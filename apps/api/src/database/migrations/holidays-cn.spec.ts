import { existsSync, readFileSync } from 'node:fs';
import { cn2026Days } from './holidays-cn.js';

/** The published file beside the clone (../shared/data); the migration carries its own copy of the days. */
const PUBLISHED = '../shared/data/holidays-cn-2026.json';

describe('the 2026 working calendar the migration seeds', () => {
  const seeded = cn2026Days();

  it('has 33 public holidays and 6 make-up working days, each day once, make-up days on weekends', () => {
    expect(seeded.filter((d) => d.kind === 'HOLIDAY')).toHaveLength(33);
    const makeUp = seeded.filter((d) => d.kind === 'MAKEUP_WORKDAY');
    expect(makeUp).toHaveLength(6);
    expect(new Set(seeded.map((d) => d.date)).size).toBe(seeded.length);
    for (const d of makeUp) expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
  });

  (existsSync(PUBLISHED) ? it : it.skip)('matches the State Council’s arrangement as published', () => {
    const file = JSON.parse(readFileSync(PUBLISHED, 'utf8')) as { holidays: Array<{ name: string; from: string; to: string }>; makeUpWorkingDays: Array<{ date: string; for: string }> };
    const expected: string[] = [];
    for (const h of file.holidays) {
      for (let d = new Date(`${h.from}T00:00:00Z`); d <= new Date(`${h.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) expected.push(`${d.toISOString().slice(0, 10)} ${h.name} HOLIDAY`);
    }
    for (const m of file.makeUpWorkingDays) expected.push(`${m.date} ${m.for} MAKEUP_WORKDAY`);
    expect(seeded.map((d) => `${d.date} ${d.name} ${d.kind}`)).toEqual(expected.sort());
  });
});
