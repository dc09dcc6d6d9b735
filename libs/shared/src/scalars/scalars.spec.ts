import { Kind } from 'graphql';
import { addDays, daysBetween, eachDay, isCalendarDate, todayInShanghai } from './calendar-date.js';
import { DateScalar } from './date.scalar.js';
import { formatYuan, parseYuan } from './money.js';
import { MoneyScalar } from './money.scalar.js';

describe('calendar dates', () => {
  it.each(['2026-02-28', '2028-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2025-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', 'tomorrow', '2026-01-01T00:00:00Z', '', 20260101])('refuses %s', (d) =>
    expect(isCalendarDate(d)).toBe(false),
  );
  it('does date arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(eachDay('2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
  it('takes today in Asia/Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(todayInShanghai(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });
  it('the Date scalar refuses impossible days and non-strings', () => {
    expect(DateScalar.parseValue('2026-12-03')).toBe('2026-12-03');
    expect(() => DateScalar.parseValue('2025-02-30')).toThrow(/not a calendar date/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20261203' })).toThrow(/string/);
  });
});

describe('money in fen', () => {
  it.each([
    ['3980.00', 398000],
    ['3980', 398000],
    ['3980.5', 398050],
    ['0.01', 1],
    ['-12.30', -1230],
    ['10000000000.00', 1_000_000_000_000],
  ])('parses %s as %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen));
  it.each(['12.345', 'abc', '1,000.00', '', '1e3', '.5', '10000000000.01', '99999999999'])('refuses %s', (text) => expect(parseYuan(text)).toBeNull());
  it('formats fen as yuan with two places, exactly', () => {
    expect(formatYuan(398050)).toBe('3980.50');
    expect(formatYuan(7)).toBe('0.07');
    expect(formatYuan(-1230)).toBe('-12.30');
    expect(formatYuan('900719925474099312')).toBe('9007199254740993.12');
    // 0.1 + 0.2 in fen is exact.
    expect(formatYuan(10 + 20)).toBe('0.30');
  });
  it('the Money scalar takes strings only', () => {
    expect(MoneyScalar.parseValue('1980.00')).toBe(198000);
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.FLOAT, value: '1980.5' })).toThrow(/string/);
    expect(MoneyScalar.serialize(198000)).toBe('1980.00');
  });
});

describe('scalar errors never repeat the value sent', () => {
  const idNumber = '440106198503121237';
  const messageOf = (parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected a refusal');
  };
  it.each([
    ['Date', () => DateScalar.parseValue(idNumber), /^This is not a calendar date: use YYYY-MM-DD/],
    ['Money', () => MoneyScalar.parseValue(`${idNumber.slice(0, 17)}X`), /^This is not an amount of money/],
    ['Money (digits)', () => MoneyScalar.parseValue(idNumber), /^The amount is more than/],
    ['Money too large', () => MoneyScalar.parseValue('99999999999'), /^The amount is more than this system accepts \(at most 10000000000\.00 yuan\)$/],
  ])('%s', (_name, parse, wording) => {
    const message = messageOf(parse);
    expect(message).toMatch(wording);
    expect(message).not.toContain(idNumber.slice(0, 17));
    expect(message).not.toContain('99999999999');
  });
});
