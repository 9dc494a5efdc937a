import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodContains, resolvePeriod, resolveZonedTime, timeZoneSchema, zonedTimeInputSchema } from '../../src/model/period';
import type { Period } from '../../src/model/period';

/** Collects the issues a resolver reports. */
function sink() {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  return { issues, addIssue: (issue: { path: PropertyKey[]; message: string }) => void issues.push({ path: issue.path, message: issue.message }) };
}

const at = (iso: string) => new Date(iso);

describe('periodContains', () => {
  const november: Period = { from: at('2022-10-31T23:00:00Z'), until: at('2022-11-30T23:00:00Z') };

  it('includes the start and excludes the end', () => {
    expect(periodContains(november, at('2022-10-31T23:00:00.000Z'))).toBe(true);
    expect(periodContains(november, at('2022-10-31T22:59:59.999Z'))).toBe(false);
    expect(periodContains(november, at('2022-11-30T22:59:59.999Z'))).toBe(true);
    expect(periodContains(november, at('2022-11-30T23:00:00.000Z'))).toBe(false);
    expect(periodContains(november, at('2022-11-10T13:50:16Z'))).toBe(true);
  });

  it('treats a null end as still valid and a null start as since always', () => {
    expect(periodContains({ from: at('2022-11-01T00:00:00Z'), until: null }, at('9999-12-31T00:00:00Z'))).toBe(true);
    expect(periodContains({ from: at('2022-11-01T00:00:00Z'), until: null }, at('2022-10-31T23:59:59.999Z'))).toBe(false);
    expect(periodContains({ from: null, until: at('2022-11-01T00:00:00Z') }, at('1970-01-01T00:00:00Z'))).toBe(true);
    expect(periodContains({ from: null, until: at('2022-11-01T00:00:00Z') }, at('2022-11-01T00:00:00Z'))).toBe(false);
    expect(periodContains({ from: null, until: null }, at('2022-11-01T00:00:00Z'))).toBe(true);
  });

  it('contains nothing when until equals from', () => {
    const instant = at('2022-11-01T00:00:00Z');
    expect(periodContains({ from: instant, until: instant }, instant)).toBe(false);
  });
});

describe('timeZoneSchema', () => {
  it('accepts IANA names and defaults to Europe/Brussels', () => {
    expect(timeZoneSchema.parse('America/Santiago')).toBe('America/Santiago');
    expect(timeZoneSchema.parse(undefined)).toBe('Europe/Brussels');
  });

  it('refuses an unknown zone, naming it and giving an example', () => {
    const result = timeZoneSchema.safeParse('Europe/Bruxelles');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('unknown time zone "Europe/Bruxelles"; use an IANA name such as "Europe/Brussels"');
    expect(timeZoneSchema.safeParse(1).error?.issues[0]?.message).toBe('expected an IANA time zone name such as "Europe/Brussels"');
  });
});

describe('zonedTimeInputSchema', () => {
  it('takes strings and Dates, and refuses anything else with an example', () => {
    expect(zonedTimeInputSchema.parse('2022-11-01')).toBe('2022-11-01');
    expect(zonedTimeInputSchema.safeParse(20221101).error?.issues[0]?.message).toBe(
      'expected a date such as "2022-11-01" or a date-time, received 20221101',
    );
  });
});

describe('resolveZonedTime', () => {
  it('reads a date as local midnight in the zone, in winter and in summer', () => {
    const ctx = sink();
    expect(resolveZonedTime('2022-11-01', 'Europe/Brussels', ctx, ['validFrom'])?.toISOString()).toBe('2022-10-31T23:00:00.000Z');
    expect(resolveZonedTime('2022-07-01', 'Europe/Brussels', ctx, ['validFrom'])?.toISOString()).toBe('2022-06-30T22:00:00.000Z');
    expect(resolveZonedTime('2022-11-01', 'America/New_York', ctx, ['validFrom'])?.toISOString()).toBe('2022-11-01T04:00:00.000Z');
    expect(resolveZonedTime('2022-09-11', 'America/Santiago', ctx, ['validFrom'])?.toISOString()).toBe('2022-09-11T04:00:00.000Z');
    expect(resolveZonedTime('2022-11-01T12:00:00Z', 'Europe/Brussels', ctx, ['validFrom'])?.toISOString()).toBe('2022-11-01T12:00:00.000Z');
    expect(ctx.issues).toEqual([]);
  });

  it('passes a Date through', () => {
    const date = at('2022-11-01T12:00:00Z');
    expect(resolveZonedTime(date, 'Europe/Brussels', sink(), ['validFrom'])?.getTime()).toBe(date.getTime());
  });

  it('reports an unreadable date at the given path and returns null', () => {
    const ctx = sink();
    expect(resolveZonedTime('2022-02-30', 'Europe/Brussels', ctx, ['licences', 0, 'validFrom'])).toBeNull();
    expect(ctx.issues).toEqual([{ path: ['licences', 0, 'validFrom'], message: '2022-02-30 is not a calendar date' }]);
  });
});

describe('resolvePeriod', () => {
  it('reads both ends in the zone; null or absent ends are open', () => {
    const ctx = sink();
    expect(resolvePeriod({ validFrom: '2022-11-01', validUntil: '2023-04-01' }, 'Europe/Brussels', ctx)).toEqual({
      from: at('2022-10-31T23:00:00Z'),
      until: at('2023-03-31T22:00:00Z'),
    });
    expect(resolvePeriod({ validFrom: '2022-11-01', validUntil: null }, 'Europe/Brussels', ctx)).toEqual({ from: at('2022-10-31T23:00:00Z'), until: null });
    expect(resolvePeriod({}, 'Europe/Brussels', ctx)).toEqual({ from: null, until: null });
    expect(ctx.issues).toEqual([]);
  });

  it('reports an empty period at validUntil, explaining that it is half-open', () => {
    const ctx = sink();
    resolvePeriod({ validFrom: '2022-11-01', validUntil: '2022-11-01' }, 'Europe/Brussels', ctx);
    expect(ctx.issues).toHaveLength(1);
    expect(ctx.issues[0]?.path).toEqual(['validUntil']);
    expect(ctx.issues[0]?.message).toContain('half-open');
  });

  it('reports every unreadable end', () => {
    const ctx = sink();
    expect(resolvePeriod({ validFrom: 'soon', validUntil: '2022-13-01' }, 'Europe/Brussels', ctx)).toEqual({ from: null, until: null });
    expect(ctx.issues.map((issue) => issue.path)).toEqual([['validFrom'], ['validUntil']]);
  });
});

describe('properties', () => {
  const instantArb = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  const endArb = fc.option(instantArb, { nil: null });

  it('contains exactly the instants from `from` inclusive to `until` exclusive', () => {
    fc.assert(
      fc.property(endArb, endArb, instantArb, (from, until, instant) => {
        const t = instant.getTime();
        const expected = (from === null || from.getTime() <= t) && (until === null || t < until.getTime());
        expect(periodContains({ from, until }, instant)).toBe(expected);
      }),
    );
  });

  it('contains its start, not its end, and not the moment before its start', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 10 ** 10 }), (from, length) => {
        const until = new Date(from.getTime() + length);
        expect(periodContains({ from, until }, from)).toBe(true);
        expect(periodContains({ from, until }, until)).toBe(false);
        expect(periodContains({ from, until }, new Date(until.getTime() - 1))).toBe(true);
        expect(periodContains({ from, until }, new Date(from.getTime() - 1))).toBe(false);
      }),
    );
  });

  it('splits a period at any instant into two that never overlap and leave no gap', () => {
    fc.assert(
      fc.property(fc.uniqueArray(instantArb, { minLength: 3, maxLength: 3, selector: (d) => d.getTime() }), instantArb, (cuts, instant) => {
        const [a, b, c] = [...cuts].sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const first = periodContains({ from: a, until: b }, instant);
        const second = periodContains({ from: b, until: c }, instant);
        expect(first && second).toBe(false);
        expect(first || second).toBe(periodContains({ from: a, until: c }, instant));
        // Open ends split the same way.
        expect(periodContains({ from: null, until: b }, instant)).not.toBe(periodContains({ from: b, until: null }, instant));
      }),
    );
  });
});
