import { checkDocumentNumber, DocumentType, mainlandIdCheckDigit, maskDocumentNumber, sexInMainlandId } from './identity-document.js';
import { checkPhone, maskPhone } from './phone-number.js';

const TODAY = '2026-11-26';
const id = (first17: string) => first17 + mainlandIdCheckDigit(first17);
const check = (type: DocumentType, value: string) => checkDocumentNumber(type, value, TODAY);

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts valid numbers, including the standard example with X and lower-case x', () => {
    expect(check(DocumentType.MAINLAND_ID, '11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(check(DocumentType.MAINLAND_ID, '11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(check(DocumentType.MAINLAND_ID, '440524188001010014')).toEqual({ ok: false, message: expect.stringContaining('birth date') });
    const valid = id('44010219900307123');
    expect(check(DocumentType.MAINLAND_ID, ` ${valid.slice(0, 6)} ${valid.slice(6)} `)).toEqual({ ok: true, value: valid });
    // Residence permits of Hong Kong, Macau and Taiwan residents share the format.
    expect(check(DocumentType.MAINLAND_ID, id('81000019880808001')).ok).toBe(true);
  });

  it('refuses a wrong check digit, naming the rule but not the number', () => {
    const valid = id('44010219900307123');
    const wrong = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    const result = check(DocumentType.MAINLAND_ID, wrong);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('check digit') });
    expect(JSON.stringify(result)).not.toContain(wrong.slice(0, 14));
  });

  it.each([
    ['30 February', '44010219900230123'],
    ['month 13', '44010219901301123'],
    ['a birth date in the future', '44010220991201123'],
    ['before 1900', '44010218991231123'],
  ])('refuses %s as birth date', (_label, first17) => {
    expect(check(DocumentType.MAINLAND_ID, id(first17))).toEqual({ ok: false, message: 'the birth date (characters 7–14) is not a real date between 1900 and today' });
  });

  it.each(['99', '00', '20', '47'])('refuses region code %s', (region) => {
    expect(check(DocumentType.MAINLAND_ID, id(`${region}010219900307123`))).toEqual({ ok: false, message: expect.stringContaining('region code') });
  });

  it('refuses the wrong length and letters', () => {
    expect(check(DocumentType.MAINLAND_ID, '4401021990030712')).toEqual({ ok: false, message: expect.stringContaining('18 characters, not 16') });
    expect(check(DocumentType.MAINLAND_ID, '4401021990030712AX')).toEqual({ ok: false, message: expect.stringContaining('17 digits') });
    expect(check(DocumentType.MAINLAND_ID, '')).toEqual({ ok: false, message: 'is required' });
  });

  it('reads the sex and masks to region and last four', () => {
    expect(sexInMainlandId(id('44010219900307123'))).toBe('MALE');
    expect(sexInMainlandId(id('44010219900307122'))).toBe('FEMALE');
    expect(maskDocumentNumber(DocumentType.MAINLAND_ID, '11010519491231002X')).toBe('110105********002X');
  });
});

describe('other documents', () => {
  it.each([
    [DocumentType.HOME_RETURN_PERMIT, 'H12345678', true],
    [DocumentType.HOME_RETURN_PERMIT, 'm1234567801', true],
    [DocumentType.HOME_RETURN_PERMIT, 'C12345678', false],
    [DocumentType.HOME_RETURN_PERMIT, 'H1234567', false],
    [DocumentType.TAIWAN_PERMIT, '12345678', true],
    [DocumentType.TAIWAN_PERMIT, '1234567', false],
    [DocumentType.PASSPORT, 'E12345678', true],
    [DocumentType.PASSPORT, 'K01234567', true],
    [DocumentType.PASSPORT, 'ABCDEFGH', false],
    [DocumentType.PASSPORT, 'E1234', false],
  ])('%s %s → %s', (type, value, ok) => {
    expect(check(type, value).ok).toBe(ok);
  });

  it('masks to first and last three', () => {
    expect(maskDocumentNumber(DocumentType.HOME_RETURN_PERMIT, 'H12345678')).toBe('H*****678');
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['+852 5123 4567', '+85251234567'],
    ['00853 6612 3456', '+85366123456'],
  ])('%s → %s', (raw, value) => {
    expect(checkPhone(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['51234567', 'country code'],
    ['23812345678', '11 digits starting with 1'],
    ['1381234567', '11 digits'],
    ['+852 5123 456', '+852 or +853'],
    ['', 'is required'],
  ])('refuses %s', (raw, message) => {
    expect(checkPhone(raw)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });

  it('masks all but the last four (and the first three of a mainland number)', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+85251234567')).toBe('+852****4567');
  });
});
