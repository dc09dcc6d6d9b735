import { GraphQLScalarType, Kind } from 'graphql';
import { formatYuan, MAX_FEN, parseYuan } from './money.js';
import { ScalarInputError } from './scalar-input.error.js';

function parse(value: unknown): number {
  const fen = typeof value === 'string' ? parseYuan(value) : null;
  if (fen === null && typeof value === 'string' && /^-?\d+(\.\d{1,2})?$/.test(value.trim())) {
    throw new ScalarInputError(`The amount is more than this system accepts (at most ${formatYuan(MAX_FEN)} yuan)`);
  }
  if (fen === null) {
    // Never the value itself: whatever was typed in the wrong field (an ID number, a phone) stays out of the error.
    throw new ScalarInputError('This is not an amount of money: write yuan as a string with at most two decimals, e.g. "3980.00"');
  }
  return fen;
}

/** CNY as a decimal string of yuan with two places; held as integer fen inside. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount in CNY as a decimal string of yuan with two places, e.g. "3980.00". Stored exactly as integer fen.',
  serialize: (value) => formatYuan(value as number | string | bigint),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError('Money is written as a string of yuan, e.g. "3980.00"');
    return parse(ast.value);
  },
});
