/** Money is integer fen (1 yuan = 100 fen) everywhere inside; yuan strings only at the edge. */
export type Fen = number;

/** The largest amount we accept: 10 billion yuan, far inside Number's exact integer range. */
export const MAX_FEN = 1_000_000_000_000;

const YUAN_RE = /^(-)?(\d{1,11})(?:\.(\d{1,2}))?$/;

/** "3980.5" → 398050; null when the text is not a yuan amount with at most two decimals. */
export function parseYuan(text: string): Fen | null {
  const m = YUAN_RE.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return null;
  return m[1] ? -fen : fen;
}

/** 398050 → "3980.50". */
export function formatYuan(fen: Fen | bigint | string): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}
