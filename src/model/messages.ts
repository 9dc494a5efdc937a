import { Decimal } from 'decimal.js';

/** Short, safe description of a received value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
  if (Decimal.isDecimal(value)) return describeDecimal(value as Decimal);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'undefined') return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A zod error callback for an object: "the token is missing", "expected the
 * token as an object, received 5", or, for a misspelt field, "unknown field
 * "minDurationSecs" in the validity rules; check its spelling".
 */
export function objectError(what: string) {
  return (issue: { code?: string; input?: unknown; keys?: readonly string[] }) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue.keys ?? []).map((key) => JSON.stringify(key)).join(', ');
      return `unknown field${issue.keys?.length === 1 ? '' : 's'} ${keys} in the ${what}; check the spelling`;
    }
    return issue.input === undefined ? `the ${what} is missing` : `expected the ${what} as an object, received ${describe(issue.input)}`;
  };
}

/** A Decimal as text of bounded length: plain notation for ordinary values, exponent notation for extreme ones. */
function describeDecimal(value: Decimal): string {
  const text = value.isFinite() && Math.abs(value.e) < 40 ? value.toFixed() : value.toExponential();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
