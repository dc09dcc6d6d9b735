/** Rows per INSERT, and hashes or ids per `IN (…)`: well under every driver's limit on parameters. */
export const INSERT_CHUNK = 200;
export const LOOKUP_CHUNK = 500;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
