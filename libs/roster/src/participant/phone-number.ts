import type { Checked } from './identity-document.js';

/**
 * Mainland mobiles are kept as their 11 digits; Hong Kong and Macau numbers with their country code
 * (`+85251234567`), which the bare 8 digits cannot tell apart.
 */
export function checkPhone(raw: string): Checked<string> {
  const value = raw.replace(/[\s\-()]/g, '');
  if (!value) return { ok: false, message: 'is required' };
  const mainland = /^(?:(?:\+|00)?86)?(1\d{10})$/.exec(value);
  if (mainland) return { ok: true, value: mainland[1] };
  const sar = /^(?:\+|00)?(852|853)(\d{8})$/.exec(value);
  if (sar) return { ok: true, value: `+${sar[1]}${sar[2]}` };
  if (/^\d{8}$/.test(value)) return { ok: false, message: 'add the country code: +852 for Hong Kong, +853 for Macau' };
  return { ok: false, message: 'a mainland mobile has 11 digits starting with 1; Hong Kong and Macau numbers are +852 or +853 and 8 digits' };
}

/** `138****5678`, `+852****5678`. */
export function maskPhone(value: string): string {
  if (value.startsWith('+')) return value.slice(0, 4) + '****' + value.slice(-4);
  return value.slice(0, 3) + '****' + value.slice(-4);
}
