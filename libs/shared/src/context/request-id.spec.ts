import type { IncomingMessage } from 'node:http';
import { isSaneRequestId, requestIdOf } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const req = (id: unknown, header?: string) => ({ id, headers: header === undefined ? {} : { 'x-request-id': header } }) as unknown as IncomingMessage;

describe('request ids', () => {
  it.each(['0f8fad5b-d9cb-469f-a165-70867728950e', '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'lb-1.req:42', 'a'.repeat(64)])('keeps a short token: %s', (id) => {
    expect(isSaneRequestId(id)).toBe(true);
  });

  it.each(['', 'a'.repeat(65), 'has space', '440106198503121237\n', '{"a":1}', '张三', 'a/b', undefined, 42])('refuses anything else: %p', (id) => {
    expect(isSaneRequestId(id)).toBe(false);
  });

  it("prefers the request logger's id, then a sane header, then a new UUID", () => {
    expect(requestIdOf(req('from-logger', 'from-header'))).toBe('from-logger');
    expect(requestIdOf(req(undefined, 'from-header'))).toBe('from-header');
    expect(requestIdOf(req(undefined, 'not sane'))).toMatch(UUID);
    expect(requestIdOf(req(undefined))).toMatch(UUID);
  });
});
