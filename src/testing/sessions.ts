import * as fc from 'fast-check';
import { parseSession, type ChargingSession, type SessionInput } from '../model/session.js';
import { AUTHORIZATION_STATUSES, type AuthorizationStatus, type TokenInput } from '../model/token.js';
import type { ChargePointInput } from '../model/charge-point.js';
import type { InvalidReasonCode } from '../rules/reason.js';
import { decimalTextArb } from './decimals.js';
import { DURATION_EDGES_MS, ENERGY_EDGES } from './edges.js';
import { POOL } from './pools.js';

/**
 * A session's energy in kWh as written: a decimal string (edges, ordinary and
 * odd values) or `null` (no reading).
 *
 * @example fc.sample(energyInputArb, 20).every((energy) => energy === null || typeof energy === 'string'); // => true
 */
export const energyInputArb: fc.Arbitrary<string | null> = fc.oneof(
  { arbitrary: fc.constantFrom<string>(...ENERGY_EDGES), weight: 2 },
  { arbitrary: decimalTextArb(0, 120, 3), weight: 14 },
  { arbitrary: decimalTextArb(-20, 500, 4), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
);

/**
 * A session's duration in milliseconds: edges, short, ordinary and long
 * sessions, and a few negative ones (end before start).
 *
 * @example fc.sample(durationMsArb, 20).every(Number.isInteger); // => true
 */
export const durationMsArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom<number>(...DURATION_EDGES_MS), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 300_000 }), weight: 2 },
  { arbitrary: fc.integer({ min: 300_000, max: 4 * 3_600_000 }), weight: 12 },
  { arbitrary: fc.integer({ min: 4 * 3_600_000, max: 3 * 86_400_000 }), weight: 1 },
  { arbitrary: fc.integer({ min: -3_600_000, max: -1 }), weight: 1 },
);

/**
 * An authorisation status, mostly `Accepted`.
 *
 * @example fc.sample(authorizationArb, 20).every((status) => AUTHORIZATION_STATUSES.includes(status)); // => true
 */
export const authorizationArb: fc.Arbitrary<AuthorizationStatus> = fc.oneof(
  { arbitrary: fc.constant<AuthorizationStatus>('Accepted'), weight: 9 },
  { arbitrary: fc.constantFrom<AuthorizationStatus>(...AUTHORIZATION_STATUSES), weight: 1 },
);

/**
 * A token as written: a pooled UID, maybe a contract id (sometimes with a
 * bad check character) and a group.
 *
 * @example fc.sample(tokenInputArb, 20).every((token) => parseSession({ ...sampleSessions[0], token }).success); // => true
 */
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

/**
 * A charge point as written: pooled ids, maybe a location, operator, serial
 * number and connector power.
 *
 * @example fc.sample(chargePointInputArb, 20).every((chargePoint) => parseSession({ ...sampleSessions[0], chargePoint }).success); // => true
 */
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

/**
 * A session's start in epoch milliseconds, millisecond precision, 2021 to 2023.
 *
 * @example fc.sample(startMsArb, 20).every(Number.isInteger); // => true
 */
export const startMsArb: fc.Arbitrary<number> = fc.integer({ min: SESSION_START_MIN, max: SESSION_START_MAX });

/**
 * A session as a backend sends it (JSON form, UTC timestamps), one that
 * `parseSession` reads: any energy (in range or not, or none), any duration
 * (end before start included), any authorisation, so that the validity
 * rules have something to judge. Sessions and configurations share
 * {@link POOL}'s ids.
 *
 * @example fc.sample(sessionInputArb, 20).every((input) => parseSession(input).success); // => true
 */
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

/**
 * Parses a session input that is known to be readable, for building
 * arbitraries and fixtures; throws (failing the test) when it is not.
 *
 * @example parsed({ id: 's-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00', energyKWh: '3.667', token: { uid: '04A23B5C' }, chargePoint: { id: 'cp_test2' } }).energyKWh; // => '3.667'
 * @throws {Error} when `parseSession` refuses the input, with its issues.
 */
export function parsed(input: SessionInput): ChargingSession {
  const result = parseSession(input);
  if (!result.success) throw new Error(`a generated session did not parse: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

/**
 * A parsed session (`Date` instants, exact `Decimal` energy or `null`), as
 * the classifier receives it; drawn from {@link sessionInputArb}.
 *
 * @example fc.sample(sessionArb, 20).every((s) => s.startedAt instanceof Date); // => true
 */
export const sessionArb: fc.Arbitrary<ChargingSession> = sessionInputArb.map(parsed);

/**
 * The caller's `now`, or none: sometimes inside the sessions' range, so
 * `start-in-future` happens.
 *
 * @example fc.sample(nowArb, 20).every((now) => now === undefined || now instanceof Date); // => true
 */
export const nowArb: fc.Arbitrary<Date | undefined> = fc.option(
  fc.integer({ min: SESSION_START_MIN, max: SESSION_START_MAX + 86_400_000 }).map((ms) => new Date(ms)),
  { nil: undefined },
);

/** A session input the default rules find invalid, with every reason they give, in their order. */
export interface InvalidSessionCase {
  readonly input: SessionInput;
  readonly reasons: readonly InvalidReasonCode[];
}

const REJECTIONS = AUTHORIZATION_STATUSES.filter((status) => status !== 'Accepted');

/**
 * A readable session that the default validity rules find invalid, in one or
 * several ways at once (a rejected token; energy missing or outside [0, 350]
 * kWh; an end before the start or a duration under 2 minutes), with the
 * reason codes expected, in the rules' order. With the default configuration
 * (and no `now`) a classifier gives exactly these reasons.
 *
 * @example
 * const reasons = (input: SessionInput) => { const read = parseSession(input); return read.success ? createClassifier().classify(read.data).reasons.map((r) => r.code) : null; };
 * fc.sample(invalidSessionInputArb, 20).every((invalid) => JSON.stringify(reasons(invalid.input)) === JSON.stringify(invalid.reasons)); // => true
 */
export const invalidSessionInputArb: fc.Arbitrary<InvalidSessionCase> = fc
  .record({
    base: sessionInputArb,
    token: fc.option(fc.constantFrom(...REJECTIONS), { nil: undefined }),
    energy: fc.option(
      fc.oneof(
        fc.constant({ energyKWh: null, reason: 'energy-missing' as const }),
        fc.oneof(decimalTextArb(-500, 0, 4), decimalTextArb(350, 10_000, 4), fc.constantFrom('-0.001', '350.001'))
          .filter((text) => Number(text) < 0 || Number(text) > 350)
          .map((energyKWh) => ({ energyKWh, reason: 'energy-out-of-range' as const })),
      ),
      { nil: undefined },
    ),
    duration: fc.option(
      fc.oneof(
        fc.integer({ min: -86_400_000, max: -1 }).map((ms) => ({ ms, reason: 'end-before-start' as const })),
        fc.integer({ min: 0, max: 119_999 }).map((ms) => ({ ms, reason: 'duration-too-short' as const })),
      ),
      { nil: undefined },
    ),
    fine: fc.record({ energyKWh: decimalTextArb(0, 350, 3), ms: fc.integer({ min: 120_000, max: 86_400_000 }) }),
  })
  .filter(({ token, energy, duration }) => token !== undefined || energy !== undefined || duration !== undefined)
  .map(({ base, token, energy, duration, fine }) => {
    const startMs = Date.parse(base.startedAt as string);
    const input: SessionInput = {
      ...base,
      endedAt: new Date(startMs + (duration?.ms ?? fine.ms)).toISOString(),
      energyKWh: energy === undefined ? fine.energyKWh : energy.energyKWh,
      token: { ...base.token, authorization: token ?? 'Accepted' },
    };
    const reasons: InvalidReasonCode[] = [];
    if (token !== undefined) reasons.push('token-rejected');
    if (energy !== undefined) reasons.push(energy.reason);
    if (duration !== undefined) reasons.push(duration.reason);
    return { input, reasons };
  });

/** Something that is not a readable session, and the path of the field `parseSession` must name. */
export interface MalformedSessionCase {
  readonly input: unknown;
  readonly path: readonly PropertyKey[];
}

/** One way to break a session input: the change, and the path it breaks. */
const BREAKAGES: readonly { readonly path: readonly PropertyKey[]; readonly apply: (input: Record<string, unknown>) => unknown }[] = [
  { path: ['id'], apply: ({ id: _id, ...rest }) => rest },
  { path: ['id'], apply: (input) => ({ ...input, id: 42 }) },
  { path: ['startedAt'], apply: (input) => ({ ...input, startedAt: '2022-11-10T14:50:16' }) },
  { path: ['startedAt'], apply: (input) => ({ ...input, startedAt: 'yesterday' }) },
  { path: ['endedAt'], apply: ({ endedAt: _endedAt, ...rest }) => rest },
  { path: ['endedAt'], apply: (input) => ({ ...input, endedAt: '2022-02-30T10:00:00Z' }) },
  { path: ['energyKWh'], apply: (input) => ({ ...input, energyKWh: '3,667' }) },
  { path: ['energyKWh'], apply: (input) => ({ ...input, energyKWh: 'NaN' }) },
  { path: ['energyKWh'], apply: ({ energyKWh: _energy, ...rest }) => rest },
  { path: ['token'], apply: ({ token: _token, ...rest }) => rest },
  { path: ['token', 'uid'], apply: (input) => ({ ...input, token: { ...(input.token as object), uid: '' } }) },
  { path: ['token', 'authorization'], apply: (input) => ({ ...input, token: { ...(input.token as object), authorization: 'Maybe' } }) },
  { path: ['chargePoint'], apply: (input) => ({ ...input, chargePoint: 'cp_test2' }) },
  { path: ['chargePoint', 'id'], apply: (input) => ({ ...input, chargePoint: { ...(input.chargePoint as object), id: '' } }) },
  { path: [], apply: () => null },
  { path: [], apply: (input) => [input] },
];

/**
 * Something a backend might send that is not a readable session (a missing
 * or mistyped field, a timestamp without an offset, an energy with a decimal
 * comma, a session wrapped in an array, `null`), with the path that
 * `parseSession`'s issues must name.
 *
 * @example
 * const paths = (input: unknown) => { const read = parseSession(input); return read.success ? [] : read.error.issues.map((issue) => issue.path.join('.')); };
 * fc.sample(malformedSessionInputArb, 20).every(({ input, path }) => paths(input).some((found) => found.startsWith(path.join('.')))); // => true
 */
export const malformedSessionInputArb: fc.Arbitrary<MalformedSessionCase> = fc
  .tuple(sessionInputArb, fc.constantFrom(...BREAKAGES))
  .map(([input, { path, apply }]) => ({ input: apply(input as Record<string, unknown>), path }));
