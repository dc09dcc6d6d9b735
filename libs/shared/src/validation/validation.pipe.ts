import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DomainException } from '../errors/domain.exception.js';

function firstError(errors: ValidationError[], prefix = ''): { field: string; property: string; messages: string[] } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length) {
      return { field, property: error.property, messages: Object.values(error.constraints) };
    }
    const nested = firstError(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** class-validator on every input class; a failure becomes BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const first = firstError(errors);
      if (!first) return DomainException.badInput('input', 'The input is not valid');
      // A message that starts with its property's name gets the full path instead ("filter.batchId must…"); others are prefixed with it.
      const text = first.messages.map((m) => (m.startsWith(first.property) ? `${first.field}${m.slice(first.property.length)}` : `${first.field}: ${m}`));
      return DomainException.badInput(first.field, text.join('; '));
    },
  });
}

/**
 * For update inputs: the field may be left out (no change) but not set to null, which the column
 * cannot hold. `@IsOptional()` would let null through to the database.
 */
export const OptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
