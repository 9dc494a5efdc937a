import Decimal from 'decimal.js';
import * as z from 'zod';
import { describe } from './messages.js';

/**
 * The library's own decimal constructor: 50 significant digits and plain
 * (non-exponential) notation, independent of any global `Decimal.set(...)` a
 * host application makes. Its values are ordinary `Decimal` instances.
 */
export const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 50 });

/** A decimal as written in JSON: a decimal string ("3.667"), a number, or a `Decimal`. */
export type DecimalInput = string | number | Decimal;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Zod schema for an exact decimal. A number is read through its shortest
 * round-trip text, so `3.667` becomes exactly 3.667, never its binary
 * neighbour; strings must be plain decimal notation; NaN and infinities are
 * refused.
 */
export const decimalSchema = z
  .union([z.string(), z.number(), z.instanceof(Decimal)], {
    error: (issue) => `expected a decimal number such as "3.667", received ${describe(issue.input)}`,
  })
  .transform((value, ctx) => {
    if (value instanceof Decimal) {
      if (value.isFinite()) return new Exact(value);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) return new Exact(String(value));
    } else if (DECIMAL_TEXT.test(value.trim())) {
      return new Exact(value.trim());
    }
    ctx.addIssue({
      code: 'custom',
      message: `expected a finite decimal number such as "3.667", received ${describe(value)}`,
      input: value,
    });
    return z.NEVER;
  });
