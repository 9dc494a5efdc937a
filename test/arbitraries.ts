/**
 * Shared fast-check arbitraries for property tests: valid parsed sessions
 * (exact decimal energies, `null` included; durations around the thresholds;
 * tokens with every authorisation status) and valid classifier configurations
 * whose licences and whitelist entries draw from the same small pools of ids
 * as the sessions, so that matches actually happen.
 */
import fc from 'fast-check';
import type { ClassifierConfigInput } from '../src/classify/config';
import type { LicenceInput } from '../src/matchers/licence';
import type { WhitelistEntryInput } from '../src/matchers/whitelist';
import { parseSession, type ChargingSession, type SessionInput } from '../src/model/session';
import { AUTHORIZATION_STATUSES, type AuthorizationStatus, type TokenInput } from '../src/model/token';
import type { ChargePointInput } from '../src/model/charge-point';
import type { ValidityConfigInput } from '../src/rules/config';

/** The small pools of identifiers that sessions and configurations share. */
export const POOL = {
  /** RFID UIDs as written by different readers (some with separators or lower case). */
  uids: ['04A23B5C', '04:b7:19:e2', '04C1D2E3', 'AABBCCDD'],
  /** Contract ids with a valid EMAID check character. */
  contractIds: ['NL-TST-C12345678-S', 'BE-MBF-C12345678-S', 'BE-MBF-C87654321-Z'],
  /** A contract id whose check character is wrong (sessions only, never configuration). */
  badContractIds: ['NL-TST-C12345678-9'],
  groupIds: ['acme-company-cars', 'fleet-b'],
  chargePointIds: ['cp_test2', 'cp_site_1', 'BE-ION-HASSELT-03'],
  serialNumbers: ['NRG-0001', 'NRG-0002'],
  locationIds: ['home-42', 'hq-antwerp', 'ion-hasselt'],
  operatorIds: ['BE*MBF', 'BE*ION', 'BE*ACM'],
} as const;

/** Plain decimal text of `unscaled / 10^scale`, written digit by digit (independent of decimal.js). */
export function scaledText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/**
 * Exact decimal strings within [min, max] (whole numbers) with up to
 * `maxScale` decimals, e.g. "3.667" or "-0.001".
 */
export function decimalTextArb(min: number, max: number, maxScale = 4): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: maxScale }).chain((scale) => {
    const factor = 10n ** BigInt(scale);
    return fc.bigInt({ min: BigInt(min) * factor, max: BigInt(max) * factor }).map((unscaled) => scaledText(unscaled, scale));
  });
}

/** Energies right at the default bounds [0, 350] kWh and just outside them. */
export const ENERGY_EDGES = ['0', '-0.001', '0.001', '349.999', '350', '350.000', '350.001', '350.0000000000000000001', '-0.0000000000000000001'] as const;

/** A session's energy in kWh as written: a decimal string (edges, ordinary and odd values) or `null` (no reading). */
export const energyInputArb: fc.Arbitrary<string | null> = fc.oneof(
  { arbitrary: fc.constantFrom<string>(...ENERGY_EDGES), weight: 2 },
  { arbitrary: decimalTextArb(0, 120, 3), weight: 14 },
  { arbitrary: decimalTextArb(-20, 500, 4), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
);

/** Durations in milliseconds right at the thresholds: 2 minutes, 24 hours, zero, end before start. */
export const DURATION_EDGES_MS = [-60_000, -1, 0, 1, 119_999, 120_000, 120_001, 86_400_000, 86_400_001] as const;

/** A session's duration in milliseconds: edges, short, ordinary and long sessions, and a few negative ones. */
export const durationMsArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom<number>(...DURATION_EDGES_MS), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 300_000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 300_000, max: 4 * 3_600_000 }), weight: 12 },
  { arbitrary: fc.integer({ min: 4 * 3_600_000, max: 3 * 86_400_000 }), weight: 1 },
  { arbitrary: fc.integer({ min: -3_600_000, max: -1 }), weight: 1 },
);

/** An authorisation status, mostly `Accepted`. */
export const authorizationArb: fc.Arbitrary<AuthorizationStatus> = fc.oneof(
  { arbitrary: fc.constant<AuthorizationStatus>('Accepted'), weight: 9 },
  { arbitrary: fc.constantFrom<AuthorizationStatus>(...AUTHORIZATION_STATUSES), weight: 1 },
);

/** A token as written: a pooled UID, maybe a contract id (sometimes with a bad check character) and a group. */
export const tokenInputArb: fc.Arbitrary<TokenInput> = fc.record(
  {
    uid: fc.constantFrom(...POOL.uids),
    contractId: fc.constantFrom(...POOL.contractIds, ...POOL.badContractIds),
    groupId: fc.constantFrom(...POOL.groupIds),
    type: fc.constantFrom('RFID' as const, 'APP_USER' as const),
    authorization: authorizationArb,
  },
  { requiredKeys: ['uid', 'authorization'] },
);

/** A charge point as written: pooled ids, maybe a location, operator, serial number and connector power. */
export const chargePointInputArb: fc.Arbitrary<ChargePointInput> = fc.record(
  {
    id: fc.constantFrom(...POOL.chargePointIds),
    connectorId: fc.constantFrom('1', '2'),
    locationId: fc.constantFrom(...POOL.locationIds),
    operatorId: fc.constantFrom(...POOL.operatorIds),
    serialNumber: fc.constantFrom(...POOL.serialNumbers),
    maxPowerKW: fc.constantFrom('3.7', '7.4', '11', '22', '150'),
  },
  { requiredKeys: ['id'] },
);

const SESSION_START_MIN = Date.parse('2021-01-01T00:00:00Z');
const SESSION_START_MAX = Date.parse('2023-12-31T23:59:59.999Z');

/** A session's start, millisecond precision, 2021 to 2023. */
export const startMsArb: fc.Arbitrary<number> = fc.integer({ min: SESSION_START_MIN, max: SESSION_START_MAX });

/** A valid session as a backend sends it (JSON form, timestamps with an offset). */
export const sessionInputArb: fc.Arbitrary<SessionInput> = fc
  .record({
    n: fc.nat({ max: 999 }),
    startMs: startMsArb,
    durationMs: durationMsArb,
    energyKWh: energyInputArb,
    token: tokenInputArb,
    chargePoint: chargePointInputArb,
  })
  .map(({ n, startMs, durationMs, energyKWh, token, chargePoint }) => ({
    id: `s-${n}`,
    startedAt: new Date(startMs).toISOString(),
    endedAt: new Date(startMs + durationMs).toISOString(),
    energyKWh,
    token,
    chargePoint,
  }));

/** Parses a session that is known to be valid; throws (failing the test) when it is not. */
export function parsed(input: SessionInput): ChargingSession {
  const result = parseSession(input);
  if (!result.success) throw new Error(`a generated session did not parse: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** A valid parsed session: `Date` instants and exact `Decimal` energy (or `null`). */
export const sessionArb: fc.Arbitrary<ChargingSession> = sessionInputArb.map(parsed);

/** The caller's `now`, or none: sometimes inside the sessions' range, so `start-in-future` happens. */
export const nowArb: fc.Arbitrary<Date | undefined> = fc.option(
  fc.integer({ min: SESSION_START_MIN, max: SESSION_START_MAX + 86_400_000 }).map((ms) => new Date(ms)),
  { nil: undefined },
);

/** An optional rule: switched on (the value) about one time in four, else `null` (off). */
function sometimes<T>(rule: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: rule, weight: 1 });
}

const OTHER_STATUSES = AUTHORIZATION_STATUSES.filter((status) => status !== 'Accepted');

/**
 * Valid validity rules (JSON form): bounds with min <= max, a minimum
 * duration up to 5 minutes, mostly accepting Accepted, and each optional rule
 * switched on about one time in four.
 */
export const validityConfigInputArb: fc.Arbitrary<ValidityConfigInput> = fc
  .record(
    {
      energy: fc.tuple(fc.oneof(decimalTextArb(-1, 1, 3), decimalTextArb(-1, 20, 3)), decimalTextArb(20, 400, 3)),
      minDurationSeconds: fc.oneof(fc.constantFrom(0, 120, '119.999', '120.001'), decimalTextArb(0, 300, 3)),
      maxDurationSeconds: sometimes(fc.constantFrom(14_400, 86_400, '86400.001')),
      requireEnergy: fc.boolean(),
      acceptedAuthorizations: fc.oneof(
        { arbitrary: fc.subarray(OTHER_STATUSES).map((others): AuthorizationStatus[] => ['Accepted', ...others]), weight: 4 },
        { arbitrary: fc.subarray([...AUTHORIZATION_STATUSES], { minLength: 1 }), weight: 1 },
      ),
      lowEnergy: sometimes(fc.record({ atMostKWh: fc.constantFrom('0', '0.1', '0.5') })),
      maxAveragePower: sometimes(
        fc.record({ kW: fc.constantFrom('22', '50', '150'), tolerancePercent: fc.constantFrom('0', '10', '25') }, { requiredKeys: [] }),
      ),
      earliestStart: sometimes(fc.constantFrom('2021-06-01T00:00:00Z', '2022-01-01T00:00:00+01:00')),
    },
    { requiredKeys: [] },
  )
  .map(({ energy, ...rules }) => (energy === undefined ? rules : { energyKWh: { min: energy[0], max: energy[1] }, ...rules }));

const localDateArb = (minYear: number, maxYear: number) =>
  fc
    .integer({ min: Date.UTC(minYear, 0, 1) / 86_400_000, max: Date.UTC(maxYear, 11, 31) / 86_400_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** A half-open validity period of local dates: from 2020 to 2023, open-ended or 1 to 900 days long. */
const periodArb = fc.record({ from: localDateArb(2020, 2023), days: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }) }).map(({ from, days }) => ({
  validFrom: from,
  validUntil: days === null ? null : new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
}));

/** A non-empty token selector over the pools (valid EMAIDs only). */
export const tokenSelectorArb = fc
  .record(
    {
      uids: fc.subarray([...POOL.uids], { minLength: 1 }),
      contractIds: fc.subarray([...POOL.contractIds], { minLength: 1 }),
      groupIds: fc.subarray([...POOL.groupIds], { minLength: 1 }),
    },
    { requiredKeys: [] },
  )
  .filter((selector) => Object.keys(selector).length > 0);

/** A non-empty charge point selector over the pools. */
export const chargePointSelectorArb = fc
  .record(
    {
      ids: fc.subarray([...POOL.chargePointIds], { minLength: 1 }),
      locationIds: fc.subarray([...POOL.locationIds], { minLength: 1 }),
      operatorIds: fc.subarray([...POOL.operatorIds], { minLength: 1 }),
    },
    { requiredKeys: [] },
  )
  .filter((selector) => Object.keys(selector).length > 0);

/** A valid licence (JSON form) with the given id, on a pooled device, mostly active. */
export function licenceInputArb(id: string): fc.Arbitrary<LicenceInput> {
  return fc
    .record({
      device: fc.oneof(
        { arbitrary: fc.constantFrom(...POOL.chargePointIds).map((chargePointId) => ({ chargePointId })), weight: 3 },
        { arbitrary: fc.constantFrom(...POOL.serialNumbers).map((serialNumber) => ({ serialNumber })), weight: 1 },
      ),
      status: fc.oneof(
        { arbitrary: fc.constant('active' as const), weight: 4 },
        { arbitrary: fc.constantFrom('suspended' as const, 'cancelled' as const), weight: 1 },
      ),
      period: periodArb,
      tokens: fc.option(tokenSelectorArb, { nil: undefined }),
      perKWh: decimalTextArb(0, 1, 4),
    })
    .map(({ device, status, period, tokens, perKWh }) => ({
      id,
      device,
      status,
      ...period,
      ...(tokens === undefined ? {} : { tokens }),
      rates: [{ from: '2000-01-01', perKWh, currency: 'EUR' }],
    }));
}

/** A valid whitelist entry (JSON form) with the given id, sometimes limited to a period. */
export function whitelistEntryInputArb(id: string): fc.Arbitrary<WhitelistEntryInput> {
  return fc
    .record({ tokens: tokenSelectorArb, chargePoints: chargePointSelectorArb, period: fc.option(periodArb, { nil: null }) })
    .map(({ tokens, chargePoints, period }) => ({ id, tokens, chargePoints, ...(period ?? {}) }));
}

/** Up to `max` items with ids `${prefix}-0`, `${prefix}-1`, ... (unique by construction). */
function numbered<T>(max: number, prefix: string, item: (id: string) => fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.integer({ min: 0, max }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => item(`${prefix}-${i}`))));
}

/** Licences and whitelist entries only (no validity rules), over the pools. */
export const matchersConfigInputArb: fc.Arbitrary<Pick<ClassifierConfigInput, 'licences' | 'whitelist' | 'matching' | 'splitBilling'>> = fc.record({
  licences: numbered(4, 'lic', licenceInputArb),
  whitelist: numbered(4, 'wl', whitelistEntryInputArb),
  matching: fc.record({ reversedUids: fc.boolean(), verifyContractIds: fc.boolean() }),
  splitBilling: fc.record({ licenceCoverage: fc.constantFrom('start' as const, 'whole-session' as const, 'any-overlap' as const) }),
});

/** Either order of the two matchers. */
export const precedenceArb = fc.constantFrom<['split-billing', 'whitelist'] | ['whitelist', 'split-billing']>(
  ['split-billing', 'whitelist'],
  ['whitelist', 'split-billing'],
);

/** A whole valid classifier configuration (JSON form): validity rules, matchers and precedence, each sometimes left out. */
export const classifierConfigInputArb: fc.Arbitrary<ClassifierConfigInput> = fc
  .record({
    validity: fc.option(validityConfigInputArb, { nil: undefined }),
    matchers: matchersConfigInputArb,
    precedence: fc.option(precedenceArb, { nil: undefined }),
  })
  .map(({ validity, matchers, precedence }) => ({
    ...(validity === undefined ? {} : { validity }),
    ...matchers,
    ...(precedence === undefined ? {} : { precedence }),
  }));
