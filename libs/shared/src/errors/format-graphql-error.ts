import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainException, ErrorCode } from './domain.exception.js';
import { ScalarInputError } from '../scalars/scalar-input.error.js';

const logger = new Logger('GraphQLError');

/** Codes that graphql-js or Apollo give to a malformed request: the client's mistake, safe to show. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * `Variable "$input" got invalid value … at "input.startDate"` → `startDate`: the path inside the
 * variable, without the variable's own (client-chosen) name, as the validation errors name fields.
 */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1].split('.').slice(1).join('.') || at[1];
  const variable = /Variable "\$([^"]+)"/.exec(message);
  if (variable) return variable[1];
  const argument = /[Aa]rgument "([^"]+)"/.exec(message);
  if (argument) return argument[1];
  return undefined;
}

/** For an inline literal: the argument or input field written just before the value (`startDate: "x"`). */
function fieldFromLiteral(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const node = error.nodes?.[0];
  const body = node?.loc?.source.body;
  if (!node?.loc || !body) return undefined;
  return /([_A-Za-z][_0-9A-Za-z]*)\s*:\s*$/.exec(body.slice(0, node.loc.start))?.[1];
}

/**
 * graphql-js repeats the refused value in its messages (`got invalid value 440102… at "p[0].idNumber";
 * String cannot represent a non string value: 440102…`). The client sent it, but an ID number or a
 * phone must not travel back in an error (nor into a log on the way): keep the path and the rule only.
 */
export function redactValues(message: string): string {
  return (
    message
      // The lexer quotes the token it stopped at (`Expected Name, found String "440102…"`): keep its kind.
      .replace(/\b(Name|Int|Float|String|BlockString) "(?:[^"\\]|\\.)*"/g, (_, kind: string) => `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`)
      .replace(/got invalid value [\s\S]*? at ("[^"]*"); /, 'got an invalid value at $1; ')
      .replace(/got invalid value [\s\S]*?; /, 'got an invalid value; ')
      .replace(/(cannot represent[^:]*?): [\s\S]*$/, '$1.')
      .replace(/Value [\s\S]* does not exist in ("[^"]+" enum)/, 'The value does not exist in $1')
      .replace(/(Expected value of type "[^"]+"), found [\s\S]*?(;|$)/, '$1$2')
  );
}

/**
 * graphql-armor words its limits as syntax errors ("Syntax Error: Query Cost limit of 5000 exceeded"),
 * and so does graphql-js its token limit: the query's syntax was fine, it was too large.
 */
function requestErrorMessage(message: string): string {
  // graphql 16 writes "more that N tokens".
  const tokens = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(message);
  if (tokens) return `Request too large: Token limit of ${tokens[1]} exceeded; send a smaller query`;
  return redactValues(message).replace(/^Syntax Error: (?=.*(limit|exceeded))/i, 'Request too large: ');
}

function findCause<T>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof type) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * The one place where failures become GraphQL errors: domain exceptions keep their code and details,
 * request mistakes stay BAD_USER_INPUT with the field named, and anything unexpected is logged and
 * reported without internals (no stack, no SQL).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const domain = findCause(original, DomainException);
  if (domain) {
    return { message: domain.message, path: formatted.path, locations: formatted.locations, extensions: { code: domain.code, ...domain.details } };
  }
  const scalar = findCause(error, ScalarInputError);
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
  if (scalar || REQUEST_ERROR_CODES.has(code)) {
    const isBadValue = !!scalar || code === 'BAD_USER_INPUT' || /got invalid value|Expected value of type|Expected type|cannot represent/.test(formatted.message);
    const field = fieldFromMessage(formatted.message) ?? fieldFromLiteral(unwrapResolverError(error));
    return {
      message: requestErrorMessage(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: isBadValue ? ErrorCode.BAD_USER_INPUT : code, ...(field ? { field } : {}) },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: 'Internal server error; it has been logged', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
