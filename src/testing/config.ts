import * as fc from 'fast-check';
import type { ClassifierConfigInput } from '../classify/config.js';
import type { LicenceInput } from '../matchers/licence.js';
import type { RateInput } from '../matchers/rate-schedule.js';
import type { WhitelistEntryInput } from '../matchers/whitelist.js';
import { AUTHORIZATION_STATUSES, type AuthorizationStatus } from '../model/token.js';
import type { ValidityConfigInput } from '../rules/config.js';
import { decimalTextArb } from './decimals.js';
import { POOL } from './pools.js';

/** An optional rule: switched on (the value) about one time in four, else `null` (off). */
function sometimes<T>(rule: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: rule, weight: 1 });
}

const OTHER_STATUSES = AUTHORIZATION_STATUSES.filter((status) => status !== 'Accepted');

/**
 * Valid validity rules (JSON form): bounds with min <= max, a minimum
 * duration up to 5 minutes, mostly accepting Accepted, and each optional rule
 * switched on about one time in four.
 *
 * @example fc.sample(validityConfigInputArb, 20).every((validity) => createClassifier({ validity }).classify(session).type !== undefined); // => true
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

const DAY = 86_400_000;

/** Local dates (YYYY-MM-DD) from 1 January `minYear` to 31 December `maxYear`. */
const localDateArb = (minYear: number, maxYear: number) =>
  fc.integer({ min: Date.UTC(minYear, 0, 1) / DAY, max: Date.UTC(maxYear, 11, 31) / DAY }).map((day) => new Date(day * DAY).toISOString().slice(0, 10));

/** The local date `days` after `date`. */
const daysAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A half-open validity period of local dates: from 2020 to 2023, open-ended or 1 to 900 days long. */
const periodArb = fc.record({ from: localDateArb(2020, 2023), days: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }) }).map(({ from, days }) => ({
  validFrom: from,
  validUntil: days === null ? null : daysAfter(from, days),
}));

/**
 * A non-empty token selector over {@link POOL} (valid EMAIDs only).
 *
 * @example fc.sample(tokenSelectorArb, 20).every((selector) => Object.keys(selector).length > 0); // => true
 */
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

/**
 * A non-empty charge point selector over {@link POOL}.
 *
 * @example fc.sample(chargePointSelectorArb, 20).every((selector) => Object.keys(selector).length > 0); // => true
 */
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

/**
 * A valid rate schedule (JSON form): one to four rates in one currency, each
 * in force from a local date until the next starts, the first from
 * `firstFrom` (default 2000-01-01, so a rate is in force for every generated
 * session), at 0 to 1 per kWh with up to four decimals, as Belgium's
 * quarterly or Germany's yearly figures are.
 *
 * @example fc.sample(rateScheduleInputArb(), 20).every((rates) => rates.length > 0 && rates[0]!.from === '2000-01-01'); // => true
 */
export function rateScheduleInputArb(options: { readonly currency?: string; readonly firstFrom?: string } = {}): fc.Arbitrary<RateInput[]> {
  const { currency = 'EUR', firstFrom = '2000-01-01' } = options;
  return fc
    .tuple(decimalTextArb(0, 1, 4), fc.array(fc.tuple(fc.integer({ min: 1, max: 800 }), decimalTextArb(0, 1, 4)), { maxLength: 3 }))
    .map(([firstRate, later]) => {
      const rates: RateInput[] = [{ from: firstFrom, perKWh: firstRate, currency }];
      let from = firstFrom === '2000-01-01' ? '2020-12-31' : firstFrom;
      for (const [days, perKWh] of later) {
        from = daysAfter(from, days);
        rates.push({ from, perKWh, currency });
      }
      return rates;
    });
}

/**
 * The parts of a licence that the kit draws separately: its rates, and the
 * ceilings it names.
 */
export interface LicenceParts {
  /** The licence's rates (default {@link rateScheduleInputArb}). */
  readonly rates?: fc.Arbitrary<LicenceInput['rates']>;
  /** The ceiling schedule id(s) it names, `undefined` for none (default: none). */
  readonly ceiling?: fc.Arbitrary<LicenceInput['ceiling']>;
}

/**
 * A valid licence (JSON form) with the given id, on a pooled device, mostly
 * active, sometimes limited to pooled tokens, with its rate schedule.
 *
 * @example fc.sample(licenceInputArb('lic-1'), 1)[0].id; // => 'lic-1'
 */
export function licenceInputArb(id: string, parts: LicenceParts = {}): fc.Arbitrary<LicenceInput> {
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
      rates: parts.rates ?? rateScheduleInputArb(),
      ceiling: parts.ceiling ?? fc.constant(undefined),
    })
    .map(({ device, status, period, tokens, rates, ceiling }) => ({
      id,
      device,
      status,
      ...period,
      ...(tokens === undefined ? {} : { tokens }),
      rates,
      ...(ceiling === undefined ? {} : { ceiling }),
    }));
}

/**
 * A valid whitelist entry (JSON form) with the given id, sometimes limited
 * to a period.
 *
 * @example fc.sample(whitelistEntryInputArb('wl-1'), 1)[0].id; // => 'wl-1'
 */
export function whitelistEntryInputArb(id: string): fc.Arbitrary<WhitelistEntryInput> {
  return fc
    .record({ tokens: tokenSelectorArb, chargePoints: chargePointSelectorArb, period: fc.option(periodArb, { nil: null }) })
    .map(({ tokens, chargePoints, period }) => ({ id, tokens, chargePoints, ...(period ?? {}) }));
}

/** Up to `max` items with ids `${prefix}-0`, `${prefix}-1`, ... (unique by construction). */
function numbered<T>(max: number, prefix: string, item: (id: string) => fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.integer({ min: 0, max }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => item(`${prefix}-${i}`))));
}

/** The ceiling ids a generated licence names: mostly none, else one or both of the generated ceiling schedules. */
const ceilingIdsArb: fc.Arbitrary<LicenceInput['ceiling']> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: fc.constantFrom<LicenceInput['ceiling']>('region-a', ['region-b'], ['region-a', 'region-b']), weight: 1 },
);

/**
 * Licences and whitelist entries only (no validity rules), over
 * {@link POOL}; some licences share a named rate schedule from
 * `rateSchedules`, and some are capped by one or both ceiling schedules of
 * `ceilingSchedules` (in force from 2000, so every session has a ceiling),
 * as a region's quarterly maximum is shared.
 *
 * @example Object.keys(fc.sample(matchersConfigInputArb, 1)[0]); // => ['licences', 'whitelist', 'matching', 'splitBilling', 'rateSchedules', 'ceilingSchedules']
 */
export const matchersConfigInputArb: fc.Arbitrary<Pick<ClassifierConfigInput, 'licences' | 'whitelist' | 'matching' | 'splitBilling' | 'rateSchedules' | 'ceilingSchedules'>> = fc
  .record({
    licences: numbered(4, 'lic', (id) => fc.tuple(licenceInputArb(id, { ceiling: ceilingIdsArb }), fc.boolean())),
    whitelist: numbered(4, 'wl', whitelistEntryInputArb),
    matching: fc.record({ reversedUids: fc.boolean(), verifyContractIds: fc.boolean() }),
    splitBilling: fc.record({ licenceCoverage: fc.constantFrom('start' as const, 'whole-session' as const, 'any-overlap' as const) }),
    shared: rateScheduleInputArb(),
    ceilings: fc.tuple(rateScheduleInputArb(), rateScheduleInputArb()),
  })
  .map(({ licences, whitelist, matching, splitBilling, shared, ceilings: [regionA, regionB] }) => ({
    // A licence that shares the schedule names it instead of listing its own rates.
    licences: licences.map(([licence, sharesSchedule]) => (sharesSchedule ? { ...licence, rates: 'shared' } : licence)),
    whitelist,
    matching,
    splitBilling,
    rateSchedules: { shared: { timeZone: 'Europe/Brussels', rates: shared } },
    ceilingSchedules: { 'region-a': { timeZone: 'Europe/Brussels', rates: regionA }, 'region-b': { timeZone: 'America/New_York', rates: regionB } },
  }));

/**
 * Either order of the two matchers.
 *
 * @example fc.sample(precedenceArb, 20).every((order) => [...order].sort().join() === 'split-billing,whitelist'); // => true
 */
export const precedenceArb = fc.constantFrom<['split-billing', 'whitelist'] | ['whitelist', 'split-billing']>(
  ['split-billing', 'whitelist'],
  ['whitelist', 'split-billing'],
);

/**
 * A whole valid classifier configuration (JSON form): validity rules,
 * licences with their rate schedules, whitelist entries, matching options
 * and precedence, each sometimes left out. `createClassifier` accepts every
 * one.
 *
 * @example fc.sample(classifierConfigInputArb, 10).every((config) => typeof createClassifier(config).classify === 'function'); // => true
 */
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
