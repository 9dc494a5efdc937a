import type { Decimal } from 'decimal.js';
import { Exact } from '../model/decimal.js';
import { IssueList, usageError } from '../errors.js';
import { describe } from '../model/messages.js';
import { isCurrencyCode } from '../model/price.js';
import { assertCurrencyCode, money } from './money.js';
import type { Money } from './money.js';

/**
 * The rounding modes money can be rounded with, in the order the docs list them.
 *
 * @example ROUNDING_MODES; // => ['half-up', 'half-even', 'up', 'down']
 */
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

/**
 * ISO 4217 minor units where the runtime's currency data (CLDR, through
 * `Intl`) shows another number of decimals than ISO 4217 settles in: CLDR
 * drops the cents that are not used in cash (HUF, IDR, COP...), but amounts
 * are settled to the ISO minor unit.
 */
const ISO_MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ['AFN', 2], ['ALL', 2], ['COP', 2], ['HUF', 2], ['IDR', 2], ['IQD', 3], ['IRR', 2], ['KPW', 2], ['LAK', 2],
  ['LBP', 2], ['MGA', 2], ['MMK', 2], ['PKR', 2], ['SLL', 2], ['SOS', 2], ['SYP', 2], ['YER', 2], ['CLF', 4], ['UYW', 4],
]);

/** The currencies the runtime's `Intl` knows, read once. */
let intlCurrencies: ReadonlySet<string> | undefined;
/** Minor units found so far, per currency (`null`: unknown). */
const foundMinorUnits = new Map<string, number | null>();

function builtInMinorUnits(currency: string): number | null {
  let digits = foundMinorUnits.get(currency);
  if (digits !== undefined) return digits;
  digits = ISO_MINOR_UNITS.get(currency) ?? null;
  if (digits === null && isCurrencyCode(currency)) {
    intlCurrencies ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);
    if (intlCurrencies.has(currency)) {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? null;
    }
  }
  foundMinorUnits.set(currency, digits);
  return digits;
}

/**
 * The number of decimals of a currency's minor unit, or `null` when it is not
 * known: an entry of `overrides` (the caller's own minor units) first, then
 * ISO 4217 as the runtime's `Intl` knows it (THB 2, JPY 0, KWD 3), with ISO's
 * own figure where the runtime's display data differs (HUF 2, IDR 2). Never
 * throws.
 *
 * @example
 * findMinorUnitDigits('THB'); // => 2
 * findMinorUnitDigits('HUF'); // => 2
 * findMinorUnitDigits('XYZ'); // => null
 * findMinorUnitDigits('XYZ', { XYZ: 3 }); // => 3
 */
export function findMinorUnitDigits(currency: string, overrides?: Readonly<Record<string, number>>): number | null {
  if (overrides !== undefined && Object.hasOwn(overrides, currency)) return overrides[currency] ?? null;
  return builtInMinorUnits(currency);
}

/**
 * Checks a table of minor units given as an option: each key a currency code,
 * each value a whole number of decimals from 0 to 20.
 */
export function checkMinorUnits(minorUnits: unknown, problems: IssueList, path: readonly PropertyKey[]): void {
  if (minorUnits === undefined) return;
  if (typeof minorUnits !== 'object' || minorUnits === null || Array.isArray(minorUnits)) {
    problems.add(path, `expected minor units as an object such as { "XTS": 2 }, received ${describe(minorUnits)}`);
    return;
  }
  for (const [currency, digits] of Object.entries(minorUnits)) {
    if (!isCurrencyCode(currency)) problems.add([...path, currency], `${JSON.stringify(currency)} is not a currency code of three uppercase letters`);
    if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 20) {
      problems.add([...path, currency], `invalid minor unit for ${currency}: expected a whole number of decimals from 0 to 20 (e.g. 2 for cents), received ${describe(digits)}`);
    }
  }
}

/**
 * The number of decimals of a currency's minor unit: 2 for EUR (cents), 0 for
 * JPY, 3 for KWD; see {@link findMinorUnitDigits} for where it comes from.
 *
 * @param currency - three uppercase letters, e.g. "EUR"
 * @param overrides - decimals per currency, e.g. `{ XTS: 2 }`
 * @returns a non-negative integer
 * @throws {ConfigError} for a malformed code, a currency whose minor unit is not known, or a bad override
 * @example
 * minorUnitDigits('EUR'); // => 2
 * minorUnitDigits('JPY'); // => 0
 * minorUnitDigits('HUF', { HUF: 0 }); // => 0
 * minorUnitDigits('XYZ'); // throws ConfigError
 */
export function minorUnitDigits(currency: string, overrides?: Readonly<Record<string, number>>): number {
  assertCurrencyCode(currency);
  const problems = new IssueList();
  checkMinorUnits(overrides, problems, ['minorUnits']);
  problems.throwIfAny('arguments');
  const digits = findMinorUnitDigits(currency, overrides);
  if (digits === null) {
    throw usageError(['currency'], `unknown minor unit for currency ${currency}: give it in the minor units, e.g. { "${currency}": 2 } for two decimals`);
  }
  return digits;
}

/**
 * The decimal.js rounding constant of a rounding mode.
 *
 * @throws {ConfigError} for an unknown mode
 */
export function decimalRounding(mode: RoundingMode, path: readonly PropertyKey[] = ['rounding']): Decimal.Rounding {
  const rounding = typeof mode === 'string' && Object.hasOwn(DECIMAL_JS_MODE, mode) ? DECIMAL_JS_MODE[mode] : undefined;
  if (rounding === undefined) {
    throw usageError(path, `unknown rounding mode ${describe(mode)}: use one of ${ROUNDING_MODES.map((x) => `"${x}"`).join(', ')}`);
  }
  return rounding;
}

/**
 * Rounds an amount to its currency's minor unit (cents for EUR), with the
 * given mode. See {@link RoundingMode}: half-up rounds halves away from zero,
 * half-even to the even neighbour, up away from zero, down toward zero. The
 * amount is exact however large, so the one rounding is the only one.
 *
 * @param m - the exact amount
 * @param mode - defaults to `'half-up'`
 * @param minorUnits - decimals per currency, winning over the built-in ones
 * @returns a new Money with at most the minor unit's decimals (never "-0")
 * @throws {ConfigError} for an unknown mode or a currency with no known minor unit
 * @example
 * roundMoney(money('2.4400218', 'EUR')).amount.toString(); // => '2.44'
 * roundMoney(money('2.445', 'EUR')).amount.toString(); // => '2.45'
 * roundMoney(money('2.445', 'EUR'), 'half-even').amount.toString(); // => '2.44'
 * roundMoney(money('2.441', 'EUR'), 'up').amount.toString(); // => '2.45'
 * roundMoney(money('1234.5', 'JPY')).amount.toString(); // => '1235'
 */
export function roundMoney(m: Money, mode: RoundingMode = 'half-up', minorUnits?: Readonly<Record<string, number>>): Money {
  const rounding = decimalRounding(mode);
  const digits = minorUnitDigits(m.currency, minorUnits);
  return money(new Exact(m.amount).toDecimalPlaces(digits, rounding), m.currency);
}
