import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidEmaid } from '../../src/matchers/emaid';
import { normaliseContractId, normaliseId, normaliseOperatorId, normaliseUid, reverseUidBytes } from '../../src/matchers/normalise';
import { chargePointLookup, tokenLookup, type TokenMatching } from '../../src/matchers/selectors';
import {
  findWhitelistEntry,
  indexWhitelist,
  whitelistEntrySchema,
  type WhitelistEntry,
  type WhitelistEntryInput,
} from '../../src/matchers/whitelist';
import type { ChargePointInput } from '../../src/model/charge-point';
import type { ChargingSession } from '../../src/model/session';
import type { TokenInput } from '../../src/model/token';
import { WHITELISTED_SESSION, sessionFrom, type SessionShape } from '../support/sessions';

const PLAIN: TokenMatching = { reversedUids: false, verifyContractIds: false };

/** A parsed session; by default the release's whitelisted one (2022-11-10 08:53:48, 0:39:55, 11.001 kWh). */
const session = (shape: SessionShape = {}): ChargingSession => sessionFrom(WHITELISTED_SESSION, shape);

/** Parses whitelist entries; throws (failing the test) when the schema refuses one. */
const entries = (...inputs: WhitelistEntryInput[]): WhitelistEntry[] => inputs.map((input) => whitelistEntrySchema.parse(input));

/** The id of the entry that makes `s` free, or null. */
function match(list: readonly WhitelistEntry[], s: ChargingSession, matching: TokenMatching = PLAIN): string | null {
  return findWhitelistEntry(indexWhitelist(list), s, tokenLookup(s.token, matching), chargePointLookup(s.chargePoint))?.id ?? null;
}

/** The messages and paths of a refused entry. */
function refusal(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = whitelistEntrySchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map(({ path, message }) => ({ path, message }));
}

describe('whitelistEntrySchema', () => {
  it('reads the example entry, validFrom as local midnight in Brussels', () => {
    const [entry] = entries({
      id: 'wl-1',
      tokens: { uids: ['04A23B5C'], contractIds: [], groupIds: [] },
      chargePoints: { ids: ['cp_site_1'], locationIds: ['hq'], operatorIds: [] },
      validFrom: '2022-01-01',
      validUntil: null,
    });
    expect(entry!.timeZone).toBe('Europe/Brussels');
    expect(entry!.period.from?.toISOString()).toBe('2021-12-31T23:00:00.000Z');
    expect(entry!.period.until).toBeNull();
  });

  it('leaves the period open at both ends when no date is given', () => {
    const [entry] = entries({ id: 'wl-1', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_site_1'] } });
    expect(entry!.period).toEqual({ from: null, until: null });
  });

  it.each([
    ['no token list', {}],
    ['only empty token lists', { uids: [], contractIds: [], groupIds: [] }],
  ])('refuses an entry with %s, naming the problem', (_, tokens) => {
    const issues = refusal({ id: 'wl-1', tokens, chargePoints: { ids: ['cp_site_1'] } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['tokens']);
    expect(issues[0]!.message).toMatch(/no token/);
  });

  it.each([
    ['no charge point list', {}],
    ['only empty charge point lists', { ids: [], locationIds: [], operatorIds: [] }],
  ])('refuses an entry with %s, naming the problem', (_, chargePoints) => {
    const issues = refusal({ id: 'wl-1', tokens: { uids: ['04A23B5C'] }, chargePoints });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['chargePoints']);
    expect(issues[0]!.message).toMatch(/no charge point/);
  });

  it('reports both omissions at once', () => {
    const issues = refusal({ id: 'wl-1', tokens: {}, chargePoints: {} });
    expect(issues.map((issue) => issue.path)).toEqual([['tokens'], ['chargePoints']]);
  });

  it('refuses a missing selector', () => {
    const issues = refusal({ id: 'wl-1', tokens: { uids: ['04A23B5C'] } });
    expect(issues.map((issue) => issue.path)).toEqual([['chargePoints']]);
    expect(issues[0]!.message).toMatch(/charge point selector is missing/);
  });

  it('refuses an empty or reversed period, an unreadable date and an unknown time zone', () => {
    const base = { id: 'wl-1', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_site_1'] } };
    expect(refusal({ ...base, validFrom: '2022-11-01', validUntil: '2022-11-01' })).toEqual([
      { path: ['validUntil'], message: expect.stringMatching(/validUntil must be after validFrom/) },
    ]);
    expect(refusal({ ...base, validFrom: '2022-12-01', validUntil: '2022-11-01' })[0]!.path).toEqual(['validUntil']);
    expect(refusal({ ...base, validFrom: '2022-13-01' })).toEqual([{ path: ['validFrom'], message: '2022-13-01 is not a calendar date' }]);
    expect(refusal({ ...base, timeZone: 'Europe/Brusels' })[0]!.message).toMatch(/unknown time zone "Europe\/Brusels"/);
  });
});

describe('findWhitelistEntry: selectors', () => {
  const full = entries({
    id: 'wl-full',
    tokens: { uids: ['04A23B5C'], contractIds: ['NL-TST-C12345678-S'], groupIds: ['acme'] },
    chargePoints: { ids: ['cp_site_1'], locationIds: ['hq'], operatorIds: ['BE*MBF'] },
  });
  const tokens: [string, TokenInput][] = [
    ['its uid', { uid: '04:a2:3b:5c' }],
    ['its contract id', { uid: 'FFFF', contractId: 'nl-tst-c12345678' }],
    ['its group', { uid: 'FFFF', groupId: 'ACME' }],
  ];
  const chargePoints: [string, ChargePointInput][] = [
    ['its id', { id: 'CP_SITE_1' }],
    ['its location', { id: 'cp_other', locationId: 'HQ' }],
    ['its operator', { id: 'cp_other', operatorId: 'be-mbf' }],
  ];

  it.each(tokens.flatMap(([tokenWhy, token]) => chargePoints.map(([cpWhy, cp]) => [tokenWhy, cpWhy, token, cp] as const)))(
    'matches a token by %s at a charge point by %s',
    (_, __, token, chargePoint) => {
      expect(match(full, session({ token, chargePoint }))).toBe('wl-full');
    },
  );

  it.each(tokens)('does not match a token by %s at another charge point', (_, token) => {
    expect(match(full, session({ token, chargePoint: { id: 'cp_public', locationId: 'mall', operatorId: 'NL*TST' } }))).toBeNull();
  });

  it.each(chargePoints)('does not match another token at a charge point by %s', (_, chargePoint) => {
    expect(match(full, session({ token: { uid: 'FFFF', contractId: 'BE-MBF-C12345678-S', groupId: 'guests' }, chargePoint }))).toBeNull();
  });

  it('does not pair a token of one entry with a charge point of another', () => {
    const list = entries(
      { id: 'wl-a', tokens: { uids: ['0A0A'] }, chargePoints: { ids: ['cp-a'] } },
      { id: 'wl-b', tokens: { uids: ['0B0B'] }, chargePoints: { ids: ['cp-b'] } },
    );
    expect(match(list, session({ token: { uid: '0A0A' }, chargePoint: { id: 'cp-b' } }))).toBeNull();
    expect(match(list, session({ token: { uid: '0B0B' }, chargePoint: { id: 'cp-b' } }))).toBe('wl-b');
  });

  it('returns the first matching entry in configuration order', () => {
    const list = entries(
      { id: 'wl-other', tokens: { uids: ['FFFF'] }, chargePoints: { ids: ['cp_site_1'] } },
      { id: 'wl-by-location', tokens: { groupIds: ['acme'] }, chargePoints: { locationIds: ['hq'] } },
      { id: 'wl-by-id', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_site_1'] } },
    );
    const s = session({ token: { uid: '04A23B5C', groupId: 'acme' }, chargePoint: { id: 'cp_site_1', locationId: 'hq' } });
    expect(match(list, s)).toBe('wl-by-location');
    expect(match([...list].reverse(), s)).toBe('wl-by-id');
  });

  it('passes over an earlier entry whose period does not cover the session', () => {
    const list = entries(
      { id: 'wl-2021', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_site_1'] }, validUntil: '2022-01-01' },
      { id: 'wl-now', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_site_1'] }, validFrom: '2022-01-01' },
    );
    expect(match(list, session())).toBe('wl-now');
    expect(match(list, session({ startedAt: '2021-06-01T10:00:00+02:00', endedAt: '2021-06-01T11:00:00+02:00' }))).toBe('wl-2021');
  });

  it('finds nothing in an empty whitelist', () => {
    expect(match([], session())).toBeNull();
  });
});

describe('findWhitelistEntry: validity period', () => {
  const november = entries({
    id: 'wl-nov',
    tokens: { uids: ['04A23B5C'] },
    chargePoints: { ids: ['cp_site_1'] },
    validFrom: '2022-11-01',
    validUntil: '2022-12-01',
  });
  const at = (startedAt: string) => match(november, session({ startedAt, endedAt: '2022-12-31T00:00:00+01:00' }));

  it('starts at local midnight in Brussels, inclusive', () => {
    expect(november[0]!.period.from?.toISOString()).toBe('2022-10-31T23:00:00.000Z');
    expect(at('2022-10-31T23:59:59+01:00')).toBeNull();
    expect(at('2022-10-31T23:59:59.999+01:00')).toBeNull();
    expect(at('2022-11-01T00:00:00+01:00')).toBe('wl-nov');
    expect(at('2022-10-31T23:00:00Z')).toBe('wl-nov');
  });

  it('ends at local midnight of validUntil, exclusive', () => {
    expect(november[0]!.period.until?.toISOString()).toBe('2022-11-30T23:00:00.000Z');
    expect(at('2022-11-30T23:59:59.999+01:00')).toBe('wl-nov');
    expect(at('2022-12-01T00:00:00+01:00')).toBeNull();
  });

  it('is judged at the session start, not its end', () => {
    expect(match(november, session({ startedAt: '2022-11-30T23:30:00+01:00', endedAt: '2022-12-01T01:00:00+01:00' }))).toBe('wl-nov');
    expect(match(november, session({ startedAt: '2022-10-31T23:30:00+01:00', endedAt: '2022-11-01T01:00:00+01:00' }))).toBeNull();
  });

  it("reads dates in the entry's own time zone", () => {
    const newYork = entries({
      id: 'wl-ny',
      tokens: { uids: ['04A23B5C'] },
      chargePoints: { ids: ['cp_site_1'] },
      validFrom: '2022-11-01',
      timeZone: 'America/New_York',
    });
    expect(newYork[0]!.period.from?.toISOString()).toBe('2022-11-01T04:00:00.000Z');
    expect(match(newYork, session({ startedAt: '2022-11-01T03:59:59.999Z' }))).toBeNull();
    expect(match(newYork, session({ startedAt: '2022-11-01T04:00:00Z' }))).toBe('wl-ny');
  });

  it('takes a date-time with an offset as that instant', () => {
    const [entry] = entries({
      id: 'wl-1',
      tokens: { uids: ['04A23B5C'] },
      chargePoints: { ids: ['cp_site_1'] },
      validFrom: '2022-11-10T08:00:00+01:00',
      validUntil: '2022-11-10T09:00:00+01:00',
    });
    expect(match([entry!], session({ startedAt: '2022-11-10T07:59:59+01:00' }))).toBeNull();
    expect(match([entry!], session({ startedAt: '2022-11-10T08:53:48+01:00' }))).toBe('wl-1');
    expect(match([entry!], session({ startedAt: '2022-11-10T09:00:00+01:00' }))).toBeNull();
  });
});

// ---- A naive reference matcher: scan every entry in order, compare identifiers directly.

function tokenMatchesEntry(entry: WhitelistEntry, s: ChargingSession, matching: TokenMatching): boolean {
  const uid = normaliseUid(s.token.uid);
  const uids = matching.reversedUids ? [uid, reverseUidBytes(uid)] : [uid];
  const { contractId, groupId } = s.token;
  const contract = contractId !== undefined && (!matching.verifyContractIds || isValidEmaid(contractId)) ? normaliseContractId(contractId) : null;
  return (
    (entry.tokens.uids ?? []).some((u) => uids.includes(normaliseUid(u))) ||
    (entry.tokens.contractIds ?? []).some((c) => normaliseContractId(c) === contract) ||
    (groupId !== undefined && (entry.tokens.groupIds ?? []).some((g) => normaliseId(g) === normaliseId(groupId)))
  );
}

function chargePointMatchesEntry(entry: WhitelistEntry, s: ChargingSession): boolean {
  const { id, locationId, operatorId } = s.chargePoint;
  return (
    (entry.chargePoints.ids ?? []).some((c) => normaliseId(c) === normaliseId(id)) ||
    (locationId !== undefined && (entry.chargePoints.locationIds ?? []).some((l) => normaliseId(l) === normaliseId(locationId))) ||
    (operatorId !== undefined && (entry.chargePoints.operatorIds ?? []).some((o) => normaliseOperatorId(o) === normaliseOperatorId(operatorId)))
  );
}

function naiveFind(list: readonly WhitelistEntry[], s: ChargingSession, matching: TokenMatching): WhitelistEntry | null {
  const t = s.startedAt.getTime();
  for (const entry of list) {
    const { from, until } = entry.period;
    const inPeriod = (from === null || from.getTime() <= t) && (until === null || t < until.getTime());
    if (inPeriod && tokenMatchesEntry(entry, s, matching) && chargePointMatchesEntry(entry, s)) return entry;
  }
  return null;
}

const UIDS = ['04A23B5C', '5c:3b:a2:04', '0a0b', 'DE-AD-BE-EF'];
const CONTRACTS = ['NL-TST-C12345678-S', 'nltstc12345678', 'BE-MBF-C12345678-9', 'acme-1'];
const GROUPS = ['acme', 'ACME', 'fleet'];
const CP_IDS = ['cp_site_1', 'CP_SITE_1', 'cp_test2', 'cp-3'];
const LOCATIONS = ['hq', 'home-42'];
const OPERATORS = ['BE*MBF', 'be-mbf', 'NL*TST'];

const subset = (pool: readonly string[]) => fc.option(fc.subarray([...pool]), { nil: undefined });
/** A date in November or December 2022 (CET, +01:00 throughout). */
const dayArb = fc.integer({ min: 0, max: 44 }).map((d) => new Date(Date.UTC(2022, 10, 1 + d)).toISOString().slice(0, 10));

const entryInputArb = fc
  .record({
    tokens: fc.record({ uids: subset(UIDS), contractIds: subset(CONTRACTS), groupIds: subset(GROUPS) }),
    chargePoints: fc.record({ ids: subset(CP_IDS), locationIds: subset(LOCATIONS), operatorIds: subset(OPERATORS) }),
    validFrom: fc.option(dayArb, { nil: undefined }),
    validUntil: fc.option(dayArb, { nil: undefined }),
  })
  .filter(({ tokens, chargePoints, validFrom, validUntil }) => {
    const any = (lists: object) => Object.values(lists).some((list?: string[]) => (list?.length ?? 0) > 0);
    return any(tokens) && any(chargePoints) && !(validFrom && validUntil && validUntil <= validFrom);
  });

const sessionArb = fc.record({
  token: fc.record({
    uid: fc.constantFrom(...UIDS, '04:A2:3B:5D'),
    contractId: fc.option(fc.constantFrom(...CONTRACTS, 'NL-TST-C12345678-9'), { nil: undefined }),
    groupId: fc.option(fc.constantFrom(...GROUPS, 'guests'), { nil: undefined }),
  }),
  chargePoint: fc.record({
    id: fc.constantFrom(...CP_IDS, 'cp_public'),
    locationId: fc.option(fc.constantFrom(...LOCATIONS, 'mall'), { nil: undefined }),
    operatorId: fc.option(fc.constantFrom(...OPERATORS, 'DE*ABC'), { nil: undefined }),
  }),
  // at a local midnight (a period boundary), just before one, or some time in the day
  startedAt: fc
    .tuple(dayArb, fc.constantFrom('00:00:00.000', '23:59:59.999', '12:34:56.789'))
    .map(([day, time]) => `${day}T${time}+01:00`),
});

describe('properties', () => {
  it('the index finds the same entry as a scan of every entry in order', () => {
    fc.assert(
      fc.property(
        fc.array(entryInputArb, { maxLength: 8 }),
        sessionArb,
        fc.record({ reversedUids: fc.boolean(), verifyContractIds: fc.boolean() }),
        (inputs, shape, matching) => {
          const list = entries(...inputs.map((input, i) => ({ id: `wl-${i}`, ...input })));
          const s = session({ ...shape, endedAt: '2023-01-31T00:00:00+01:00' });
          expect(match(list, s, matching)).toBe(naiveFind(list, s, matching)?.id ?? null);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an entry never matches on the token alone or on the charge point alone', () => {
    fc.assert(
      fc.property(entryInputArb, sessionArb, (input, shape) => {
        const list = entries({ id: 'wl-0', ...input, validFrom: undefined, validUntil: undefined });
        const s = session(shape);
        const expected = tokenMatchesEntry(list[0]!, s, PLAIN) && chargePointMatchesEntry(list[0]!, s);
        expect(match(list, s)).toBe(expected ? 'wl-0' : null);
      }),
    );
  });
});
