import Decimal from 'decimal.js';

/** Short, safe description of a received value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  if (value instanceof Decimal) return value.toString();
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'undefined') return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A zod error callback for an object field: "the token is missing" or "expected the token as an object, received 5". */
export function objectError(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `the ${what} is missing` : `expected the ${what} as an object, received ${describe(issue.input)}`;
}
