/**
 * A value that does not parse as one of our scalars (Date, Money): always the client's mistake.
 * A plain Error on purpose: graphql-js then wraps it with the offending node (locations) and, for
 * variables, the path, which the error formatter turns into `extensions.field`.
 */
export class ScalarInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScalarInputError';
  }
}
