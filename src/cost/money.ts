import type { Decimal } from 'decimal.js';
import { Exact, MONEY_LIMITS, readDecimal } from '../model/decimal.js';
import type { DecimalInput } from '../model/decimal.js';
import { isCurrencyCode } from '../model/price.js';
import { describe } from '../model/messages.js';
import { ConfigError, usageError } from '../errors.js';

/**
 * An exact amount of money in one currency. Plain data: `JSON.stringify`
 * writes the amount as a decimal string, never as a binary float.
 *
 * @example
 * JSON.stringify(money('2.44', 'EUR')); // => '{"amount":"2.44","currency":"EUR"}'
 */
export interface Money {
  /** The exact amount; never negative zero. */
  readonly amount: Decimal;
  /** ISO 4217 style currency code: three uppercase letters, e.g. "EUR". */
  readonly currency: string;
}

/**
 * Checks a currency code, for programmer errors: throws a {@link ConfigError}
 * that names the bad value unless `currency` is three uppercase letters.
 *
 * @example
 * assertCurrencyCode('EUR'); // => undefined
 * assertCurrencyCode('Euro'); // throws ConfigError
 */
export function assertCurrencyCode(currency: string, path: readonly PropertyKey[] = ['currency']): void {
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    throw usageError(path, `invalid currency ${describe(currency)}: expected an ISO 4217 code of three uppercase letters, such as "EUR"`);
  }
}

/**
 * Thrown when two amounts in different currencies would be added, summed or
 * compared by a caller: amounts are never converted or mixed silently. (The
 * library's own totals keep one total per currency instead.) A kind of
 * {@link ConfigError}: a programmer's error.
 *
 * @example
 * addMoney(money('1', 'EUR'), money('1', 'USD')); // throws CurrencyMismatchError
 * let received = '';
 * try { addMoney(money('1', 'EUR'), money('1', 'USD')); } catch (e) { received = (e as CurrencyMismatchError).received; }
 * received; // => 'USD'
 */
export class CurrencyMismatchError extends ConfigError {
  override readonly name: string = 'CurrencyMismatchError';
  /** The currency the operation works in (the first operand's, or the one asked for). */
  readonly expected: string;
  /** The other currency that was met. */
  readonly received: string;

  /**
   * @param expected - the currency the operation works in
   * @param received - the different currency that was met
   * @param operation - what was attempted, for the message
   */
  constructor(expected: string, received: string, operation: 'add' | 'compare' = 'add') {
    const what = operation === 'add' ? `cannot add ${received} to ${expected}` : `cannot compare ${received} with ${expected}`;
    super([{ path: [], message: `${what}: amounts in different currencies are never mixed; keep them apart, one total per currency` }], 'arguments');
    this.expected = expected;
    this.received = received;
  }
}

/**
 * A frozen Money from an exact amount and a currency already checked,
 * replacing negative zero by zero so JSON never shows "-0".
 */
export function make(amount: Decimal, currency: string): Money {
  return Object.freeze({ amount: amount.isZero() ? new Exact(0) : amount, currency });
}

/**
 * Builds an exact amount of money. A number is read through its shortest
 * round-trip text (0.1 is exactly one tenth); a string must be plain decimal
 * notation; negative zero becomes zero.
 *
 * @param amount - "2.44", 2.44 or a Decimal
 * @param currency - ISO 4217 style code of three uppercase letters
 * @returns the frozen `Money`
 * @throws {ConfigError} when the currency is not three uppercase letters or the
 * amount is not a finite decimal
 * @example
 * money('2.44', 'EUR'); // => { amount: '2.44', currency: 'EUR' }
 * money(0.1, 'EUR').amount.toString(); // => '0.1'
 * money('2.44', 'eur'); // throws ConfigError
 */
export function money(amount: DecimalInput, currency: string): Money {
  assertCurrencyCode(currency);
  const read = readDecimal(amount, MONEY_LIMITS);
  if (typeof read === 'string') throw usageError(['amount'], `invalid amount of money in ${currency}: ${read}`);
  return make(read, currency);
}

/**
 * Zero in a currency.
 *
 * @example
 * JSON.stringify(zeroMoney('EUR')); // => '{"amount":"0","currency":"EUR"}'
 */
export function zeroMoney(currency: string): Money {
  return money(0, currency);
}

/**
 * The exact sum of two amounts in the same currency.
 *
 * @throws CurrencyMismatchError when the currencies differ
 * @example
 * addMoney(money('0.1', 'EUR'), money('0.2', 'EUR')).amount.toString(); // => '0.3'
 * addMoney(money('1', 'EUR'), money('1', 'USD')); // throws CurrencyMismatchError
 */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency, 'add');
  return make(Exact.add(a.amount, b.amount), a.currency);
}

/**
 * The exact total of a list of amounts, all in `currency`. The currency is
 * given so that an empty list has a total: zero in that currency.
 *
 * @param items - amounts, each in `currency`
 * @param currency - the currency of the total
 * @throws CurrencyMismatchError when an item is in another currency
 * @example
 * sumMoney([money('2.44', 'EUR'), money('4.88', 'EUR')], 'EUR').amount.toString(); // => '7.32'
 * sumMoney([], 'EUR').amount.toString(); // => '0'
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  assertCurrencyCode(currency);
  let total: Decimal = new Exact(0);
  for (const item of items) {
    if (item.currency !== currency) throw new CurrencyMismatchError(currency, item.currency, 'add');
    total = Exact.add(total, item.amount);
  }
  return make(total, currency);
}

/**
 * Orders two amounts in the same currency: -1 when `a` is less, 0 when equal
 * (2.5 equals 2.50), 1 when greater.
 *
 * @throws CurrencyMismatchError when the currencies differ
 * @example
 * compareMoney(money('2.44', 'EUR'), money('2.45', 'EUR')); // => -1
 * compareMoney(money('2.5', 'EUR'), money('2.50', 'EUR')); // => 0
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency, 'compare');
  const order = a.amount.comparedTo(b.amount);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

/**
 * True when the amount is zero.
 *
 * @example
 * isZeroMoney(zeroMoney('EUR')); // => true
 * isZeroMoney(money('0.001', 'EUR')); // => false
 */
export function isZeroMoney(m: Money): boolean {
  return m.amount.isZero();
}
