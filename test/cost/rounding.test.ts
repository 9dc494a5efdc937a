import fc from 'fast-check';
import { ConfigError } from '../../src/errors';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/cost/money';
import type { Money } from '../../src/cost/money';
import { findMinorUnitDigits, ROUNDING_MODES, minorUnitDigits, roundMoney } from '../../src/cost/rounding';
import type { RoundingMode } from '../../src/cost/rounding';
import { Exact } from '../../src/model/decimal';
import { scaledDecimalArb, scaledValueText, type Scaled } from '../support/scaled';

const rounded = (amount: string, mode?: RoundingMode, currency = 'EUR'): string =>
  roundMoney(money(amount, currency), mode).amount.toString();

describe('roundMoney', () => {
  it('rounds the worked example to the cent', () => {
    expect(rounded('2.4400218')).toBe('2.44');
    const remuneration = (energy: string) => roundMoney(money(new Exact(energy).times('0.6654'), 'EUR'));
    expect(JSON.stringify(remuneration('3.667'))).toBe('{"amount":"2.44","currency":"EUR"}');
    expect(JSON.stringify(remuneration('7.334'))).toBe('{"amount":"4.88","currency":"EUR"}');
  });

  it('rounds halves away from zero with half-up, the default', () => {
    expect(rounded('2.445')).toBe('2.45');
    expect(rounded('2.445', 'half-up')).toBe('2.45');
    expect(rounded('2.435', 'half-up')).toBe('2.44');
    expect(rounded('-2.445', 'half-up')).toBe('-2.45');
    expect(rounded('2.4449999', 'half-up')).toBe('2.44');
  });

  it('rounds halves to the even neighbour with half-even', () => {
    expect(rounded('2.445', 'half-even')).toBe('2.44');
    expect(rounded('2.435', 'half-even')).toBe('2.44');
    expect(rounded('-2.445', 'half-even')).toBe('-2.44');
    expect(rounded('-2.455', 'half-even')).toBe('-2.46');
    expect(rounded('2.4450001', 'half-even')).toBe('2.45');
  });

  it('rounds away from zero with up and toward zero with down', () => {
    expect(rounded('2.441', 'up')).toBe('2.45');
    expect(rounded('-2.441', 'up')).toBe('-2.45');
    expect(rounded('2.44', 'up')).toBe('2.44');
    expect(rounded('2.449', 'down')).toBe('2.44');
    expect(rounded('-2.449', 'down')).toBe('-2.44');
    expect(rounded('0.0001', 'up')).toBe('0.01');
  });

  it('never yields negative zero', () => {
    expect(JSON.stringify(roundMoney(money('-0.001', 'EUR'), 'down'))).toBe('{"amount":"0","currency":"EUR"}');
    expect(JSON.stringify(roundMoney(money('-0.004', 'EUR'), 'half-up'))).toBe('{"amount":"0","currency":"EUR"}');
  });

  it('uses the currency minor unit: none for JPY, three decimals for KWD', () => {
    expect(rounded('1234.5', 'half-up', 'JPY')).toBe('1235');
    expect(rounded('1234.5', 'half-even', 'JPY')).toBe('1234');
    expect(rounded('1234.01', 'up', 'JPY')).toBe('1235');
    expect(rounded('1.23456', 'half-up', 'KWD')).toBe('1.235');
  });

  it('lets the configuration override or add a minor unit', () => {
    expect(roundMoney(money('1234.56', 'HUF'), 'half-up', { HUF: 0 }).amount.toString()).toBe('1235');
    expect(roundMoney(money('1234.56', 'HUF'), 'half-up').amount.toString()).toBe('1234.56');
    expect(roundMoney(money('0.123456', 'XTS'), 'down', { XTS: 4 }).amount.toString()).toBe('0.1234');
  });

  it('keeps the currency and leaves the input untouched', () => {
    const input = money('2.445', 'EUR');
    const output = roundMoney(input);
    expect(output.currency).toBe('EUR');
    expect(input.amount.toString()).toBe('2.445');
    expect(Object.isFrozen(output)).toBe(true);
  });

  it('refuses an unknown rounding mode and lists the valid ones', () => {
    expect(() => roundMoney(money('1', 'EUR'), 'half_up' as RoundingMode)).toThrow(
      'unknown rounding mode "half_up": use one of "half-up", "half-even", "up", "down"',
    );
  });

  it('refuses a currency with no known minor unit', () => {
    expect(() => roundMoney(money('1', 'XTS'))).toThrow(ConfigError);
    expect(() => roundMoney(money('1', 'XTS'))).toThrow(/give it in the minor units/);
  });
});

describe('minorUnitDigits', () => {
  it('knows every ISO 4217 currency the runtime knows, with the ISO minor unit where display data differs', () => {
    expect(minorUnitDigits('THB')).toBe(2);
    expect(minorUnitDigits('MAD')).toBe(2);
    expect(minorUnitDigits('IDR')).toBe(2);
    expect(minorUnitDigits('IQD')).toBe(3);
    expect(minorUnitDigits('ISK')).toBe(0);
    expect(findMinorUnitDigits('XTS')).toBeNull();
    expect(findMinorUnitDigits('eur')).toBeNull();
  });

  it('knows the ISO 4217 minor units of common currencies', () => {
    for (const currency of ['EUR', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'USD', 'CZK', 'HUF']) {
      expect(minorUnitDigits(currency)).toBe(2);
    }
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KRW')).toBe(0);
    for (const currency of ['BHD', 'KWD', 'JOD', 'OMR', 'TND']) {
      expect(minorUnitDigits(currency)).toBe(3);
    }
  });

  it('lets overrides win and fills in currencies the table lacks', () => {
    expect(minorUnitDigits('HUF', { HUF: 0 })).toBe(0);
    expect(minorUnitDigits('EUR', { HUF: 0 })).toBe(2);
    expect(minorUnitDigits('XTS', { XTS: 5 })).toBe(5);
  });

  it('tells how to fix an unknown currency', () => {
    expect(() => minorUnitDigits('XTS')).toThrow(
      'unknown minor unit for currency XTS: give it in the minor units, e.g. { "XTS": 2 } for two decimals',
    );
    expect(() => minorUnitDigits('XTS', { EUR: 2 })).toThrow(ConfigError);
  });

  it('refuses malformed codes and overrides', () => {
    expect(() => minorUnitDigits('eur')).toThrow(/three uppercase letters/);
    expect(() => minorUnitDigits('EUR', { EUR: -1 })).toThrow(/invalid minor unit for EUR/);
    expect(() => minorUnitDigits('EUR', { EUR: 1.5 })).toThrow(ConfigError);
    expect(() => minorUnitDigits('EUR', { EUR: Number.NaN })).toThrow(ConfigError);
  });

  it('ignores inherited keys of the overrides object', () => {
    const inherited = Object.create({ XTS: 2 }) as Record<string, number>;
    expect(() => minorUnitDigits('XTS', inherited)).toThrow(/unknown minor unit/);
  });
});

describe('properties', () => {
  const scaledArb = scaledDecimalArb(10n ** 25n);
  const modeArb = fc.constantFrom(...ROUNDING_MODES);
  const digitsArb = fc.integer({ min: 0, max: 6 });
  /** Rounds in the test currency XTS with `digits` decimals. */
  const round = (m: Money, mode: RoundingMode, digits: number): Money => roundMoney(m, mode, { XTS: digits });
  const asMoney = (v: Scaled): Money => money(scaledValueText(v), 'XTS');
  const unit = (digits: number) => new Exact(10).pow(-digits);

  it('has at most the minor unit decimals and keeps the currency', () => {
    fc.assert(
      fc.property(scaledArb, modeArb, digitsArb, (v, mode, digits) => {
        const r = round(asMoney(v), mode, digits);
        expect(r.amount.decimalPlaces()).toBeLessThanOrEqual(digits);
        expect(r.currency).toBe('XTS');
      }),
    );
  });

  it('half-up and half-even stay within half a minor unit', () => {
    fc.assert(
      fc.property(scaledArb, fc.constantFrom<RoundingMode>('half-up', 'half-even'), digitsArb, (v, mode, digits) => {
        const exact = asMoney(v).amount;
        const r = round(asMoney(v), mode, digits).amount;
        expect(r.minus(exact).abs().lte(unit(digits).div(2))).toBe(true);
      }),
    );
  });

  it('up moves away from zero and down toward zero, by less than one minor unit', () => {
    fc.assert(
      fc.property(scaledArb, fc.constantFrom<RoundingMode>('up', 'down'), digitsArb, (v, mode, digits) => {
        const exact = asMoney(v).amount;
        const r = round(asMoney(v), mode, digits).amount;
        expect(r.minus(exact).abs().lt(unit(digits))).toBe(true);
        if (mode === 'up') expect(r.abs().gte(exact.abs())).toBe(true);
        else expect(r.abs().lte(exact.abs())).toBe(true);
        // never crosses zero
        expect(r.isZero() || exact.isZero() || r.isNegative() === exact.isNegative()).toBe(true);
      }),
    );
  });

  it('exact halves go the way the mode says', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.boolean(),
        digitsArb,
        modeArb,
        (whole, negative, digits, mode) => {
          // |value| = (|whole| + 0.5) minor units, exactly halfway between |whole| and |whole| + 1.
          const magnitude = whole < 0n ? -whole : whole;
          const sign = negative ? -1n : 1n;
          const half = asMoney({ unscaled: sign * (magnitude * 10n + 5n), scale: digits + 1 });
          const r = round(half, mode, digits).amount;
          const toward = new Exact(scaledValueText({ unscaled: sign * magnitude, scale: digits }));
          const away = new Exact(scaledValueText({ unscaled: sign * (magnitude + 1n), scale: digits }));
          const expected =
            mode === 'half-up' || mode === 'up'
              ? away
              : mode === 'down'
                ? toward
                : magnitude % 2n === 0n
                  ? toward
                  : away;
          expect(r.eq(expected)).toBe(true);
        },
      ),
    );
  });

  it('is idempotent: a rounded amount stays put under every mode', () => {
    fc.assert(
      fc.property(scaledArb, modeArb, modeArb, digitsArb, (v, first, second, digits) => {
        const once = round(asMoney(v), first, digits);
        expect(JSON.stringify(round(once, first, digits))).toBe(JSON.stringify(once));
        expect(JSON.stringify(round(once, second, digits))).toBe(JSON.stringify(once));
      }),
    );
  });

  it('is symmetric around zero for every mode', () => {
    fc.assert(
      fc.property(scaledArb, modeArb, digitsArb, (v, mode, digits) => {
        const positive = round(asMoney(v), mode, digits).amount;
        const negative = round(asMoney({ unscaled: -v.unscaled, scale: v.scale }), mode, digits).amount;
        expect(negative.eq(positive.neg())).toBe(true);
      }),
    );
  });

  it('rounds tiny negative amounts to zero, never to "-0"', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -999n, max: -1n }),
        fc.integer({ min: 7, max: 12 }),
        fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down'),
        fc.integer({ min: 0, max: 3 }),
        (unscaled, scale, mode, digits) => {
          // |value| < 10^-4, far below half of the smallest unit used here (10^-3).
          const r = round(asMoney({ unscaled, scale }), mode, digits);
          expect(JSON.stringify(r)).toBe('{"amount":"0","currency":"XTS"}');
        },
      ),
    );
  });
});
