import type { AllotmentNight } from './allotment.entity.js';

/** Consecutive rows (already in date order) with the same key, as runs of nights. */
export function runs<K>(rows: AllotmentNight[], keyOf: (r: AllotmentNight) => K): Array<{ key: K; nights: string[] }> {
  const out: Array<{ key: K; nights: string[] }> = [];
  for (const r of rows) {
    const key = keyOf(r);
    const last = out[out.length - 1];
    if (last && last.key === key) last.nights.push(r.night);
    else out.push({ key, nights: [r.night] });
  }
  return out;
}
