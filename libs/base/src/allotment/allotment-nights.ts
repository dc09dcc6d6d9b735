import type { RequestContext } from '@app/shared';
import type { EntityManager } from 'typeorm';
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

export function requireTx(ctx: RequestContext): EntityManager {
  if (!ctx.em) throw new Error('Allotment changes must run inside a transaction (TransactionRunner.transaction)');
  return ctx.em;
}
