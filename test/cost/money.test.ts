import Decimal from 'decimal.js';
import fc from 'fast-check';
import { ConfigError } from '../../src/errors';
import { describe, expect, it } from 'vitest';
import {
  CurrencyMismatchError,
  addMoney,
  compareMoney,
  isZeroMoney,
  money,
  sumMoney,
  zeroMoney,
} from '../../src/cost/money';
import type { Money } from '../../src/cost/money';
import { isCurrencyCode } from '../../src/model/price';
import { scaledDecimalArb, scaledValueText, type Scaled } from '../support/scaled';

/** Exact sum of scaled integers, in bigint arithmetic. */
function bigSum(values: readonly Scaled[]): Scaled {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  const unscaled = values.reduce((acc, v) => acc + v.unscaled * 10n ** BigInt(scale - v.scale), 0n);
  return { unscaled, scale };
}

const scaledArb = scaledDecimalArb(10n ** 30n);

const currencyArb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 3, maxLength: 3 });

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

describe('money', () => {
  it('serialises to a decimal string and the currency', () => {
    expect(JSON.stringify(money('2.44', 'EUR'))).toBe('{"amount":"2.44","currency":"EUR"}');
    expect(JSON.stringify(money(2.44, 'EUR'))).toBe('{"amount":"2.44","currency":"EUR"}');
    expect(JSON.stringify(money(new Decimal('-12.5'), 'USD'))).toBe('{"amount":"-12.5","currency":"USD"}');
  });

  it('writes very large and very small amounts without exponent notation', () => {
    expect(JSON.stringify(money('1e-7', 'EUR'))).toBe('{"amount":"0.0000001","currency":"EUR"}');
    expect(JSON.stringify(money('1e21', 'EUR'))).toBe('{"amount":"1000000000000000000000","currency":"EUR"}');
  });

  it('never shows negative zero', () => {
    expect(JSON.stringify(money('-0', 'EUR'))).toBe('{"amount":"0","currency":"EUR"}');
    expect(JSON.stringify(money(new Decimal('-0'), 'EUR'))).toBe('{"amount":"0","currency":"EUR"}');
    expect(JSON.stringify(money('-0.000', 'EUR'))).toBe('{"amount":"0","currency":"EUR"}');
    expect(money(-0, 'EUR').amount.isNegative()).toBe(false);
  });

  it('reads numbers through their shortest round-trip text, exactly', () => {
    expect(money(0.1, 'EUR').amount.toString()).toBe('0.1');
    expect(money(2.4400218, 'EUR').amount.toString()).toBe('2.4400218');
    expect(money(' 3.667 ', 'EUR').amount.toString()).toBe('3.667');
  });

  it('keeps amounts beyond the default 20 digits of decimal.js', () => {
    const long = '12345678901234567890.123456789012345';
    expect(money(long, 'EUR').amount.toString()).toBe(long);
    expect(addMoney(money(long, 'EUR'), money('0.000000000000001', 'EUR')).amount.toString()).toBe(
      '12345678901234567890.123456789012346',
    );
  });

  it('is frozen plain data', () => {
    const m = money('1.5', 'EUR');
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.keys(m)).toEqual(['amount', 'currency']);
    expect(m.amount).toBeInstanceOf(Decimal);
  });

  it('refuses a currency that is not three uppercase letters', () => {
    for (const bad of ['eur', 'Eur', 'EURO', 'EU', '', 'E1R', '€', ' EUR']) {
      expect(() => money('1', bad)).toThrow(ConfigError);
    }
    expect(() => money('1', 'eur')).toThrow(
      'invalid currency "eur": expected an ISO 4217 code of three uppercase letters, such as "EUR"',
    );
  });

  it('refuses an amount that is not a finite decimal', () => {
    expect(() => money('abc', 'EUR')).toThrow(ConfigError);
    expect(() => money('1,5', 'EUR')).toThrow(/invalid amount of money in EUR: expected a finite decimal/);
    expect(() => money(Number.NaN, 'EUR')).toThrow(ConfigError);
    expect(() => money(Number.POSITIVE_INFINITY, 'EUR')).toThrow(ConfigError);
    expect(() => money(new Decimal(Number.NaN), 'EUR')).toThrow(ConfigError);
  });
});

describe('isCurrencyCode', () => {
  it('accepts three uppercase letters only', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('XTS')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(isCurrencyCode('E-R')).toBe(false);
  });
});

describe('zeroMoney and isZeroMoney', () => {
  it('builds zero in a currency', () => {
    expect(JSON.stringify(zeroMoney('JPY'))).toBe('{"amount":"0","currency":"JPY"}');
    expect(isZeroMoney(zeroMoney('EUR'))).toBe(true);
    expect(() => zeroMoney('euro')).toThrow(ConfigError);
  });

  it('tells zero from tiny amounts', () => {
    expect(isZeroMoney(money('0.000', 'EUR'))).toBe(true);
    expect(isZeroMoney(money('0.001', 'EUR'))).toBe(false);
    expect(isZeroMoney(money('-0.001', 'EUR'))).toBe(false);
  });
});

describe('addMoney and sumMoney', () => {
  it('adds exactly, with no binary float drift', () => {
    expect(addMoney(money(0.1, 'EUR'), money(0.2, 'EUR')).amount.toString()).toBe('0.3');
    const tenTimes = sumMoney(Array.from({ length: 10 }, () => money(0.1, 'EUR')), 'EUR');
    expect(tenTimes.amount.toString()).toBe('1');
    expect(JSON.stringify(tenTimes)).toBe('{"amount":"1","currency":"EUR"}');
  });

  it('sums the worked example remunerations', () => {
    const total = sumMoney([money('2.44', 'EUR'), money('4.88', 'EUR')], 'EUR');
    expect(JSON.stringify(total)).toBe('{"amount":"7.32","currency":"EUR"}');
  });

  it('gives zero in the requested currency for an empty list', () => {
    expect(JSON.stringify(sumMoney([], 'GBP'))).toBe('{"amount":"0","currency":"GBP"}');
    expect(() => sumMoney([], 'gbp')).toThrow(ConfigError);
  });

  it('cancels to zero, not negative zero', () => {
    expect(JSON.stringify(addMoney(money('-0.5', 'EUR'), money('0.5', 'EUR')))).toBe(
      '{"amount":"0","currency":"EUR"}',
    );
    expect(JSON.stringify(sumMoney([money('-0', 'EUR'), money('-0', 'EUR')], 'EUR'))).toBe(
      '{"amount":"0","currency":"EUR"}',
    );
  });
});

describe('currency mismatch', () => {
  it('refuses to add two currencies', () => {
    let caught: unknown;
    try {
      addMoney(money('1', 'EUR'), money('1', 'USD'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CurrencyMismatchError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as CurrencyMismatchError;
    expect(error.name).toBe('CurrencyMismatchError');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^\[charging-sessions\] /);
    expect(error.expected).toBe('EUR');
    expect(error.received).toBe('USD');
    expect(error.message).toMatch(/cannot add USD to EUR: amounts in different currencies are never mixed/);
  });

  it('refuses a sum with an item in another currency, naming the currency asked for', () => {
    expect(() => sumMoney([money('1', 'EUR'), money('1', 'USD')], 'EUR')).toThrow(
      expect.objectContaining({ expected: 'EUR', received: 'USD' }),
    );
    expect(() => sumMoney([money('1', 'EUR')], 'USD')).toThrow(
      expect.objectContaining({ expected: 'USD', received: 'EUR' }),
    );
    expect(() => sumMoney([money('1', 'EUR')], 'USD')).toThrow(/cannot add EUR to USD/);
  });

  it('refuses to compare two currencies', () => {
    expect(() => compareMoney(money('1', 'GBP'), money('1', 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => compareMoney(money('1', 'GBP'), money('1', 'EUR'))).toThrow(
      /cannot compare EUR with GBP: amounts in different currencies are never mixed/,
    );
  });
});

describe('compareMoney', () => {
  it('orders amounts in one currency', () => {
    expect(compareMoney(money('2.44', 'EUR'), money('2.45', 'EUR'))).toBe(-1);
    expect(compareMoney(money('2.45', 'EUR'), money('2.44', 'EUR'))).toBe(1);
    expect(compareMoney(money('2.5', 'EUR'), money('2.50', 'EUR'))).toBe(0);
    expect(compareMoney(money('-0.01', 'EUR'), zeroMoney('EUR'))).toBe(-1);
    expect(compareMoney(money('-0', 'EUR'), zeroMoney('EUR'))).toBe(0);
  });
});

describe('properties', () => {
  const asMoney = (v: Scaled, currency = 'EUR'): Money => money(scaledValueText(v), currency);

  it('add equals the exact bigint sum', () => {
    fc.assert(
      fc.property(scaledArb, scaledArb, (a, b) => {
        expect(addMoney(asMoney(a), asMoney(b)).amount.eq(scaledValueText(bigSum([a, b])))).toBe(true);
      }),
    );
  });

  it('add is commutative', () => {
    fc.assert(
      fc.property(scaledArb, scaledArb, (a, b) => {
        expect(JSON.stringify(addMoney(asMoney(a), asMoney(b)))).toBe(JSON.stringify(addMoney(asMoney(b), asMoney(a))));
      }),
    );
  });

  it('zero is the identity of add and of sum', () => {
    fc.assert(
      fc.property(scaledArb, currencyArb, (a, currency) => {
        const m = asMoney(a, currency);
        expect(JSON.stringify(addMoney(m, zeroMoney(currency)))).toBe(JSON.stringify(m));
        expect(JSON.stringify(addMoney(zeroMoney(currency), m))).toBe(JSON.stringify(m));
        expect(JSON.stringify(sumMoney([m], currency))).toBe(JSON.stringify(m));
      }),
    );
  });

  it('sum equals the exact sum of the parts', () => {
    fc.assert(
      fc.property(fc.array(scaledArb, { maxLength: 30 }), (values) => {
        const total = sumMoney(values.map((v) => asMoney(v)), 'EUR');
        expect(total.amount.eq(scaledValueText(bigSum(values)))).toBe(true);
        expect(total.currency).toBe('EUR');
      }),
    );
  });

  it('sum does not depend on the order of the items', () => {
    fc.assert(
      fc.property(
        fc
          .array(scaledArb, { maxLength: 30 })
          .chain((values) =>
            fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length })),
          ),
        ([values, shuffled]) => {
          const a = sumMoney(values.map((v) => asMoney(v)), 'EUR');
          const b = sumMoney(shuffled.map((v) => asMoney(v)), 'EUR');
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        },
      ),
    );
  });

  it('summing one tenth n times gives exactly n tenths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const total = sumMoney(Array.from({ length: n }, () => money(0.1, 'EUR')), 'EUR');
        expect(total.amount.toString()).toBe(scaledValueText({ unscaled: BigInt(n), scale: 1 }).replace(/\.0$/, ''));
      }),
    );
  });

  it('compare agrees with exact bigint ordering and is antisymmetric', () => {
    fc.assert(
      fc.property(scaledArb, scaledArb, (a, b) => {
        const diff = bigSum([a, { unscaled: -b.unscaled, scale: b.scale }]).unscaled;
        const expected = diff < 0n ? -1 : diff > 0n ? 1 : 0;
        expect(compareMoney(asMoney(a), asMoney(b))).toBe(expected);
        expect(compareMoney(asMoney(b), asMoney(a))).toBe(-expected || 0);
      }),
    );
  });

  it('round-trips through JSON as a plain decimal string, never "-0"', () => {
    fc.assert(
      fc.property(scaledArb, currencyArb, (a, currency) => {
        const m = asMoney(a, currency);
        const json = JSON.parse(JSON.stringify(m)) as { amount: string; currency: string };
        expect(json.amount).toMatch(PLAIN_DECIMAL);
        expect(json.amount).not.toBe('-0');
        expect(json.currency).toBe(currency);
        expect(compareMoney(money(json.amount, json.currency), m)).toBe(0);
      }),
    );
  });

  it('never mixes two different currencies', () => {
    fc.assert(
      fc.property(
        scaledArb,
        scaledArb,
        currencyArb,
        currencyArb,
        (a, b, c1, c2) => {
          fc.pre(c1 !== c2);
          const mismatch = expect.objectContaining({ expected: c1, received: c2 });
          expect(() => addMoney(asMoney(a, c1), asMoney(b, c2))).toThrow(mismatch);
          expect(() => compareMoney(asMoney(a, c1), asMoney(b, c2))).toThrow(mismatch);
          expect(() => sumMoney([asMoney(a, c1), asMoney(b, c2)], c1)).toThrow(mismatch);
        },
      ),
    );
  });
});
