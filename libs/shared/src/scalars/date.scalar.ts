import { GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from './calendar-date.js';
import { ScalarInputError } from './scalar-input.error.js';

function parse(value: unknown): string {
  if (!isCalendarDate(value)) {
    // Never the value itself: an ID number pasted into the wrong field must not come back in the error.
    throw new ScalarInputError('This is not a calendar date: use YYYY-MM-DD with a day that exists');
  }
  return value;
}

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day in Asia/Shanghai as YYYY-MM-DD (e.g. "2026-12-03"); impossible days such as 2025-02-30 are refused.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError('A Date is written as a string "YYYY-MM-DD"');
    return parse(ast.value);
  },
});
