import type { ValueTransformer } from 'typeorm';

/**
 * BIGINT comes back from mysql2 as a string (to stay exact past 2^53); our amounts are fen far
 * below that, so they are plain integers in code.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
