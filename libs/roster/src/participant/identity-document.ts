import { registerEnumType } from '@nestjs/graphql';

/** The identity documents a participant can travel on. */
export enum DocumentType {
  MAINLAND_ID = 'MAINLAND_ID',
  HOME_RETURN_PERMIT = 'HOME_RETURN_PERMIT',
  TAIWAN_PERMIT = 'TAIWAN_PERMIT',
  PASSPORT = 'PASSPORT',
}

registerEnumType(DocumentType, {
  name: 'DocumentType',
  description: 'The identity document a participant is registered with.',
  valuesMap: {
    MAINLAND_ID: { description: '居民身份证 (also the 港澳台居民居住证): 18 characters with a GB 11643-1999 check digit.' },
    HOME_RETURN_PERMIT: { description: '港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macau) and 8 digits, or 10 on older cards.' },
    TAIWAN_PERMIT: { description: '台湾居民来往大陆通行证 (台胞证): 8 digits.' },
    PASSPORT: { description: '护照: 6–9 letters and digits, at least one digit.' },
  },
});

/**
 * Province-level codes that open a resident ID (GB/T 2260), with 71 (Taiwan) and the 81/82/83 of
 * the residence permits issued to Hong Kong, Macau and Taiwan residents.
 */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999: the 18th character from the first 17 (ISO 7064 MOD 11-2). */
export function mainlandIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): Checked<never> => ({ ok: false, message });

function isRealDate(yyyymmdd: string, today: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` <= today;
}

/**
 * Checks and normalises a document number. Messages say which rule failed and never repeat the
 * number (or its birth date): they end up in error responses.
 */
export function checkDocumentNumber(type: DocumentType, raw: string, today: string): Checked<string> {
  const value = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!value) return fail('is required');
  switch (type) {
    case DocumentType.MAINLAND_ID: {
      if (value.length !== 18) return fail(`a resident ID number has 18 characters, not ${value.length}`);
      if (!/^\d{17}[\dX]$/.test(value)) return fail('a resident ID number is 17 digits and then a digit or X');
      if (!PROVINCE_CODES.has(value.slice(0, 2))) return fail(`the region code (first 2 digits, ${value.slice(0, 2)}) is not a province of China`);
      if (!isRealDate(value.slice(6, 14), today)) return fail('the birth date (characters 7–14) is not a real date between 1900 and today');
      if (mainlandIdCheckDigit(value) !== value[17]) return fail('the check digit (the last character) does not match the other 17: look for a typing error');
      return { ok: true, value };
    }
    case DocumentType.HOME_RETURN_PERMIT:
      return /^[HM]\d{8}(\d{2})?$/.test(value) ? { ok: true, value } : fail('a 回乡证 number is H (Hong Kong) or M (Macau) followed by 8 digits (10 on older cards)');
    case DocumentType.TAIWAN_PERMIT:
      return /^\d{8}$/.test(value) ? { ok: true, value } : fail('a 台胞证 number has 8 digits');
    case DocumentType.PASSPORT:
      return /^(?=.*\d)[A-Z0-9]{6,9}$/.test(value) ? { ok: true, value } : fail('a passport number is 6–9 letters and digits, at least one of them a digit');
  }
}

/** The sex encoded in a resident ID (17th character: odd for men). */
export function sexInMainlandId(id: string): 'MALE' | 'FEMALE' {
  return Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/** `440102********123X`: region and last four for resident IDs; first and last three otherwise. */
export function maskDocumentNumber(type: DocumentType, value: string): string {
  if (type === DocumentType.MAINLAND_ID) return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
  return value.slice(0, 1) + '*'.repeat(Math.max(value.length - 4, 1)) + value.slice(-3);
}
