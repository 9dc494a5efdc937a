import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../src/model/decimal';
import { validityConfigSchema } from '../../src/rules/config';
import { decimalTextArb, validityConfigInputArb } from '../../src/testing';

/** The issues of a refused configuration, as [path, message] pairs. */
function issues(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = validityConfigSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('validityConfigSchema defaults', () => {
  it('are the domain rules: [0, 350] kWh inclusive, 120 s, energy required, only Accepted, optional rules off', () => {
    const config = validityConfigSchema.parse({});
    expect(config.energyKWh.min.toString()).toBe('0');
    expect(config.energyKWh.max.toString()).toBe('350');
    expect(config.minDurationSeconds.toString()).toBe('120');
    expect(config).toMatchObject({
      maxDurationSeconds: null,
      requireEnergy: true,
      acceptedAuthorizations: ['Accepted'],
      lowEnergy: null,
      maxAveragePower: null,
      earliestStart: null,
    });
  });

  it('fills in each part that is left out', () => {
    const config = validityConfigSchema.parse({ energyKWh: { max: '80' } });
    expect(config.energyKWh.min.toString()).toBe('0');
    expect(config.energyKWh.max.toString()).toBe('80');
    expect(validityConfigSchema.parse({ maxAveragePower: { kW: 11 } }).maxAveragePower?.tolerancePercent.toString()).toBe('10');
  });

  it('reads limits into exact decimals with the library constructor', () => {
    const config = validityConfigSchema.parse({ energyKWh: { min: 0.1, max: '350.0000000000000000001' }, minDurationSeconds: 119.999 });
    expect(config.energyKWh.min).toBeInstanceOf(Exact);
    expect(config.energyKWh.min.toString()).toBe('0.1');
    expect(config.energyKWh.max.toString()).toBe('350.0000000000000000001');
    expect(config.minDurationSeconds.toString()).toBe('119.999');
  });

  it('accepts equal bounds (a single allowed energy) and equal minimum and maximum durations', () => {
    expect(validityConfigSchema.safeParse({ energyKWh: { min: '5', max: '5' } }).success).toBe(true);
    expect(validityConfigSchema.safeParse({ minDurationSeconds: 200, maxDurationSeconds: 200 }).success).toBe(true);
  });

  it('reads earliestStart as an instant', () => {
    expect(validityConfigSchema.parse({ earliestStart: '2020-01-01T00:00:00+01:00' }).earliestStart?.toISOString()).toBe('2019-12-31T23:00:00.000Z');
  });
});

describe('validityConfigSchema errors', () => {
  it('refuses min above max, at the min', () => {
    expect(issues({ energyKWh: { min: '10', max: '5' } })).toEqual([{ path: ['energyKWh', 'min'], message: 'min (10) is above max (5)' }]);
    expect(issues({ energyKWh: { min: '350.001' } })).toEqual([{ path: ['energyKWh', 'min'], message: 'min (350.001) is above max (350)' }]);
  });

  it('refuses a minimum duration above the maximum', () => {
    expect(issues({ minDurationSeconds: 200, maxDurationSeconds: 100 })).toEqual([
      { path: ['minDurationSeconds'], message: 'minDurationSeconds (200) is above maxDurationSeconds (100)' },
    ]);
  });

  it('refuses negative or zero limits where they make no sense', () => {
    expect(issues({ minDurationSeconds: '-0.5', maxDurationSeconds: 0 })).toEqual([
      { path: ['minDurationSeconds'], message: 'minDurationSeconds cannot be negative' },
      { path: ['maxDurationSeconds'], message: 'maxDurationSeconds must be above 0' },
    ]);
    expect(issues({ lowEnergy: { atMostKWh: '-1' }, maxAveragePower: { kW: '0', tolerancePercent: '-1' } })).toEqual([
      { path: ['lowEnergy', 'atMostKWh'], message: 'atMostKWh cannot be negative' },
      { path: ['maxAveragePower', 'kW'], message: 'kW must be above 0' },
      { path: ['maxAveragePower', 'tolerancePercent'], message: 'tolerancePercent cannot be negative' },
    ]);
  });

  it('refuses an empty or unknown list of accepted statuses', () => {
    expect(issues({ acceptedAuthorizations: [] })).toEqual([
      { path: ['acceptedAuthorizations'], message: 'at least one authorisation status must be accepted' },
    ]);
    const [unknown] = issues({ acceptedAuthorizations: ['Accepted', 'Acepted'] });
    expect(unknown?.path).toEqual(['acceptedAuthorizations', 1]);
    expect(unknown?.message).toContain('"Acepted"');
    expect(unknown?.message).toContain('ConcurrentTx');
  });

  it('refuses a decimal it cannot read exactly, naming the value', () => {
    const [issue] = issues({ energyKWh: { max: 'lots' } });
    expect(issue?.path).toEqual(['energyKWh', 'max']);
    expect(issue?.message).toContain('"lots"');
  });

  it('refuses an earliestStart that names no instant', () => {
    expect(issues({ earliestStart: '2022-01-01' }).map((issue) => issue.path)).toEqual([['earliestStart']]);
    expect(issues({ earliestStart: '2022-01-01T00:00:00' }).map((issue) => issue.path)).toEqual([['earliestStart']]);
  });

  it('lists every problem at once', () => {
    const found = issues({ energyKWh: { min: '10', max: '5' }, minDurationSeconds: -1, requireEnergy: 'yes', acceptedAuthorizations: [] });
    // A wrong type in one field must not hide the cross-field check of the bounds.
    expect(found.map((issue) => issue.path).sort()).toEqual([['acceptedAuthorizations'], ['energyKWh', 'min'], ['minDurationSeconds'], ['requireEnergy']]);
  });

  it('names an unknown key, such as a typo, so it is not silently ignored', () => {
    for (const [input, where, key] of [
      [{ minDurationSecs: 3 }, [], 'minDurationSecs'],
      [{ energyKWh: { mn: '1' } }, ['energyKWh'], 'mn'],
      [{ maxAveragePower: { kw: '11' } }, ['maxAveragePower'], 'kw'],
    ] as const) {
      const found = issues(input);
      expect(found).toHaveLength(1);
      const [issue] = found;
      expect([where, [...where, key]]).toContainEqual(issue?.path);
      expect(issue?.message).toContain(key);
    }
  });

  it('names the expected shape when the rules are not an object', () => {
    expect(issues(null)).toEqual([{ path: [], message: 'expected the validity rules as an object, received null' }]);
  });
});

describe('properties', () => {
  it('every generated configuration is valid and keeps its limits exactly', () => {
    fc.assert(
      fc.property(validityConfigInputArb, (input) => {
        const config = validityConfigSchema.parse(input);
        if (input.energyKWh?.min !== undefined) expect(config.energyKWh.min.eq(new Decimal(String(input.energyKWh.min)))).toBe(true);
        if (input.energyKWh?.max !== undefined) expect(config.energyKWh.max.eq(new Decimal(String(input.energyKWh.max)))).toBe(true);
        expect(config.energyKWh.min.lte(config.energyKWh.max)).toBe(true);
      }),
    );
  });

  it('bounds are accepted exactly when min <= max', () => {
    fc.assert(
      fc.property(decimalTextArb(-10, 400, 4), decimalTextArb(-10, 400, 4), (min, max) => {
        const result = validityConfigSchema.safeParse({ energyKWh: { min, max } });
        expect(result.success).toBe(new Decimal(min).lte(max));
        if (!result.success) expect(result.error.issues.map((issue) => issue.path)).toEqual([['energyKWh', 'min']]);
      }),
    );
  });

  it('a minimum duration is accepted exactly when it is not negative', () => {
    fc.assert(
      fc.property(decimalTextArb(-600, 600, 3), (seconds) => {
        expect(validityConfigSchema.safeParse({ minDurationSeconds: seconds }).success).toBe(!new Decimal(seconds).isNegative() || new Decimal(seconds).isZero());
      }),
    );
  });
});
