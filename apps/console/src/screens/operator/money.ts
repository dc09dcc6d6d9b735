/** Money as the API writes it ("-38.50") to fen and back, so sums are exact: no floats on money. */
export function toFen(yuan: string): number {
  const negative = yuan.trim().startsWith('-');
  const [whole, part = ''] = yuan.trim().replace(/^[-+]/, '').split('.');
  const fen = Number(whole || '0') * 100 + Number(part.padEnd(2, '0').slice(0, 2));
  return negative ? -fen : fen;
}

export function fenToYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function yuanSum(amounts: string[]): string {
  return fenToYuan(amounts.reduce((sum, a) => sum + toFen(a), 0));
}
