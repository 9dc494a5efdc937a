import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors';
import { Exact } from '../../src/model/decimal';
import { createSessionSchema, parseSession, parseSessions, sessionSchema } from '../../src/model/session';
import type { ParseResult, SessionInput } from '../../src/model/session';
import { AUTHORIZATION_STATUSES, TOKEN_TYPES } from '../../src/model/token';
import { scaledText } from '../../src/testing';
import { DOCUMENTED_SESSION } from '../support/sessions';

/** The example session of the API documentation. */
const EXAMPLE = DOCUMENTED_SESSION satisfies SessionInput;

/** The smallest valid session. */
const MINIMAL = {
  id: 's-2',
  startedAt: '2022-11-10T13:50:16Z',
  endedAt: '2022-11-10T14:05:18Z',
  energyKWh: null,
  token: { uid: '04A23B5C' },
  chargePoint: { id: 'cp_test2' },
} satisfies SessionInput;

/** OCPP 1.6 idTagInfo statuses plus those OCPP 2.0.1 adds, as the specifications list them. */
const OCPP_STATUSES = [
  'Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx',
  'NoCredit', 'NotAllowedTypeEVSE', 'NotAtThisLocation', 'NotAtThisTime', 'Unknown',
];

const KNOWN_KEYS = ['id', 'startedAt', 'endedAt', 'energyKWh', 'token', 'chargePoint', 'userId', 'authMethod', 'price'];

/** The parsed session; fails the test with every issue when refused. */
function ok<T>(result: ParseResult<T>): T {
  if (!result.success) throw new Error(`refused: ${JSON.stringify(result.error.issues.map(({ path, message }) => ({ path, message })))}`);
  return result.data;
}

/** The issues of a refusal, as path and message; fails the test when the input was accepted. */
function issues(result: ParseResult<unknown>): { path: PropertyKey[]; message: string }[] {
  if (result.success) throw new Error('expected the input to be refused');
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

/** A zod default message rather than one written for a person: these must never reach users. */
const GENERIC_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Required|Expected)/;

describe('parseSession: the documented example', () => {
  it('accepts it and reads every field', () => {
    const session = ok(parseSession(EXAMPLE));
    expect(session.id).toBe('s-1');
    expect(session.startedAt).toBeInstanceOf(Date);
    expect(session.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');
    expect(session.endedAt.toISOString()).toBe('2022-11-10T14:05:18.000Z');
    expect(session.energyKWh).toBeInstanceOf(Decimal);
    expect(session.energyKWh?.toString()).toBe('3.667');
    expect(session.token).toEqual({ uid: '04A23B5C', contractId: 'NL-TST-C12345678-S', groupId: 'acme', type: 'RFID', authorization: 'Accepted' });
    expect(session.chargePoint).toEqual({ id: 'cp_test2', connectorId: '1', locationId: 'home-42', operatorId: 'BE*MBF' });
    expect(session.userId).toBe('u-1');
    expect(session.price?.exclVat?.toString()).toBe('2.0165');
    expect(session.price?.inclVat?.toString()).toBe('2.44');
    expect(session.price?.currency).toBe('EUR');
  });

  it('is what sessionSchema parses too', () => {
    const viaSchema = sessionSchema.parse(EXAMPLE);
    expect(viaSchema.startedAt.getTime()).toBe(ok(parseSession(EXAMPLE)).startedAt.getTime());
  });

  it('drops unknown fields and trims identifiers', () => {
    const session = ok(parseSession({ ...MINIMAL, id: '  s-2 ', extra: 'dropped', token: { uid: ' 04A23B5C', colour: 'red' } }));
    expect(session.id).toBe('s-2');
    expect(session.token).toEqual({ uid: '04A23B5C', authorization: 'Accepted' });
    expect(Object.keys(session)).not.toContain('extra');
  });

  it('leaves an end before the start to the validity rules', () => {
    const session = ok(parseSession({ ...MINIMAL, startedAt: '2022-11-10T14:00:00Z', endedAt: '2022-11-10T13:00:00Z' }));
    expect(session.endedAt.getTime() - session.startedAt.getTime()).toBe(-3_600_000);
  });
});

describe('parseSession: energy', () => {
  it('reads a number such as 3.667 as exactly the decimal 3.667', () => {
    const energy = ok(parseSession({ ...MINIMAL, energyKWh: 3.667 })).energyKWh;
    expect(energy?.toString()).toBe('3.667');
    expect(energy?.equals(new Exact('3.667'))).toBe(true);
    expect(ok(parseSession({ ...MINIMAL, energyKWh: 11.001 })).energyKWh?.toString()).toBe('11.001');
  });

  it('adds parsed energies exactly: "0.1" + "0.2" = 0.3', () => {
    const a = ok(parseSession({ ...MINIMAL, energyKWh: '0.1' })).energyKWh;
    const b = ok(parseSession({ ...MINIMAL, energyKWh: '0.2' })).energyKWh;
    expect(a?.plus(b ?? 0).toString()).toBe('0.3');
    const c = ok(parseSession({ ...MINIMAL, energyKWh: 0.1 })).energyKWh;
    const d = ok(parseSession({ ...MINIMAL, energyKWh: 0.2 })).energyKWh;
    expect(c?.plus(d ?? 0).equals(new Exact('0.3'))).toBe(true);
  });

  it('accepts a Decimal', () => {
    expect(ok(parseSession({ ...MINIMAL, energyKWh: new Decimal('7.334') })).energyKWh?.toString()).toBe('7.334');
    expect(ok(parseSession({ ...MINIMAL, energyKWh: new Exact('0') })).energyKWh?.isZero()).toBe(true);
  });

  it('reads null as no meter reading', () => {
    expect(ok(parseSession({ ...MINIMAL, energyKWh: null })).energyKWh).toBeNull();
  });

  it('refuses NaN, infinities and text that is not a number, at energyKWh', () => {
    for (const energyKWh of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1,5', 'abc', '', '3.667 kWh', true, {}]) {
      const found = issues(parseSession({ ...MINIMAL, energyKWh }));
      expect(found).toHaveLength(1);
      expect(found[0]?.path).toEqual(['energyKWh']);
      expect(found[0]?.message).toContain('"3.667"');
    }
    expect(issues(parseSession({ ...MINIMAL, energyKWh: '1,5' }))[0]?.message).toBe(
      'expected a finite decimal number such as "3.667", received "1,5"',
    );
  });

  it('requires energyKWh to be given (null when there is no reading)', () => {
    const { energyKWh: _omitted, ...withoutEnergy } = MINIMAL;
    expect(issues(parseSession(withoutEnergy))).toEqual([
      { path: ['energyKWh'], message: 'expected a decimal number such as "3.667", received nothing' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, energyKWh: undefined }))[0]?.path).toEqual(['energyKWh']);
  });
});

describe('parseSession: timestamps', () => {
  it('reads offsets and Z as the instant they name', () => {
    const session = ok(parseSession({ ...MINIMAL, startedAt: '2022-11-10T08:50:16-05:00', endedAt: '2022-11-10T13:50:16.5Z' }));
    expect(session.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');
    expect(session.endedAt.toISOString()).toBe('2022-11-10T13:50:16.500Z');
  });

  it('accepts Date objects as they are', () => {
    const startedAt = new Date('2022-11-10T13:50:16.123Z');
    expect(ok(parseSession({ ...MINIMAL, startedAt })).startedAt.getTime()).toBe(startedAt.getTime());
  });

  it('refuses an invalid Date', () => {
    expect(issues(parseSession({ ...MINIMAL, startedAt: new Date(Number.NaN) }))).toEqual([
      { path: ['startedAt'], message: 'expected an ISO 8601 date-time with an offset, such as "2022-11-10T14:50:16+01:00", received an invalid Date' },
    ]);
  });

  it('refuses a timestamp without an offset when no time zone is given, saying how to fix it', () => {
    const found = issues(parseSession({ ...MINIMAL, startedAt: '2022-11-10T14:50:16' }));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(['startedAt']);
    expect(found[0]?.message).toContain('has no UTC offset');
    expect(found[0]?.message).toContain('"+01:00"');
  });

  it('reads local times in the given time zone, in winter and in summer', () => {
    const winter = ok(parseSession({ ...MINIMAL, startedAt: '2022-11-10T14:50:16', endedAt: '2022-11-10T15:05:18' }, { timeZone: 'Europe/Brussels' }));
    expect(winter.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');
    expect(winter.endedAt.toISOString()).toBe('2022-11-10T14:05:18.000Z');
    const summer = ok(parseSession({ ...MINIMAL, startedAt: '2022-07-01T14:50:16', endedAt: '2022-07-01T15:05:18' }, { timeZone: 'Europe/Brussels' }));
    expect(summer.startedAt.toISOString()).toBe('2022-07-01T12:50:16.000Z');
    // An explicit offset still wins over the time zone.
    const explicit = ok(parseSession({ ...MINIMAL, startedAt: '2022-07-01T14:50:16Z' }, { timeZone: 'Europe/Brussels' }));
    expect(explicit.startedAt.toISOString()).toBe('2022-07-01T14:50:16.000Z');
  });

  it('refuses a wall time in the spring-forward gap', () => {
    expect(issues(parseSession({ ...MINIMAL, startedAt: '2022-03-27T02:30:00' }, { timeZone: 'Europe/Brussels' }))).toEqual([
      { path: ['startedAt'], message: '"2022-03-27T02:30:00" does not exist in Europe/Brussels (clocks skip it for daylight saving time)' },
    ]);
  });

  it('reads an ambiguous fall-back wall time as the earlier instant', () => {
    const session = ok(parseSession({ ...MINIMAL, startedAt: '2022-10-30T02:30:00', endedAt: '2022-10-30T02:45:00' }, { timeZone: 'Europe/Brussels' }));
    expect(session.startedAt.toISOString()).toBe('2022-10-30T00:30:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    expect(issues(parseSession({ ...MINIMAL, startedAt: '2022-02-30T10:00:00Z' }))).toEqual([
      { path: ['startedAt'], message: '2022-02-30 is not a calendar date' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, endedAt: '2022-11-10T25:00:00Z' }))).toEqual([
      { path: ['endedAt'], message: '25:00:00 is not a time of day' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, startedAt: '2022-02-30T10:00:00' }, { timeZone: 'Europe/Brussels' }))[0]?.path).toEqual(['startedAt']);
  });

  it('refuses a bare date, with or without a time zone', () => {
    const without = issues(parseSession({ ...MINIMAL, startedAt: '2022-11-10' }));
    expect(without[0]?.path).toEqual(['startedAt']);
    expect(without[0]?.message).toContain('is a date without a time');
    const withZone = issues(parseSession({ ...MINIMAL, startedAt: '2022-11-10' }, { timeZone: 'Europe/Brussels' }));
    expect(withZone).toEqual([{ path: ['startedAt'], message: '"2022-11-10" is a date without a time; give the full date-time with an offset' }]);
  });

  it('refuses values that are not timestamps, saying what it received', () => {
    expect(issues(parseSession({ ...MINIMAL, startedAt: 1668088216000 }))).toEqual([
      { path: ['startedAt'], message: 'expected an ISO 8601 date-time with an offset, such as "2022-11-10T14:50:16+01:00", received 1668088216000' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, endedAt: '10/11/2022 15:05' }))[0]?.message).toContain('ISO 8601');
  });

  it('throws ConfigError for an unknown time zone option, a programmer error', () => {
    for (const call of [
      () => parseSession(MINIMAL, { timeZone: 'Europe/Bruxelles' }),
      () => parseSessions([], { timeZone: 'Europe/Bruxelles' }),
      () => createSessionSchema({ timeZone: '' }),
    ]) {
      expect(call).toThrow(ConfigError);
    }
    let caught: unknown;
    try {
      parseSession(MINIMAL, { timeZone: 'Europe/Bruxelles' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).issues).toEqual([
      { path: ['timeZone'], message: 'unknown time zone "Europe/Bruxelles"; use an IANA name such as "Europe/Brussels"' },
    ]);
  });
});

describe('parseSession: token', () => {
  it('accepts every OCPP 1.6 and 2.0.1 authorisation status, and only those', () => {
    expect([...AUTHORIZATION_STATUSES].sort()).toEqual([...OCPP_STATUSES].sort());
    for (const authorization of OCPP_STATUSES) {
      expect(ok(parseSession({ ...MINIMAL, token: { uid: 'A1', authorization } })).token.authorization).toBe(authorization);
    }
  });

  it('defaults the authorisation to Accepted', () => {
    expect(ok(parseSession(MINIMAL)).token.authorization).toBe('Accepted');
  });

  it('refuses an unknown status, listing every accepted one', () => {
    const found = issues(parseSession({ ...MINIMAL, token: { uid: 'A1', authorization: 'accepted' } }));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(['token', 'authorization']);
    expect(found[0]?.message).toContain('unknown authorisation status "accepted"');
    for (const status of OCPP_STATUSES) expect(found[0]?.message).toContain(status);
  });

  it('describes odd status values without failing on them', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(issues(parseSession({ ...MINIMAL, token: { uid: 'A1', authorization: 10n } }))[0]?.message).toContain('unknown authorisation status 10;');
    expect(issues(parseSession({ ...MINIMAL, token: { uid: 'A1', authorization: circular } }))[0]?.message).toContain('unknown authorisation status an object;');
    expect(issues(parseSession({ ...MINIMAL, token: { uid: 'A1', type: Symbol('RFID') } }))[0]?.message).toContain('unknown token type a symbol');
    expect(issues(parseSession({ ...MINIMAL, authMethod: 1n }))[0]?.path).toEqual(['authMethod']);
  });

  it('refuses unknown token types, listing the OCPI ones', () => {
    const found = issues(parseSession({ ...MINIMAL, token: { uid: 'A1', type: 'NFC' } }));
    expect(found[0]?.path).toEqual(['token', 'type']);
    for (const type of TOKEN_TYPES) expect(found[0]?.message).toContain(type);
  });
});

describe('parseSession: messages a person can act on', () => {
  it('names what is missing, empty or of the wrong kind', () => {
    const { token: _token, ...withoutToken } = MINIMAL;
    expect(issues(parseSession(withoutToken))).toEqual([{ path: ['token'], message: 'the token is missing' }]);
    expect(issues(parseSession({ ...MINIMAL, id: '   ' }))).toEqual([{ path: ['id'], message: 'the session id is empty' }]);
    expect(issues(parseSession({ ...MINIMAL, id: {} }))).toEqual([{ path: ['id'], message: 'expected the session id as a string, received an object' }]);
    expect(issues(parseSession({ ...MINIMAL, chargePoint: 5 }))).toEqual([
      { path: ['chargePoint'], message: 'expected the charge point as an object, received 5' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, chargePoint: {} }))).toEqual([{ path: ['chargePoint', 'id'], message: 'the charge point id is missing' }]);
    expect(issues(parseSession({ ...MINIMAL, token: { uid: '' } }))).toEqual([{ path: ['token', 'uid'], message: 'the token UID is empty' }]);
    expect(issues(parseSession({ ...MINIMAL, userId: '' }))).toEqual([{ path: ['userId'], message: 'the user id is empty' }]);
    expect(issues(parseSession(undefined))).toEqual([{ path: [], message: 'the session is missing' }]);
    expect(issues(parseSession([MINIMAL]))).toEqual([{ path: [], message: 'expected the session as an object, received an array' }]);
  });

  it('explains price and auth method problems', () => {
    expect(issues(parseSession({ ...MINIMAL, price: { currency: 'EUR' } }))).toEqual([
      { path: ['price'], message: 'a price needs exclVat or inclVat (or both)' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, price: { inclVat: '2.44', currency: 'eur' } }))).toEqual([
      { path: ['price', 'currency'], message: 'expected an ISO 4217 currency code such as "EUR", received "eur"' },
    ]);
    expect(issues(parseSession({ ...MINIMAL, price: { inclVat: '-2.44', currency: 'EUR' } }))).toEqual([
      { path: ['price', 'inclVat'], message: 'the price incl. VAT is negative' },
    ]);
    const method = issues(parseSession({ ...MINIMAL, authMethod: 'RFID' }));
    expect(method).toEqual([{ path: ['authMethod'], message: 'unknown auth method "RFID"; expected one of AUTH_REQUEST, COMMAND, WHITELIST' }]);
  });

  it('reports every problem at once, each at its own path', () => {
    const found = issues(parseSession({ ...MINIMAL, id: '', startedAt: '2022-11-10T14:50:16', energyKWh: 'abc', token: { uid: 'A1', authorization: 'Nope' } }));
    expect(found.map((issue) => issue.path)).toEqual([['id'], ['startedAt'], ['energyKWh'], ['token', 'authorization']]);
    for (const issue of found) expect(issue.message).not.toMatch(GENERIC_MESSAGE);
  });
});

describe('parseSessions', () => {
  it('gives one result per input, in order, good and bad mixed', () => {
    const results = parseSessions([EXAMPLE, { ...MINIMAL, energyKWh: 'abc' }, MINIMAL, null]);
    expect(results.map((result) => result.success)).toEqual([true, false, true, false]);
    expect(results[0]?.data?.id).toBe('s-1');
    expect(results[2]?.data?.id).toBe('s-2');
    expect(results[1]?.error?.issues[0]?.path).toEqual(['energyKWh']);
  });

  it('gives a result for each hole of a sparse array, too', () => {
    const results = parseSessions([EXAMPLE, , MINIMAL]);
    expect(results).toHaveLength(3);
    expect(1 in results).toBe(true);
    expect(results[1]?.success).toBe(false);
    expect(results[1]?.error?.issues[0]?.message).toBe('the session is missing');
    expect(results[2]?.data?.id).toBe('s-2');
  });

  it('reads every input in the given time zone', () => {
    const results = parseSessions([{ ...MINIMAL, startedAt: '2022-11-10T14:50:16' }, { ...MINIMAL, startedAt: '2022-07-01T14:50:16' }], { timeZone: 'Europe/Brussels' });
    expect(results.map((result) => result.data?.startedAt.toISOString())).toEqual(['2022-11-10T13:50:16.000Z', '2022-07-01T12:50:16.000Z']);
  });

  it('gives nothing for nothing', () => {
    expect(parseSessions([])).toEqual([]);
  });
});

describe('parseSession: hostile input', () => {
  it('ignores __proto__ and constructor keys and pollutes nothing', () => {
    const text = `{"id": "s-3", "startedAt": "2022-11-10T13:50:16Z", "endedAt": "2022-11-10T14:05:18Z", "energyKWh": "1",
      "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}},
      "token": {"uid": "A1", "__proto__": {"polluted": 3, "authorization": "Blocked"}},
      "chargePoint": {"id": "cp", "constructor": {"prototype": {"polluted": 4}}}}`;
    const session = ok(parseSession(JSON.parse(text)));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(session)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(session.token)).toBe(Object.prototype);
    expect((session as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(session.token.authorization).toBe('Accepted');
    expect(Object.keys(session).every((key) => KNOWN_KEYS.includes(key))).toBe(true);
  });

  it('does not take a field from an own __proto__ key', () => {
    const token = JSON.parse('{"__proto__": {"uid": "stolen"}}') as unknown;
    expect(issues(parseSession({ ...MINIMAL, token }))).toEqual([{ path: ['token', 'uid'], message: 'the token UID is missing' }]);
  });
});

/** `instant` written as its wall time at `offset` minutes from UTC, with that offset. */
function withOffset(instant: Date, offset: number): string {
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}

const idArb = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim().length > 0);
const instantArb = fc.date({ min: new Date('0000-01-02T00:00:00.000Z'), max: new Date('9999-12-30T23:59:59.999Z'), noInvalidDate: true });
/** An instant as input (offset text or Date) and the instant it names. */
const instantInputArb = fc.oneof(
  fc.tuple(instantArb, fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })).map(([instant, offset]) => ({ input: withOffset(instant, offset) as string | Date, ms: instant.getTime() })),
  fc.oneof(fc.constant('Z'), fc.constant('z')).chain((z) => instantArb.map((instant) => ({ input: instant.toISOString().replace('Z', z), ms: instant.getTime() }))),
  instantArb.map((instant) => ({ input: new Date(instant.getTime()) as string | Date, ms: instant.getTime() })),
);
/** Decimal places of a number's shortest round-trip text. */
const decimalPlaces = (n: number) => new Decimal(String(n)).decimalPlaces();
/** Energy as input (within the limits a reading can have: below 10^15, at most 20 decimals) and the check that the parsed value is exactly it. */
const energyArb = fc.oneof(
  fc.integer({ min: 0, max: 20 }).chain((scale) =>
    fc.bigInt({ min: -(10n ** BigInt(15 + scale)) + 1n, max: 10n ** BigInt(15 + scale) - 1n }).map((unscaled) => {
      const text = scaledText(unscaled, scale);
      return { input: text as string | number | null, check: (value: Decimal | null) => value !== null && value.toFixed(scale) === text };
    }),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15, maxExcluded: true, minExcluded: true }).filter((n) => decimalPlaces(n) <= 20).map((n) => ({
    input: n as string | number | null,
    check: (value: Decimal | null) => value !== null && value.toNumber() === n && value.sd() <= 17,
  })),
  fc.constant({ input: null as string | number | null, check: (value: Decimal | null) => value === null }),
);
const optionalId = fc.option(idArb, { nil: undefined });

/** A valid session input and what it must parse to. */
const validArb = fc
  .record({
    id: idArb,
    started: instantInputArb,
    ended: instantInputArb,
    energy: energyArb,
    uid: idArb,
    contractId: optionalId,
    authorization: fc.option(fc.constantFrom(...OCPP_STATUSES), { nil: undefined }),
    type: fc.option(fc.constantFrom(...TOKEN_TYPES), { nil: undefined }),
    chargePointId: idArb,
    locationId: optionalId,
    userId: optionalId,
  })
  .map((v) => ({
    input: {
      id: v.id,
      startedAt: v.started.input,
      endedAt: v.ended.input,
      energyKWh: v.energy.input,
      token: { uid: v.uid, contractId: v.contractId, authorization: v.authorization, type: v.type },
      chargePoint: { id: v.chargePointId, locationId: v.locationId },
      userId: v.userId,
    } as Record<string, unknown>,
    expected: v,
  }));

/** Ways to break a valid input, each with the path its issue must name. */
const BREAKERS: { path: PropertyKey[]; apply: (input: Record<string, unknown>) => Record<string, unknown> }[] = [
  ...[Number.NaN, Number.POSITIVE_INFINITY, '1,5', 'abc', '', undefined, true, '1e600000000', '1e9000000000000001', '1e15', -1e15, '1e-21', 5e-324].map((energyKWh) => ({ path: ['energyKWh'], apply: (i: Record<string, unknown>) => ({ ...i, energyKWh }) })),
  ...['2022-11-10T14:50:16', '2022-02-30T10:00Z', '2022-11-10', '2022-11-10T14:50:16+24:00', 5, new Date(Number.NaN), undefined].map((startedAt) => ({
    path: ['startedAt'],
    apply: (i: Record<string, unknown>) => ({ ...i, startedAt }),
  })),
  { path: ['endedAt'], apply: (i) => ({ ...i, endedAt: '2022-11-10T25:00:00Z' }) },
  { path: ['id'], apply: (i) => ({ ...i, id: '  ' }) },
  { path: ['id'], apply: (i) => ({ ...i, id: 42 }) },
  { path: ['token'], apply: (i) => ({ ...i, token: undefined }) },
  { path: ['token', 'uid'], apply: (i) => ({ ...i, token: { ...(i['token'] as object), uid: '' } }) },
  { path: ['token', 'authorization'], apply: (i) => ({ ...i, token: { ...(i['token'] as object), authorization: 'accepted' } }) },
  { path: ['chargePoint'], apply: (i) => ({ ...i, chargePoint: 'cp_test2' }) },
  { path: ['chargePoint', 'maxPowerKW'], apply: (i) => ({ ...i, chargePoint: { ...(i['chargePoint'] as object), maxPowerKW: '0' } }) },
  { path: ['price'], apply: (i) => ({ ...i, price: { currency: 'EUR' } }) },
  { path: ['price', 'currency'], apply: (i) => ({ ...i, price: { inclVat: '1', currency: 'euro' } }) },
  { path: ['authMethod'], apply: (i) => ({ ...i, authMethod: 'RFID' }) },
  { path: ['userId'], apply: (i) => ({ ...i, userId: '' }) },
];

/** A broken session input and the path of its problem. */
const invalidArb = fc.tuple(validArb, fc.constantFrom(...BREAKERS)).map(([valid, breaker]) => ({ input: breaker.apply(valid.input), path: breaker.path }));

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'polluted'];
const keyArb = fc.oneof(fc.constantFrom(...DANGEROUS_KEYS, ...KNOWN_KEYS, 'uid', 'authorization'), fc.string());
const anythingArb = fc.anything({
  key: keyArb,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

describe('properties', () => {
  it('reads any valid session exactly: its instants to the millisecond and its energy digit for digit', () => {
    fc.assert(
      fc.property(validArb, ({ input, expected }) => {
        const session = ok(parseSession(input));
        expect(session.id).toBe(expected.id.trim());
        expect(session.startedAt.getTime()).toBe(expected.started.ms);
        expect(session.endedAt.getTime()).toBe(expected.ended.ms);
        expect(expected.energy.check(session.energyKWh)).toBe(true);
        expect(session.token.uid).toBe(expected.uid.trim());
        expect(session.token.authorization).toBe(expected.authorization ?? 'Accepted');
        expect(session.chargePoint.id).toBe(expected.chargePointId.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any broken session at the broken field, with messages written for people', () => {
    fc.assert(
      fc.property(invalidArb, ({ input, path }) => {
        const found = issues(parseSession(input));
        expect(found.length).toBeGreaterThan(0);
        for (const issue of found) {
          expect(issue.path).toEqual(path);
          expect(issue.message).not.toMatch(GENERIC_MESSAGE);
          expect(issue.message.length).toBeGreaterThan(15);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses a batch into one result per input, in order, good and bad mixed', () => {
    const itemArb = fc.oneof(validArb.map((v) => ({ input: v.input, valid: true })), invalidArb.map((v) => ({ input: v.input, valid: false })));
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 25 }), (items) => {
        const inputs = items.map((item, index) => (item.valid ? { ...item.input, id: `s-${index}` } : item.input));
        const results = parseSessions(inputs);
        expect(results).toHaveLength(items.length);
        results.forEach((result, index) => {
          expect(result.success).toBe(items[index]?.valid);
          if (result.success) expect(result.data.id).toBe(`s-${index}`);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('never throws and never pollutes Object.prototype, whatever it is given', () => {
    const sessionLike = fc.record(
      {
        id: fc.oneof(idArb, anythingArb),
        startedAt: fc.oneof(instantInputArb.map((i) => i.input), anythingArb),
        endedAt: fc.oneof(instantInputArb.map((i) => i.input), anythingArb),
        energyKWh: fc.oneof(energyArb.map((e) => e.input), anythingArb),
        token: fc.oneof(fc.record({ uid: fc.oneof(idArb, anythingArb), authorization: anythingArb }, { requiredKeys: [] }), anythingArb),
        chargePoint: fc.oneof(fc.dictionary(keyArb, anythingArb), anythingArb),
        price: fc.oneof(fc.record({ inclVat: anythingArb, currency: anythingArb }, { requiredKeys: [] }), anythingArb),
        authMethod: anythingArb,
        userId: anythingArb,
      },
      { requiredKeys: [] },
    );
    const prototypeKeys = Reflect.ownKeys(Object.prototype);
    fc.assert(
      fc.property(fc.oneof(anythingArb, sessionLike, fc.dictionary(keyArb, anythingArb)), (input) => {
        let result: ParseResult<unknown> | undefined;
        expect(() => {
          result = parseSession(input);
        }).not.toThrow();
        expect(result?.success === true || (result?.error?.issues.length ?? 0) > 0).toBe(true);
        if (result?.success) {
          const data = result.data as Record<string, unknown>;
          expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
          expect(Object.keys(data).every((key) => KNOWN_KEYS.includes(key))).toBe(true);
        } else {
          for (const issue of result?.error?.issues ?? []) expect(issue.message).not.toMatch(GENERIC_MESSAGE);
        }
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on JSON text carrying __proto__ and constructor keys, and keeps valid sessions valid', () => {
    const placeArb = fc.constantFrom('root', 'token', 'chargePoint');
    const payloadArb = fc.constantFrom('{"polluted": 1}', '{"prototype": {"polluted": 1}}', '{"uid": "stolen", "authorization": "Blocked"}', '1', 'null');
    fc.assert(
      fc.property(placeArb, fc.constantFrom('__proto__', 'constructor'), payloadArb, (place, key, payload) => {
        const entry = `"${key}": ${payload}`;
        const token = place === 'token' ? `{${entry}, "uid": "A1"}` : '{"uid": "A1"}';
        const chargePoint = place === 'chargePoint' ? `{${entry}, "id": "cp"}` : '{"id": "cp"}';
        const root = place === 'root' ? `${entry}, ` : '';
        const text = `{${root}"id": "s", "startedAt": "2022-11-10T13:50:16Z", "endedAt": "2022-11-10T14:05:18Z", "energyKWh": "3.667", "token": ${token}, "chargePoint": ${chargePoint}}`;
        const session = ok(parseSession(JSON.parse(text)));
        expect(session.token.authorization).toBe('Accepted');
        expect((session as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.keys(session).every((k) => KNOWN_KEYS.includes(k))).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
    );
  });
});
