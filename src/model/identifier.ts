import * as z from 'zod/mini';
import { describe } from './messages.js';

/**
 * Zod schema for a required, non-empty identifier, trimmed; `what` names it
 * in messages ("the charge point id is missing").
 */
export function identifierSchema(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `the ${what} is missing` : `expected the ${what} as a string, received ${describe(issue.input)}`,
    })
    .check(z.trim(), z.minLength(1, { error: `the ${what} is empty` }));
}

/** Like {@link identifierSchema}, but may be left out (an empty string is still refused). */
export function optionalIdentifierSchema(what: string) {
  return z.optional(identifierSchema(what));
}
