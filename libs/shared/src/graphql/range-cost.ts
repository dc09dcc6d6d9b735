import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { daysBetween, isCalendarDate } from '../scalars/calendar-date.js';

/** The most a request's date ranges may cost together: a year of a base's calendar with 4 fields a day is 1,464. */
export const RANGE_COST_LIMIT = 5000;

/** A type whose rows are days (it has a `date: Date` field), as a calendar's or availability's nights. */
function isDayRow(type: GraphQLNamedType): boolean {
  return isObjectType(type) && getNamedType(type.getFields().date?.type)?.name === 'Date';
}

function takesRange(field: GraphQLField<unknown, unknown>): boolean {
  const named = (name: string) => field.args.find((arg) => arg.name === name && getNamedType(arg.type).name === 'Date');
  return !!named('from') && !!named('to');
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argumentValue(walk: Walk, args: readonly { name: { value: string }; value: ValueNode }[] | undefined, name: string): unknown {
  const value = args?.find((arg) => arg.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.VARIABLE) return walk.variables[value.name.value];
  return undefined;
}

/** Calls `visit` for each field of a selection set, through inline fragments and fragment spreads (each spread once per path). */
function eachField(walk: Walk, set: SelectionSetNode | undefined, type: GraphQLNamedType, seen: Set<string>, visit: (field: GraphQLField<unknown, unknown>, node: FieldNode) => void): void {
  if (!set || !isCompositeType(type)) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (field) visit(field, selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (on) eachField(walk, selection.selectionSet, on, seen, visit);
    } else if (!seen.has(selection.name.value)) {
      const fragment = walk.fragments[selection.name.value];
      const on = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (on) eachField(walk, fragment.selectionSet, on, new Set([...seen, selection.name.value]), visit);
    }
  }
}

/** The leaf fields asked for each day: those inside day rows (at any depth under the range field). */
function fieldsPerDay(walk: Walk, set: SelectionSetNode | undefined, type: GraphQLNamedType, inDay: boolean): number {
  let count = 0;
  eachField(walk, set, type, new Set(), (field, node) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) count += inDay ? 1 : 0;
    else count += fieldsPerDay(walk, node.selectionSet, named, inDay || isDayRow(named));
  });
  return count;
}

function costOf(walk: Walk, set: SelectionSetNode | undefined, type: GraphQLNamedType): number {
  let cost = 0;
  eachField(walk, set, type, new Set(), (field, node) => {
    const named = getNamedType(field.type);
    if (takesRange(field)) {
      const from = argumentValue(walk, node.arguments, 'from');
      const to = argumentValue(walk, node.arguments, 'to');
      // A date that does not parse is refused by its scalar before anything runs: count one day.
      const days = isCalendarDate(from) && isCalendarDate(to) ? Math.max(1, daysBetween(from, to) + 1) : 1;
      cost += days * Math.max(1, fieldsPerDay(walk, node.selectionSet, named, isDayRow(named)));
    }
    cost += costOf(walk, node.selectionSet, named);
  });
  return cost;
}

/**
 * What an operation's date ranges cost: for each field taking `from` and `to` dates (a base's calendar,
 * availability, statistics, reciprocity …), its days × the fields asked per day (at least 1), summed
 * over every alias and nesting. graphql-armor's cost limit sees a 366-night calendar as one object
 * with four fields; this counts the 1,464 values it answers.
 */
export function rangeCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown> = {}): number {
  const root = schema.getRootType(operation.operation);
  return root ? costOf({ schema, fragments, variables }, operation.selectionSet, root) : 0;
}

/**
 * Refuses, before anything runs, an operation whose date ranges cost more than `limit`, as
 * graphql-armor's cost limit does (GRAPHQL_VALIDATION_FAILED, HTTP 400). A plugin rather than a
 * validation rule because ranges often come in variables, which validation does not see.
 */
export function rangeCostPlugin(limit = RANGE_COST_LIMIT): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const cost = rangeCost(schema, operation, fragments, request.variables ?? {});
          if (cost <= limit) return;
          throw new GraphQLError(
            `Request too large: Query Cost limit of ${limit} exceeded, found ${cost}: each date range counts its days × the fields asked per day; ask for fewer days, fields or aliases`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
