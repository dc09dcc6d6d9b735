import { GraphQLError } from 'graphql';

/** A value that does not parse as one of our scalars (Date, Money): always the client's mistake. */
export class ScalarInputError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}
