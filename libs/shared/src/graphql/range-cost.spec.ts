import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { rangeCost } from './range-cost.js';

const schema = buildSchema(`
  scalar Date
  type Day { date: Date! beds: Int! closed: Boolean! }
  type Stats { batches: Int! rows: [Row!]! }
  type Row { label: String! n: Int! }
  type Base { id: Int! name: String! calendar(from: Date!, to: Date!): [Day!]! }
  type Availability { base: Base! fits: Boolean! nights: [Day!]! }
  type Query {
    base(id: Int!): Base!
    availability(from: Date!, to: Date!): [Availability!]!
    statistics(from: Date!, to: Date!): Stats!
    holidays(year: Int!): [Day!]!
  }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return rangeCost(schema, operation, fragments, variables);
}

describe('rangeCost', () => {
  it('a calendar costs its days × the fields of each day', () => {
    expect(cost('{ base(id: 1) { name calendar(from: "2026-01-01", to: "2026-12-31") { date beds } } }')).toBe(365 * 2);
  });
  it('aliases add up; variables and fragments count like literals', () => {
    const query = 'query($f: Date!, $t: Date!) { base(id: 1) { a: calendar(from: $f, to: $t) { ...d } b: calendar(from: $f, to: $t) { ... on Day { date } } } } fragment d on Day { date beds closed }';
    expect(cost(query, { f: '2026-01-01', t: '2026-01-10' })).toBe(10 * 3 + 10 * 1);
  });
  it('availability counts only the fields of its nights; statistics (no day rows) one per day', () => {
    expect(cost('{ availability(from: "2026-01-01", to: "2026-01-30") { fits base { id name } nights { date beds } } }')).toBe(30 * 2);
    expect(cost('{ statistics(from: "2024-01-01", to: "2026-12-31") { batches rows { label n } } }')).toBe(1096);
  });
  it('fields without a range cost nothing; an unparsable or reversed range counts one day', () => {
    expect(cost('{ holidays(year: 2026) { date beds } base(id: 1) { id } }')).toBe(0);
    expect(cost('{ base(id: 1) { calendar(from: "2026-13-01", to: "2026-12-31") { date } } }')).toBe(1);
    expect(cost('{ base(id: 1) { calendar(from: "2026-12-31", to: "2026-01-01") { date } } }')).toBe(1);
  });
});
