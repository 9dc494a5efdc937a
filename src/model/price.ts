import * as z from 'zod/mini';
import { decimalSchema } from './decimal.js';
import { describe, objectError } from './messages.js';

/**
 * True when `value` is written as an ISO 4217 currency code: exactly three
 * uppercase letters A-Z.
 *
 * @example isCurrencyCode('EUR'); // => true
 * @example isCurrencyCode('eur'); // => false
 */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

/** Zod schema for an ISO 4217 currency code such as "EUR". */
export const currencySchema = z
  .string({ error: 'expected an ISO 4217 currency code such as "EUR"' })
  .check(z.refine(isCurrencyCode, { error: (issue) => `expected an ISO 4217 currency code such as "EUR", received ${describe(issue.input)}` }));

const nonNegative = (what: string) =>
  decimalSchema.check(z.refine((value) => !value.isNegative() || value.isZero(), { error: `the ${what} is negative` }));

/**
 * Zod schema for the MSP's price of a session: excl. VAT, incl. VAT, or
 * excl. VAT with the VAT percentage (OCPI 2.2.1 `total_cost`; 2.3.0's
 * `before_taxes` is the excl. VAT amount).
 */
export const priceSchema = z
  .object({
    exclVat: z.optional(nonNegative('price excl. VAT')),
    inclVat: z.optional(nonNegative('price incl. VAT')),
    /** VAT as a percentage, e.g. "21" for 21 %. */
    vatPercent: z.optional(nonNegative('VAT percentage')),
    currency: currencySchema,
  }, { error: objectError('price') })
  .check(z.refine((price) => price.exclVat !== undefined || price.inclVat !== undefined, {
    error: 'a price needs exclVat or inclVat (or both)',
  }));

/** The price as written in JSON. */
export type PriceInput = z.input<typeof priceSchema>;
/** The parsed price. */
export type Price = z.output<typeof priceSchema>;
