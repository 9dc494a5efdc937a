import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classifierConfigSchema } from '../../src/classify/config';
import {
  findLicence,
  indexLicences,
  licenceSchema,
  type Licence,
  type LicenceCoverage,
  type LicenceInput,
  type LicenceMatch,
} from '../../src/matchers/licence';
import { normaliseContractId, normaliseId, normaliseUid } from '../../src/matchers/normalise';
import { chargePointLookup, tokenLookup, type TokenMatching } from '../../src/matchers/selectors';
import type { ChargingSession } from '../../src/model/session';
import { SPLIT_BILLING_SESSION, sessionFrom, type SessionShape } from '../support/sessions';
import { wallClock } from '../support/wall-clock';

const PLAIN: TokenMatching = { reversedUids: false, verifyContractIds: false };
const RATES = [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }];

type LicenceShape = Omit<LicenceInput, 'rates' | 'status' | 'validFrom'> & Partial<Pick<LicenceInput, 'rates' | 'status' | 'validFrom'>>;

/** Validated licences, in order, through the configuration schema (which resolves their rate schedules). */
function licences(...shapes: LicenceShape[]): Licence[] {
  return classifierConfigSchema.parse({
    licences: shapes.map((shape) => ({ status: 'active', validFrom: '2022-11-01', rates: RATES, ...shape })),
  }).licences;
}

/** A parsed session; by default the release's first split billing session (2022-11-10 14:50:16, 0:15:02, 3.667 kWh). */
const session = (shape: SessionShape = {}): ChargingSession => sessionFrom(SPLIT_BILLING_SESSION, shape);

function find(list: readonly Licence[], s: ChargingSession, coverage: LicenceCoverage = 'start', matching: TokenMatching = PLAIN): LicenceMatch {
  return findLicence(indexLicences(list, coverage), s, tokenLookup(s.token, matching), chargePointLookup(s.chargePoint));
}

/** The outcome as plain ids: the matched licence, or the first licence on the device and why it did not apply. */
function outcome(result: LicenceMatch): { licence: string | null; mismatch?: { licence: string; why: string } } {
  if (result.licence) return { licence: result.licence.id };
  return result.mismatch ? { licence: null, mismatch: { licence: result.mismatch.licence.id, why: result.mismatch.why } } : { licence: null };
}

/** Paths and messages of a refused licence. */
function refusal(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = licenceSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map(({ path, message }) => ({ path, message }));
}

describe('licenceSchema', () => {
  const base = { id: 'lic-1', status: 'active', validFrom: '2022-11-01', rates: RATES };

  it('reads the example licence', () => {
    const licence = licenceSchema.parse({
      ...base,
      device: { chargePointId: 'cp_test2' },
      validUntil: null,
      tokens: { uids: ['04A23B5C'] },
      timeZone: 'Europe/Brussels',
    });
    expect(licence.device).toEqual({ chargePointId: 'cp_test2' });
    expect(licence.period.from?.toISOString()).toBe('2022-10-31T23:00:00.000Z');
    expect(licence.period.until).toBeNull();
    expect(licence.tokens).toEqual({ uids: ['04A23B5C'] });
  });

  it.each([
    ['neither a charge point nor a serial number', {}],
    ['both a charge point and a serial number', { chargePointId: 'cp_test2', serialNumber: 'NRG-0001' }],
  ])('refuses a device with %s', (_, device) => {
    expect(refusal({ ...base, device })).toEqual([
      { path: ['device'], message: expect.stringMatching(/exactly one of chargePointId .* or serialNumber/) },
    ]);
  });

  it('refuses an unknown status, listing the known ones', () => {
    expect(refusal({ ...base, device: { chargePointId: 'cp_test2' }, status: 'paused' })).toEqual([
      { path: ['status'], message: 'unknown licence status "paused"; expected one of active, suspended, cancelled' },
    ]);
  });

  it('refuses a token restriction that names no token (leave it out to cover any token)', () => {
    const issues = refusal({ ...base, device: { chargePointId: 'cp_test2' }, tokens: { uids: [] } });
    expect(issues.map((issue) => issue.path)).toEqual([['tokens']]);
    expect(issues[0]!.message).toMatch(/no token/);
  });

  it('may name the employee it reimburses, by a non-empty id', () => {
    const device = { chargePointId: 'cp_test2' };
    expect(licenceSchema.parse({ ...base, device, employeeId: 'test-user' }).employeeId).toBe('test-user');
    expect(licenceSchema.parse({ ...base, device }).employeeId).toBeUndefined();
    expect(refusal({ ...base, device, employeeId: '' }).map((issue) => issue.path)).toEqual([['employeeId']]);
    expect(refusal({ ...base, device, employeeId: 42 }).map((issue) => issue.path)).toEqual([['employeeId']]);
  });

  it('needs a validFrom, and a validUntil after it', () => {
    expect(refusal({ ...base, device: { chargePointId: 'cp_test2' }, validFrom: undefined })[0]!.path).toEqual(['validFrom']);
    expect(refusal({ ...base, device: { chargePointId: 'cp_test2' }, validUntil: '2022-10-01' })).toEqual([
      { path: ['validUntil'], message: expect.stringMatching(/validUntil must be after validFrom/) },
    ]);
  });
});

describe('findLicence: device', () => {
  it('finds the licence of the charge point the session ran on, whatever the case of its id', () => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' } });
    expect(outcome(find(list, session()))).toEqual({ licence: 'lic-1' });
    expect(outcome(find(list, session({ chargePoint: { id: 'CP_TEST2' } })))).toEqual({ licence: 'lic-1' });
  });

  it('finds the licence of a portable cable by its serial number, wherever it is plugged in', () => {
    const list = licences({ id: 'lic-cable', device: { serialNumber: 'NRG-0001' } });
    expect(outcome(find(list, session({ chargePoint: { id: 'home-socket', serialNumber: 'nrg-0001' } })))).toEqual({ licence: 'lic-cable' });
    expect(outcome(find(list, session({ chargePoint: { id: 'home-socket', serialNumber: 'NRG-0002' } })))).toEqual({ licence: null });
  });

  it('keeps charge point ids and serial numbers apart', () => {
    const list = licences({ id: 'lic-cable', device: { serialNumber: 'NRG-0001' } }, { id: 'lic-cp', device: { chargePointId: 'X-42' } });
    expect(outcome(find(list, session({ chargePoint: { id: 'NRG-0001' } })))).toEqual({ licence: null });
    expect(outcome(find(list, session({ chargePoint: { id: 'cp', serialNumber: 'X-42' } })))).toEqual({ licence: null });
  });

  it('finds nothing, and no mismatch, on a device without a licence', () => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' } });
    const result = find(list, session({ chargePoint: { id: 'cp_public' } }));
    expect(result).toEqual({ licence: null, mismatch: undefined });
  });
});

describe('findLicence: status and tokens', () => {
  it.each(['suspended', 'cancelled'] as const)('never applies a %s licence', (status) => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, status });
    expect(outcome(find(list, session()))).toEqual({ licence: null, mismatch: { licence: 'lic-1', why: 'not-active' } });
  });

  it('does not reimburse a guest card on a licence limited to the employee’s tokens', () => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, tokens: { uids: ['04A23B5C'] } });
    expect(outcome(find(list, session({ token: { uid: '04:a2:3b:5c' } })))).toEqual({ licence: 'lic-1' });
    expect(outcome(find(list, session({ token: { uid: '0A0B0C0D' } })))).toEqual({
      licence: null,
      mismatch: { licence: 'lic-1', why: 'token-not-covered' },
    });
  });

  it('covers the employee by contract id or group as well', () => {
    const list = licences({
      id: 'lic-1',
      device: { chargePointId: 'cp_test2' },
      tokens: { contractIds: ['NL-TST-C12345678-S'], groupIds: ['family-42'] },
    });
    expect(outcome(find(list, session({ token: { uid: 'FFFF', contractId: 'nl-tst-c12345678' } })))).toEqual({ licence: 'lic-1' });
    expect(outcome(find(list, session({ token: { uid: 'FFFF', groupId: 'FAMILY-42' } })))).toEqual({ licence: 'lic-1' });
    expect(find(list, session({ token: { uid: 'FFFF', contractId: 'BE-MBF-C12345678-S' } })).mismatch?.why).toBe('token-not-covered');
  });

  it('covers any token when the licence names none', () => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' } });
    for (const token of [{ uid: '0A0B0C0D' }, { uid: 'app-user-9', contractId: 'BE-MBF-C12345678-S' }, { uid: 'FF', groupId: 'guests' }]) {
      expect(outcome(find(list, session({ token })))).toEqual({ licence: 'lic-1' });
    }
  });

  it('reports a session before the licence as outside its period', () => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' } });
    const early = session({ startedAt: '2022-10-20T10:00:00+02:00', endedAt: '2022-10-20T11:00:00+02:00' });
    expect(outcome(find(list, early))).toEqual({ licence: null, mismatch: { licence: 'lic-1', why: 'outside-period' } });
  });
});

describe('findLicence: configuration order', () => {
  it('applies the first qualifying licence', () => {
    const list = licences({ id: 'lic-a', device: { chargePointId: 'cp_test2' } }, { id: 'lic-b', device: { chargePointId: 'cp_test2' } });
    expect(outcome(find(list, session()))).toEqual({ licence: 'lic-a' });
  });

  it('passes over licences that do not qualify', () => {
    const list = licences(
      { id: 'lic-old', device: { chargePointId: 'cp_test2' }, validFrom: '2021-01-01', validUntil: '2022-01-01' },
      { id: 'lic-suspended', device: { chargePointId: 'cp_test2' }, status: 'suspended' },
      { id: 'lic-partner', device: { chargePointId: 'cp_test2' }, tokens: { uids: ['0A0B0C0D'] } },
      { id: 'lic-current', device: { chargePointId: 'cp_test2' } },
    );
    expect(outcome(find(list, session()))).toEqual({ licence: 'lic-current' });
  });

  it('reports the first licence on the device and why, when none qualifies', () => {
    const list = licences(
      { id: 'lic-suspended', device: { chargePointId: 'cp_test2' }, status: 'suspended' },
      { id: 'lic-partner', device: { chargePointId: 'cp_test2' }, tokens: { uids: ['0A0B0C0D'] } },
    );
    expect(outcome(find(list, session()))).toEqual({ licence: null, mismatch: { licence: 'lic-suspended', why: 'not-active' } });
  });

  it('keeps configuration order between a cable licence and a charge point licence', () => {
    const cableFirst = licences({ id: 'lic-cable', device: { serialNumber: 'NRG-0001' } }, { id: 'lic-cp', device: { chargePointId: 'cp_test2' } });
    const s = session({ chargePoint: { id: 'cp_test2', serialNumber: 'NRG-0001' } });
    expect(outcome(find(cableFirst, s))).toEqual({ licence: 'lic-cable' });
    expect(outcome(find([...cableFirst].reverse(), s))).toEqual({ licence: 'lic-cp' });

    const bothFail = licences(
      { id: 'lic-cable', device: { serialNumber: 'NRG-0001' }, status: 'cancelled' },
      { id: 'lic-cp', device: { chargePointId: 'cp_test2' }, validFrom: '2023-01-01' },
    );
    expect(outcome(find(bothFail, s))).toEqual({ licence: null, mismatch: { licence: 'lic-cable', why: 'not-active' } });
  });
});

describe('findLicence: coverage of sessions that straddle the period', () => {
  const november = licences({ id: 'lic-nov', device: { chargePointId: 'cp_test2' }, validFrom: '2022-11-01', validUntil: '2022-12-01' });
  const cases: [string, string, string, Record<LicenceCoverage, boolean>][] = [
    ['inside', '2022-11-10T14:50:16+01:00', '2022-11-10T15:05:18+01:00', { start: true, 'whole-session': true, 'any-overlap': true }],
    ['across validFrom', '2022-10-31T23:50:00+01:00', '2022-11-01T00:10:00+01:00', { start: false, 'whole-session': false, 'any-overlap': true }],
    ['across validUntil', '2022-11-30T23:50:00+01:00', '2022-12-01T00:10:00+01:00', { start: true, 'whole-session': false, 'any-overlap': true }],
    ['starting at validFrom', '2022-11-01T00:00:00+01:00', '2022-11-01T00:20:00+01:00', { start: true, 'whole-session': true, 'any-overlap': true }],
    ['ending at validUntil', '2022-11-30T23:40:00+01:00', '2022-12-01T00:00:00+01:00', { start: true, 'whole-session': true, 'any-overlap': true }],
    ['ending at validFrom', '2022-10-31T23:40:00+01:00', '2022-11-01T00:00:00+01:00', { start: false, 'whole-session': false, 'any-overlap': false }],
    ['starting at validUntil', '2022-12-01T00:00:00+01:00', '2022-12-01T00:20:00+01:00', { start: false, 'whole-session': false, 'any-overlap': false }],
    ['spanning the whole period', '2022-10-31T12:00:00+01:00', '2022-12-01T12:00:00+01:00', { start: false, 'whole-session': false, 'any-overlap': true }],
  ];

  it.each(cases.flatMap(([what, startedAt, endedAt, expected]) => (Object.keys(expected) as LicenceCoverage[]).map((coverage) => [what, coverage, startedAt, endedAt, expected[coverage]] as const)))(
    'a session %s, coverage %s',
    (_, coverage, startedAt, endedAt, covered) => {
      expect(outcome(find(november, session({ startedAt, endedAt }), coverage))).toEqual(
        covered ? { licence: 'lic-nov' } : { licence: null, mismatch: { licence: 'lic-nov', why: 'outside-period' } },
      );
    },
  );

  it("uses 'start' unless the configuration says otherwise", () => {
    expect(classifierConfigSchema.parse({}).splitBilling.licenceCoverage).toBe('start');
    expect(classifierConfigSchema.parse({ splitBilling: { licenceCoverage: 'any-overlap' } }).splitBilling.licenceCoverage).toBe('any-overlap');
  });
});

describe('licence periods across daylight saving changes', () => {
  const period = (validFrom: string, validUntil: string, timeZone: string) =>
    licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, validFrom, validUntil, timeZone })[0]!.period;
  const iso = (d: Date | null) => d?.toISOString();

  it('Brussels: starts at local midnight of the spring-forward day and ends at local midnight of the fall-back day', () => {
    const p = period('2022-03-27', '2022-10-30', 'Europe/Brussels');
    expect(iso(p.from)).toBe('2022-03-26T23:00:00.000Z');
    expect(iso(p.until)).toBe('2022-10-29T22:00:00.000Z');
  });

  it('Brussels: the day after each change starts at the new offset', () => {
    const p = period('2022-03-28', '2022-10-31', 'Europe/Brussels');
    expect(iso(p.from)).toBe('2022-03-27T22:00:00.000Z');
    expect(iso(p.until)).toBe('2022-10-30T23:00:00.000Z');
  });

  it('Brussels: sessions either side of those midnights', () => {
    const list = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, validFrom: '2022-03-27', validUntil: '2022-10-30' });
    const at = (startedAt: string) => find(list, session({ startedAt, endedAt: startedAt })).licence?.id ?? null;
    expect(at('2022-03-26T23:59:59.999+01:00')).toBeNull();
    expect(at('2022-03-27T00:00:00+01:00')).toBe('lic-1');
    expect(at('2022-03-27T03:00:00+02:00')).toBe('lic-1');
    expect(at('2022-10-29T23:59:59.999+02:00')).toBe('lic-1');
    expect(at('2022-10-30T00:00:00+02:00')).toBeNull();
  });

  it('New York: the spring-forward day starts at -05:00 and the fall-back day at -04:00', () => {
    const p = period('2022-03-13', '2022-11-06', 'America/New_York');
    expect(iso(p.from)).toBe('2022-03-13T05:00:00.000Z');
    expect(iso(p.until)).toBe('2022-11-06T04:00:00.000Z');
    const after = period('2022-03-14', '2022-11-07', 'America/New_York');
    expect(iso(after.from)).toBe('2022-03-14T04:00:00.000Z');
    expect(iso(after.until)).toBe('2022-11-07T05:00:00.000Z');
  });

  it('New York: sessions either side of those midnights', () => {
    const list = licences({
      id: 'lic-1',
      device: { chargePointId: 'cp_test2' },
      validFrom: '2022-03-13',
      validUntil: '2022-11-06',
      timeZone: 'America/New_York',
    });
    const at = (startedAt: string) => find(list, session({ startedAt, endedAt: startedAt })).licence?.id ?? null;
    expect(at('2022-03-12T23:59:59.999-05:00')).toBeNull();
    expect(at('2022-03-13T00:00:00-05:00')).toBe('lic-1');
    expect(at('2022-11-05T23:59:59.999-04:00')).toBe('lic-1');
    expect(at('2022-11-06T00:00:00-04:00')).toBeNull();
  });

  it('refuses a local time the clocks skip, and reads a repeated one as its first occurrence', () => {
    const skipped = licenceSchema.safeParse({
      id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active', validFrom: '2022-03-27T02:30', rates: RATES,
    });
    expect(skipped.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['validFrom'], '"2022-03-27T02:30" does not exist in Europe/Brussels (clocks skip it for daylight saving time)'],
    ]);
    expect(iso(period('2022-10-30T02:30', '2022-10-31', 'Europe/Brussels').from)).toBe('2022-10-30T00:30:00.000Z');
  });
});

// ---- Reference: scan every licence in configuration order.

function naiveCovers(licence: Licence, s: ChargingSession, coverage: LicenceCoverage): boolean {
  const from = licence.period.from?.getTime() ?? -Infinity;
  const until = licence.period.until?.getTime() ?? Infinity;
  const start = s.startedAt.getTime();
  const end = s.endedAt.getTime();
  const startInside = from <= start && start < until;
  if (coverage === 'start') return startInside;
  if (coverage === 'whole-session') return startInside && end <= until;
  return end > start ? start < until && end > from : startInside;
}

function naiveTokenCovered(licence: Licence, s: ChargingSession): boolean {
  const { tokens } = licence;
  if (tokens === undefined) return true;
  const { uid, contractId, groupId } = s.token;
  return (
    (tokens.uids ?? []).some((u) => normaliseUid(u) === normaliseUid(uid)) ||
    (contractId !== undefined && (tokens.contractIds ?? []).some((c) => normaliseContractId(c) === normaliseContractId(contractId))) ||
    (groupId !== undefined && (tokens.groupIds ?? []).some((g) => normaliseId(g) === normaliseId(groupId)))
  );
}

function naiveFind(list: readonly Licence[], s: ChargingSession, coverage: LicenceCoverage): ReturnType<typeof outcome> {
  let mismatch: { licence: string; why: string } | undefined;
  for (const licence of list) {
    const { chargePointId, serialNumber } = licence.device;
    const onDevice =
      (chargePointId !== undefined && normaliseId(chargePointId) === normaliseId(s.chargePoint.id)) ||
      (serialNumber !== undefined && s.chargePoint.serialNumber !== undefined && normaliseId(serialNumber) === normaliseId(s.chargePoint.serialNumber));
    if (!onDevice) continue;
    const why =
      licence.status !== 'active' ? 'not-active' : !naiveCovers(licence, s, coverage) ? 'outside-period' : !naiveTokenCovered(licence, s) ? 'token-not-covered' : null;
    if (why === null) return { licence: licence.id };
    mismatch ??= { licence: licence.id, why };
  }
  return mismatch ? { licence: null, mismatch } : { licence: null };
}

const DAY_MS = 86_400_000;
/** A date in the first ten days of November 2022 (CET, +01:00). */
const novemberDay = fc.integer({ min: 1, max: 10 }).map((d) => `2022-11-${String(d).padStart(2, '0')}`);

const licenceShapeArb = fc.record({
  device: fc.oneof(
    fc.constantFrom('home-1', 'HOME-1', 'home-2').map((chargePointId) => ({ chargePointId })),
    fc.constantFrom('NRG-1', 'nrg-1', 'NRG-2').map((serialNumber) => ({ serialNumber })),
  ),
  status: fc.constantFrom('active', 'active', 'suspended', 'cancelled'),
  validFrom: novemberDay,
  days: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  tokens: fc.option(
    fc
      .record({
        uids: fc.subarray(['04A23B5C', '0a:0b']),
        contractIds: fc.subarray(['NL-TST-C12345678-S']),
        groupIds: fc.subarray(['family']),
      })
      .filter((t) => t.uids.length + t.contractIds.length + t.groupIds.length > 0),
    { nil: undefined },
  ),
});

const sessionShapeArb = fc.record({
  chargePoint: fc.record({
    id: fc.constantFrom('home-1', 'home-2', 'NRG-1', 'cp_public'),
    serialNumber: fc.option(fc.constantFrom('NRG-1', 'nrg-1', 'NRG-2', 'home-1'), { nil: undefined }),
  }),
  token: fc.record({
    uid: fc.constantFrom('04A23B5C', '0A0B', 'FFFF'),
    contractId: fc.option(fc.constantFrom('nl-tst-c12345678', 'BE-MBF-C12345678-S'), { nil: undefined }),
    groupId: fc.option(fc.constantFrom('FAMILY', 'guests'), { nil: undefined }),
  }),
  day: fc.integer({ min: 0, max: 15 }),
  time: fc.constantFrom(0, 1, DAY_MS - 1, DAY_MS - 600_000, 43_200_000),
  durationMs: fc.constantFrom(0, 1, 1_200_000, 7_200_000, 3 * DAY_MS),
});

const dateText = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

describe('properties', () => {
  it('the index finds the same licence (or the same mismatch) as a scan in configuration order', () => {
    fc.assert(
      fc.property(
        fc.array(licenceShapeArb, { maxLength: 6 }),
        sessionShapeArb,
        fc.constantFrom<LicenceCoverage>('start', 'whole-session', 'any-overlap'),
        (shapes, shape, coverage) => {
          const list = licences(
            ...shapes.map(({ days, validFrom, ...rest }, i) => ({
              id: `lic-${i}`,
              ...rest,
              validFrom,
              validUntil: days === undefined ? null : dateText(Date.parse(validFrom) + days * DAY_MS),
            })),
          );
          const start = Date.parse('2022-10-30T23:00:00Z') + shape.day * DAY_MS + shape.time;
          const s = session({
            token: shape.token,
            chargePoint: shape.chargePoint,
            startedAt: new Date(start).toISOString(),
            endedAt: new Date(start + shape.durationMs).toISOString(),
          });
          expect(outcome(find(list, s, coverage))).toEqual(naiveFind(list, s, coverage));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a licence without tokens covers any token; one with tokens never covers a token it does not name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-F]{2,16}$/), (uid) => {
        const open = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' } });
        expect(find(open, session({ token: { uid } })).licence?.id).toBe('lic-1');
        const own = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, tokens: { uids: ['04A23B5C'] } });
        expect(find(own, session({ token: { uid } })).licence?.id ?? null).toBe(uid === '04A23B5C' ? 'lic-1' : null);
      }),
    );
  });

  it('validFrom is local midnight of that date and validUntil of the next, in Brussels and New York, 2020-2030', () => {
    const first = Date.UTC(2020, 0, 1);
    const last = Date.UTC(2030, 11, 31);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: (last - first) / DAY_MS }),
        fc.constantFrom('Europe/Brussels', 'America/New_York'),
        (day, timeZone) => {
          const date = dateText(first + day * DAY_MS);
          const next = dateText(first + (day + 1) * DAY_MS);
          const previous = dateText(first + (day - 1) * DAY_MS);
          const p = licences({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, validFrom: date, validUntil: next, timeZone })[0]!.period;
          expect(wallClock(p.from!, timeZone)).toBe(`${date} 00:00:00`);
          expect(wallClock(new Date(p.from!.getTime() - 1000), timeZone)).toBe(`${previous} 23:59:59`);
          expect(wallClock(p.until!, timeZone)).toBe(`${next} 00:00:00`);
          expect([23, 24, 25]).toContain((p.until!.getTime() - p.from!.getTime()) / 3_600_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});
