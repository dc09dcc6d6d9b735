import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainException } from '../errors/domain.exception.js';

@ObjectType({ description: 'Where a page of a list ends, and whether more follows.' })
export class PageInfo {
  @Field({ description: 'True when a further page can be fetched with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; null on an empty page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Pass as `after` to continue after this edge.' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name.toLowerCase()}s (cursor pagination).` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many match the filter in all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

/** Opaque cursors over a numeric id. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): number {
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw DomainException.badInput(field, `"${cursor.slice(0, 40)}" is not a cursor from this list`);
  return Number(match[1]);
}

export const MAX_PAGE_SIZE = 100;

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainException.badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/**
 * One page of a list, newest first by id, with the total count: two queries whatever the page size.
 * `query` builds the filtered query afresh each time (one for the count, one for the page).
 */
export async function pageNewestFirst<T extends ObjectLiteral & { id: number }>(query: () => SelectQueryBuilder<T>, alias: string, first: number, afterId: number | null): Promise<ConnectionShape<T>> {
  const totalCount = await query().getCount();
  const page = query();
  if (afterId !== null) page.andWhere(`${alias}.id < :afterId`, { afterId });
  const rows = await page
    .orderBy(`${alias}.id`, 'DESC')
    .take(first + 1)
    .getMany();
  const nodes = rows.slice(0, first);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
    totalCount,
  };
}
