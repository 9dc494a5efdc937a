import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validityConfigSchema, type ValidityConfigInput } from '../../src/rules/config';
import {
  VALIDITY_RULES,
  averagePowerPlausible,
  checkValidity,
  compileValidity,
  durationLongEnough,
  durationNotTooLong,
  endNotBeforeStart,
  energyInRange,
  energyNotTooLow,
  energyPresent,
  startNotInFuture,
  startNotTooEarly,
  stopReasonAccepted,
  tokenAccepted,
} from '../../src/rules/rules';
import { INVALID_REASON_CODES } from '../../src/rules/reason';
import { compareDecimals, Exact } from '../../src/model/decimal';
import { parseSession, type SessionInput } from '../../src/model/session';
import { SPLIT_BILLING_SESSION } from '../support/sessions';
import { AUTHORIZATION_STATUSES, type AuthorizationStatus } from '../../src/model/token';
import { decimalTextArb, nowArb, parsed, sessionArb, validityConfigInputArb } from '../../src/testing';

const START = '2022-11-10T13:50:16.000Z';
const START_MS = Date.parse(START);

/** A valid session at the default rules (15:02, 3.667 kWh, accepted), with overrides. */
function session(overrides: { durationMs?: number; energyKWh?: string | number | null; authorization?: AuthorizationStatus; startedAt?: string; maxPowerKW?: string } = {}) {
  const startedAt = overrides.startedAt ?? START;
  const input: SessionInput = {
    id: 's-1',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + (overrides.durationMs ?? 902_000)).toISOString(),
    energyKWh: overrides.energyKWh === undefined ? '3.667' : overrides.energyKWh,
    token: { uid: '04A23B5C', authorization: overrides.authorization ?? 'Accepted' },
    chargePoint: { id: 'cp_test2', ...(overrides.maxPowerKW === undefined ? {} : { maxPowerKW: overrides.maxPowerKW }) },
  };
  return parsed(input);
}

const rules = (input: ValidityConfigInput = {}) => validityConfigSchema.parse(input);
const DEFAULTS = rules();
const codes = (s: ReturnType<typeof session>, input: ValidityConfigInput = {}, now?: Date) => checkValidity(s, rules(input), now).map((r) => r.code);

describe('checkValidity with the default rules', () => {
  it('accepts an ordinary session', () => {
    expect(checkValidity(session(), DEFAULTS)).toEqual([]);
  });

  it('reports every failing rule, in rule order, not only the first', () => {
    const s = session({ authorization: 'Blocked', energyKWh: null, durationMs: 49_000 });
    expect(checkValidity(s, DEFAULTS).map((r) => r.code)).toEqual(['token-rejected', 'energy-missing', 'duration-too-short']);
    const t = session({ authorization: 'Expired', energyKWh: '-1', durationMs: 1_000 });
    expect(checkValidity(t, DEFAULTS).map((r) => r.code)).toEqual(['token-rejected', 'energy-out-of-range', 'duration-too-short']);
  });

  it('lists the rules in the order their reasons are reported', () => {
    expect(VALIDITY_RULES).toEqual([
      tokenAccepted,
      energyPresent,
      energyInRange,
      energyNotTooLow,
      endNotBeforeStart,
      durationLongEnough,
      durationNotTooLong,
      averagePowerPlausible,
      startNotTooEarly,
      startNotInFuture,
      stopReasonAccepted,
    ]);
  });
});

describe('stop reasons (optional rule, off by default)', () => {
  const stopped = (stopReason: string) => parsed({ ...SPLIT_BILLING_SESSION, stopReason } as SessionInput);

  it('accepts every stop reason by default', () => {
    expect(codes(stopped('EmergencyStop'))).toEqual([]);
    expect(codes(stopped('GroundFault'))).toEqual([]);
  });

  it('makes a session invalid when its stop reason is listed', () => {
    const reasons = checkValidity(stopped('EmergencyStop'), rules({ invalidStopReasons: ['EmergencyStop', 'GroundFault'] }));
    expect(reasons).toEqual([
      { code: 'stop-reason-invalid', message: 'the session stopped for a reason that makes it invalid (EmergencyStop)', actual: 'EmergencyStop', limit: 'EmergencyStop, GroundFault' },
    ]);
    expect(codes(stopped('EVDisconnected'), { invalidStopReasons: ['EmergencyStop'] })).toEqual([]);
    expect(codes(session(), { invalidStopReasons: ['EmergencyStop'] })).toEqual([]);
  });

  it('a session stopped DeAuthorized has a rejected token, whatever the rule configuration', () => {
    expect(codes(stopped('DeAuthorized'))).toEqual(['token-rejected']);
    expect(checkValidity(stopped('DeAuthorized'), DEFAULTS)[0]).toMatchObject({ actual: 'DeAuthorized' });
  });

  it('refuses an unknown stop reason in the configuration and in a session', () => {
    expect(validityConfigSchema.safeParse({ invalidStopReasons: ['Exploded'] }).error?.issues[0]?.message).toMatch(/unknown stop reason "Exploded"/);
    expect(parseSession({ ...SPLIT_BILLING_SESSION, stopReason: 'Exploded' }).error?.issues.map((i) => i.path)).toEqual([['stopReason']]);
  });
});

describe('energy bounds', () => {
  it.each(['0', '0.000', '0.001', '3.667', '11.001', '349.999', '350', '350.000'])('%s kWh is valid by the default bounds', (energy) => {
    expect(codes(session({ energyKWh: energy }))).toEqual([]);
  });

  it.each(['-0.001', '350.001', '-1', '1000', '350.0000000000000000001', '-0.0000000000000000001'])('%s kWh is out of range', (energy) => {
    expect(codes(session({ energyKWh: energy }))).toEqual(['energy-out-of-range']);
  });

  it('says what was measured and what the range is', () => {
    const reason = energyInRange(session({ energyKWh: '350.001' }), DEFAULTS, undefined);
    expect(reason).toMatchObject({ code: 'energy-out-of-range', actual: '350.001', limit: '0..350' });
    expect(reason?.message).toContain('350.001');
    expect(reason?.message).toContain('0 to 350');
  });

  it('reads a number as its decimal text, not its binary neighbour', () => {
    // 350.001 as a float is 350.00099999999997635...; read exactly it is still above 350.
    expect(codes(session({ energyKWh: 350.001 }))).toEqual(['energy-out-of-range']);
    expect(codes(session({ energyKWh: 350 }))).toEqual([]);
  });

  it('uses configured bounds, inclusively', () => {
    const bounds = { energyKWh: { min: '1', max: '80.5' } };
    expect(codes(session({ energyKWh: '1' }), bounds)).toEqual([]);
    expect(codes(session({ energyKWh: '80.5' }), bounds)).toEqual([]);
    expect(codes(session({ energyKWh: '0.999' }), bounds)).toEqual(['energy-out-of-range']);
    expect(codes(session({ energyKWh: '80.501' }), bounds)).toEqual(['energy-out-of-range']);
  });

  it('does not judge the range of an unknown energy (that is energy-missing)', () => {
    expect(energyInRange(session({ energyKWh: null }), DEFAULTS, undefined)).toBeNull();
  });
});

describe('missing energy', () => {
  it('is invalid by default', () => {
    expect(checkValidity(session({ energyKWh: null }), DEFAULTS)).toEqual([
      { code: 'energy-missing', message: expect.stringContaining('no energy') },
    ]);
  });

  it('is allowed when requireEnergy is off', () => {
    expect(codes(session({ energyKWh: null }), { requireEnergy: false })).toEqual([]);
  });
});

describe('minimum duration', () => {
  it('exactly 2:00 is valid; 1:59.999 is not', () => {
    expect(codes(session({ durationMs: 120_000 }))).toEqual([]);
    expect(codes(session({ durationMs: 120_001 }))).toEqual([]);
    expect(checkValidity(session({ durationMs: 119_999 }), DEFAULTS)).toEqual([
      { code: 'duration-too-short', message: expect.stringContaining('119.999 s'), actual: '119.999', limit: '120' },
    ]);
  });

  it('a zero-length session is too short, not end-before-start', () => {
    expect(codes(session({ durationMs: 0 }))).toEqual(['duration-too-short']);
  });

  it('is configurable, to the millisecond', () => {
    expect(codes(session({ durationMs: 299_999 }), { minDurationSeconds: 300 })).toEqual(['duration-too-short']);
    expect(codes(session({ durationMs: 300_000 }), { minDurationSeconds: 300 })).toEqual([]);
    expect(codes(session({ durationMs: 30_499 }), { minDurationSeconds: '30.5' })).toEqual(['duration-too-short']);
    expect(codes(session({ durationMs: 30_500 }), { minDurationSeconds: '30.5' })).toEqual([]);
    expect(codes(session({ durationMs: 0 }), { minDurationSeconds: 0 })).toEqual([]);
  });
});

describe('end before start', () => {
  it('has its own reason, without duration-too-short alongside', () => {
    const reasons = checkValidity(session({ durationMs: -1 }), DEFAULTS);
    expect(reasons).toEqual([{ code: 'end-before-start', message: expect.stringContaining('before it starts'), actual: '-0.001' }]);
    expect(codes(session({ durationMs: -3_600_000 }))).toEqual(['end-before-start']);
  });

  it('is not passed on as a negative duration to the optional rules', () => {
    // With the sign dropped, 2 hours would be too long and 50 kWh in 2 hours far above 1 kW.
    const s = session({ durationMs: -7_200_000, energyKWh: '50' });
    expect(codes(s, { maxDurationSeconds: 3_600, maxAveragePower: { kW: '1' } })).toEqual(['end-before-start']);
  });

  it('is reported with the other failing rules', () => {
    expect(codes(session({ durationMs: -1, energyKWh: null, authorization: 'Invalid' }))).toEqual(['token-rejected', 'energy-missing', 'end-before-start']);
  });
});

describe('authorisation', () => {
  const rejected = AUTHORIZATION_STATUSES.filter((status) => status !== 'Accepted');

  it('rejects every OCPP status but Accepted by default', () => {
    expect(rejected).toHaveLength(9);
    for (const status of rejected) {
      expect(checkValidity(session({ authorization: status }), DEFAULTS)).toEqual([
        { code: 'token-rejected', message: expect.stringContaining(status), actual: status, limit: 'Accepted' },
      ]);
    }
  });

  it('accepts the configured statuses, e.g. ConcurrentTx', () => {
    const accept: ValidityConfigInput = { acceptedAuthorizations: ['Accepted', 'ConcurrentTx'] };
    expect(codes(session({ authorization: 'ConcurrentTx' }), accept)).toEqual([]);
    expect(codes(session({ authorization: 'Accepted' }), accept)).toEqual([]);
    expect(codes(session({ authorization: 'Blocked' }), accept)).toEqual(['token-rejected']);
  });

  it('can even refuse Accepted when the configuration leaves it out', () => {
    expect(codes(session({ authorization: 'Accepted' }), { acceptedAuthorizations: ['ConcurrentTx'] })).toEqual(['token-rejected']);
  });
});

describe('optional rules', () => {
  it('are all off by default', () => {
    // 350 kWh in 2 minutes on an 11 kW connector, in 1970, with nothing else wrong.
    const implausible = session({ energyKWh: '350', durationMs: 120_000, maxPowerKW: '11', startedAt: '1970-01-02T00:00:00.000Z' });
    expect(checkValidity(implausible, DEFAULTS)).toEqual([]);
    expect(codes(session({ durationMs: 30 * 86_400_000 }))).toEqual([]);
    expect(codes(session({ energyKWh: '0' }))).toEqual([]);
    expect(DEFAULTS).toMatchObject({ maxDurationSeconds: null, lowEnergy: null, maxAveragePower: null, earliestStart: null });
  });

  describe('maximum duration', () => {
    it('24 h exactly is valid, a millisecond more is not', () => {
      const max = { maxDurationSeconds: 86_400 };
      expect(codes(session({ durationMs: 86_400_000 }), max)).toEqual([]);
      expect(checkValidity(session({ durationMs: 86_400_001 }), rules(max))).toEqual([
        { code: 'duration-too-long', message: expect.stringContaining('86400.001 s'), actual: '86400.001', limit: '86400' },
      ]);
    });
  });

  describe('low energy', () => {
    it('a session with at most the configured energy is invalid', () => {
      const low = { lowEnergy: { atMostKWh: '0.5' } };
      expect(codes(session({ energyKWh: '0' }), low)).toEqual(['energy-too-low']);
      expect(checkValidity(session({ energyKWh: '0.5' }), rules(low))).toEqual([
        { code: 'energy-too-low', message: expect.any(String), actual: '0.5', limit: '0.5' },
      ]);
      expect(codes(session({ energyKWh: '0.501' }), low)).toEqual([]);
    });

    it('zero consumption only, with atMostKWh 0', () => {
      expect(codes(session({ energyKWh: '0' }), { lowEnergy: { atMostKWh: 0 } })).toEqual(['energy-too-low']);
      expect(codes(session({ energyKWh: '0.001' }), { lowEnergy: { atMostKWh: 0 } })).toEqual([]);
    });

    it('leaves an unknown energy to energy-missing', () => {
      expect(codes(session({ energyKWh: null }), { lowEnergy: { atMostKWh: '0.5' } })).toEqual(['energy-missing']);
    });
  });

  describe('average power', () => {
    const hour = 3_600_000;

    it("uses the connector's power plus the default 10 % tolerance", () => {
      const on = { maxAveragePower: {} };
      expect(codes(session({ energyKWh: '12.1', durationMs: hour, maxPowerKW: '11' }), on)).toEqual([]);
      const reasons = checkValidity(session({ energyKWh: '12.101', durationMs: hour, maxPowerKW: '11' }), rules(on));
      expect(reasons).toEqual([{ code: 'power-implausible', message: expect.stringContaining('11 kW'), actual: '12.101', limit: '12.1' }]);
    });

    it('uses the configured kW when the session does not say, and the configured tolerance', () => {
      const on = { maxAveragePower: { kW: '22', tolerancePercent: '0' } };
      expect(codes(session({ energyKWh: '11', durationMs: hour / 2 }), on)).toEqual([]);
      expect(codes(session({ energyKWh: '11.001', durationMs: hour / 2 }), on)).toEqual(['power-implausible']);
      const tolerant = { maxAveragePower: { kW: '22', tolerancePercent: '50' } };
      expect(codes(session({ energyKWh: '33', durationMs: hour }), tolerant)).toEqual([]);
      expect(codes(session({ energyKWh: '33.001', durationMs: hour }), tolerant)).toEqual(['power-implausible']);
    });

    it("prefers the connector's power over the configured kW", () => {
      const on = { maxAveragePower: { kW: '150', tolerancePercent: '0' } };
      expect(codes(session({ energyKWh: '11.001', durationMs: hour, maxPowerKW: '11' }), on)).toEqual(['power-implausible']);
    });

    it('does nothing without any power to compare with, or without energy', () => {
      expect(codes(session({ energyKWh: '300', durationMs: 120_000 }), { maxAveragePower: {} })).toEqual([]);
      expect(codes(session({ energyKWh: null, durationMs: 120_000 }), { maxAveragePower: { kW: '1' }, requireEnergy: false })).toEqual([]);
    });

    it('treats energy in no time as implausible, and no energy in no time as plausible', () => {
      const on = { maxAveragePower: { kW: '1' }, minDurationSeconds: 0 };
      expect(codes(session({ energyKWh: '0.001', durationMs: 0 }), on)).toEqual(['power-implausible']);
      expect(codes(session({ energyKWh: '0', durationMs: 0 }), on)).toEqual([]);
    });
  });

  describe('earliest start', () => {
    it('a session starting before it is invalid; at it, valid', () => {
      const early = { earliestStart: '2020-01-01T00:00:00+01:00' };
      expect(codes(session({ startedAt: '2019-12-31T23:00:00.000Z' }), early)).toEqual([]);
      expect(checkValidity(session({ startedAt: '2019-12-31T22:59:59.999Z' }), rules(early))).toEqual([
        { code: 'start-too-early', message: expect.any(String), actual: '2019-12-31T22:59:59.999Z', limit: '2019-12-31T23:00:00.000Z' },
      ]);
    });
  });

  describe('start in the future', () => {
    it('applies only when now is passed', () => {
      const s = session();
      expect(checkValidity(s, DEFAULTS)).toEqual([]);
      expect(checkValidity(s, DEFAULTS, new Date(START_MS))).toEqual([]);
      expect(checkValidity(s, DEFAULTS, new Date(START_MS - 1))).toEqual([
        { code: 'start-in-future', message: expect.any(String), actual: START, limit: new Date(START_MS - 1).toISOString() },
      ]);
    });

    it('judges the start, not the end', () => {
      expect(checkValidity(session(), DEFAULTS, new Date(START_MS + 1))).toEqual([]);
    });
  });
});

describe('properties', () => {
  const configArb = validityConfigInputArb.map((input) => ({ input, config: validityConfigSchema.parse(input) }));

  it('checkValidity never throws and reports known codes at most once each, in a stable order', () => {
    fc.assert(
      fc.property(sessionArb, configArb, nowArb, (s, { config }, now) => {
        const found = checkValidity(s, config, now).map((r) => r.code);
        const order = found.map((code) => INVALID_REASON_CODES.indexOf(code));
        expect(order.every((index) => index >= 0)).toBe(true);
        expect(new Set(found).size).toBe(found.length);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });

  it('is the list of the rules that fail, one reason per failing rule', () => {
    fc.assert(
      fc.property(sessionArb, configArb, nowArb, (s, { config }, now) => {
        const expected = VALIDITY_RULES.map((rule) => rule(s, config, now)).filter((reason) => reason !== null);
        expect(checkValidity(s, config, now)).toEqual(expected);
      }),
    );
  });

  it('end-before-start and duration-too-short never come together', () => {
    fc.assert(
      fc.property(sessionArb, configArb, (s, { config }) => {
        const found = checkValidity(s, config).map((r) => r.code);
        expect(found.includes('end-before-start') && found.includes('duration-too-short')).toBe(false);
        expect(found.includes('end-before-start')).toBe(s.endedAt.getTime() < s.startedAt.getTime());
      }),
    );
  });

  it('energy-out-of-range agrees with an exact comparison against the bounds', () => {
    fc.assert(
      fc.property(decimalTextArb(-400, 400, 6), decimalTextArb(-5, 10, 3), decimalTextArb(10, 400, 3), (energy, min, max) => {
        const s = session({ energyKWh: energy });
        const outside = new Decimal(energy).lt(min) || new Decimal(energy).gt(max);
        expect(codes(s, { energyKWh: { min, max } }).includes('energy-out-of-range')).toBe(outside);
      }),
    );
  });

  it('duration-too-short agrees with an integer comparison in milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700_000 }), fc.integer({ min: 0, max: 600_000 }), (durationMs, minMs) => {
        const minDurationSeconds = (minMs / 1000).toFixed(3);
        expect(codes(session({ durationMs }), { minDurationSeconds }).includes('duration-too-short')).toBe(durationMs < minMs);
      }),
    );
  });
});

describe('compileValidity: the prepared check', () => {
  const configArb = validityConfigInputArb.map((input) => validityConfigSchema.parse(input));
  const stopReasonArb = fc.option(fc.constantFrom('DeAuthorized', 'EmergencyStop', 'EVDisconnected', 'GroundFault'), { nil: undefined });

  it('gives exactly the reasons of checkValidity, or null where it gives none', () => {
    fc.assert(
      fc.property(sessionArb, configArb, nowArb, stopReasonArb, fc.boolean(), (s, config, now, stopReason, stopsInvalid) => {
        const session = stopReason === undefined ? s : { ...s, stopReason };
        const withStops = stopsInvalid ? { ...config, invalidStopReasons: ['EmergencyStop', 'GroundFault'] as const } : config;
        const reference = checkValidity(session, withStops, now);
        expect(compileValidity(withStops)(session, now)).toEqual(reference.length === 0 ? null : reference);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('compareDecimals', () => {
  it('orders as comparedTo does', () => {
    const decimalArb = fc.oneof(decimalTextArb(-1000, 1000, 8), fc.constantFrom('0', '-0', '350', '350.000', '1e14', '-1e-20'));
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const x = new Exact(a);
        const y = new Exact(b);
        expect(compareDecimals(x, y)).toBe(x.comparedTo(y));
      }),
      { numRuns: 2_000 },
    );
  });
});
