import type Decimal from 'decimal.js';
import { Exact } from '../model/decimal.js';
import { assertCurrencyCode, money } from './money.js';
import type { Money } from './money.js';

/** The rounding modes money can be rounded with, in the order the docs list them. */
export const ROUNDING_MODES = ['half-up', 'half-even', 'up', 'down'] as const;

/**
 * How an amount is brought to the currency's minor unit:
 * - `half-up`: to the nearest; an exact half goes away from zero
 *   (2.445 → 2.45, -2.445 → -2.45). The default.
 * - `half-even`: to the nearest; an exact half goes to the even neighbour
 *   (2.445 → 2.44, 2.435 → 2.44), "banker's rounding".
 * - `up`: away from zero (2.441 → 2.45, -2.441 → -2.45).
 * - `down`: toward zero, i.e. truncation (2.449 → 2.44, -2.449 → -2.44).
 */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const DECIMAL_JS_MODE: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-up': Exact.ROUND_HALF_UP,
  'half-even': Exact.ROUND_HALF_EVEN,
  up: Exact.ROUND_UP,
  down: Exact.ROUND_DOWN,
};

/** Decimals of the minor unit, per ISO 4217, for the currencies known without configuration. */
const BUILT_IN_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  // Two decimals: Europe and other widely used currencies.
  EUR: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, RON: 2, BGN: 2,
  RSD: 2, UAH: 2, TRY: 2, USD: 2, CAD: 2, AUD: 2, NZD: 2, CNY: 2, HKD: 2, SGD: 2,
  INR: 2, MXN: 2, BRL: 2, ZAR: 2, ILS: 2, AED: 2, SAR: 2,
  // No minor unit.
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, PYG: 0, UGX: 0, XOF: 0, XAF: 0, XPF: 0,
  // Three decimals.
  BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3, LYD: 3, IQD: 3,
  // Four decimals (units of account).
  CLF: 4, UYW: 4,
});

/**
 * The number of decimals of a currency's minor unit: 2 for EUR (cents), 0 for
 * JPY, 3 for KWD. An entry in `overrides` (the configuration's minor units)
 * wins over the built-in ISO 4217 table.
 *
 * @param currency - three uppercase letters, e.g. "EUR"
 * @param overrides - decimals per currency from the configuration, e.g. `{ HUF: 0 }`
 * @returns a non-negative integer
 * @throws RangeError for a malformed code, a currency neither built in nor
 * overridden, or an override that is not a non-negative integer
 * @example
 * minorUnitDigits('EUR');              // 2
 * minorUnitDigits('JPY');              // 0
 * minorUnitDigits('HUF', { HUF: 0 });  // 0
 * minorUnitDigits('XYZ');              // throws RangeError (add XYZ to the minor units)
 */
export function minorUnitDigits(currency: string, overrides?: Readonly<Record<string, number>>): number {
  assertCurrencyCode(currency);
  if (overrides !== undefined && Object.hasOwn(overrides, currency)) {
    const digits = overrides[currency];
    if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0) {
      throw new RangeError(
        `invalid minor unit for ${currency}: expected a whole number of decimals (0 or more, e.g. 2 for cents), received ${String(digits)}`,
      );
    }
    return digits;
  }
  const builtIn = Object.hasOwn(BUILT_IN_MINOR_UNITS, currency) ? BUILT_IN_MINOR_UNITS[currency] : undefined;
  if (builtIn === undefined) {
    throw new RangeError(
      `unknown minor unit for currency ${currency}: add it to the configuration's minor units, e.g. { "${currency}": 2 } for two decimals`,
    );
  }
  return builtIn;
}

/**
 * Rounds an amount to its currency's minor unit (cents for EUR), with the
 * given mode. See {@link RoundingMode}: half-up rounds halves away from zero,
 * half-even to the even neighbour, up away from zero, down toward zero.
 *
 * @param m - the exact amount
 * @param mode - defaults to `'half-up'`
 * @param minorUnits - decimals per currency from the configuration, winning over the built-in table
 * @returns a new Money with at most the minor unit's decimals (never "-0")
 * @throws RangeError for an unknown mode or a currency with no known minor unit
 * @example
 * roundMoney(money('2.4400218', 'EUR')).amount.toString();        // '2.44'
 * roundMoney(money('2.445', 'EUR')).amount.toString();            // '2.45'
 * roundMoney(money('2.445', 'EUR'), 'half-even').amount.toString(); // '2.44'
 * roundMoney(money('2.441', 'EUR'), 'up').amount.toString();      // '2.45'
 * roundMoney(money('1234.5', 'JPY')).amount.toString();           // '1235'
 */
export function roundMoney(
  m: Money,
  mode: RoundingMode = 'half-up',
  minorUnits?: Readonly<Record<string, number>>,
): Money {
  const rounding = Object.hasOwn(DECIMAL_JS_MODE, mode) ? DECIMAL_JS_MODE[mode] : undefined;
  if (rounding === undefined) {
    throw new RangeError(
      `unknown rounding mode ${JSON.stringify(mode)}: use one of ${ROUNDING_MODES.map((x) => `"${x}"`).join(', ')}`,
    );
  }
  const digits = minorUnitDigits(m.currency, minorUnits);
  return money(new Exact(m.amount).toDecimalPlaces(digits, rounding), m.currency);
}
