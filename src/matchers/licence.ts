import { readonlyOutput } from '../model/list.js';
import * as z from 'zod/mini';
import { resolvedObject, zonedInput } from '../model/resolved-object.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../model/time.js';
import { buildRateSchedule, isReadRate, rateInputSchema, type RateSchedule } from './rate-schedule.js';
import type { Ceiling } from './ceiling.js';
import { identifierSchema } from '../model/identifier.js';
import { describe, objectError } from '../model/messages.js';
import { resolvePeriod, timeZoneSchema, zonedTimeInputSchema, type Period } from '../model/period.js';
import type { ChargingSession } from '../model/session.js';
import { normaliseId } from './normalise.js';
import { selectsToken, tokenSelectorIdentifiers, tokenSelectorSchema, tokenSets, type ChargePointLookup, type TokenLookup, type TokenSets } from './selectors.js';

/**
 * A split billing licence's status; only `active` licences qualify.
 *
 * @example LICENCE_STATUSES; // => ['active', 'suspended', 'cancelled']
 */
export const LICENCE_STATUSES = ['active', 'suspended', 'cancelled'] as const;

/**
 * When a session counts as run "while the licence was active": judged at its
 * start (the default), only when the licence covers the whole session, or
 * when they overlap at all.
 * @example LICENCE_COVERAGES; // => ['start', 'whole-session', 'any-overlap']
 */
export const LICENCE_COVERAGES = ['start', 'whole-session', 'any-overlap'] as const;

/** One of {@link LICENCE_COVERAGES}. */
export type LicenceCoverage = (typeof LICENCE_COVERAGES)[number];

const deviceSchema = z.strictObject(
  {
    chargePointId: z.optional(identifierSchema('charge point id')),
    serialNumber: z.optional(identifierSchema('serial number')),
  },
  { error: objectError('device') },
).check(z.refine((device) => (device.chargePointId === undefined) !== (device.serialNumber === undefined), {
  error: 'name the licensed device by exactly one of chargePointId (a home charging station) or serialNumber (a portable charging cable)',
}));

/**
 * Zod schema for a split billing licence: a device, a status, a half-open
 * validity period (dates are local midnight in `timeZone`, default
 * Europe/Brussels; `validUntil: null` = still valid), optionally the only
 * tokens it covers (the employee's own), the employee it reimburses
 * (`employeeId`, for the monthly statements), and its rate schedule: a list of
 * rates, or the id of a schedule in the configuration's `rateSchedules`; and
 * optionally the ceiling(s) that cap its rate, by id in `ceilingSchedules`.
 * @example
 * licenceSchema.safeParse(sampleConfig.licences[0]).success; // => true
 * licenceSchema.safeParse({ ...sampleConfig.licences[0], rates: [] }).success; // => false
 */
export const licenceSchema = resolvedObject(
  z.strictObject(
    {
      id: identifierSchema('licence id'),
      /** The employee the licence reimburses, whose monthly statement lists its sessions. */
      employeeId: z.optional(identifierSchema('employee id')),
      device: deviceSchema,
      status: z.enum(LICENCE_STATUSES, {
        error: (issue) => `unknown licence status ${describe(issue.input)}; expected one of ${LICENCE_STATUSES.join(', ')}`,
      }),
      validFrom: zonedTimeInputSchema,
      validUntil: z.optional(z.nullable(zonedTimeInputSchema)),
      /** Only these tokens (the employee's own); left out, any token. */
      tokens: z.optional(tokenSelectorSchema),
      timeZone: timeZoneSchema,
      rates: z.union([readonlyOutput(z.array(rateInputSchema)), identifierSchema('rate schedule id')], {
        error: 'give the rates as a list such as [{ from: "2022-10-01", perKWh: "0.6654", currency: "EUR" }], or the id of a rate schedule',
      }),
      /** Whether the rate list may have gaps (sessions then get no rate). */
      allowRateGaps: z._default(z.boolean({ error: 'allowRateGaps must be true or false' }), false),
      /**
       * The legal ceiling(s) that cap the reimbursement: the id of a schedule
       * in the configuration's `ceilingSchedules`, or a list of ids (the
       * lowest in force applies). Left out, the agreed rate is paid.
       */
      ceiling: z.optional(
        z.union([identifierSchema('ceiling schedule id'), readonlyOutput(z.array(identifierSchema('ceiling schedule id')).check(z.minLength(1, { error: 'name at least one ceiling schedule, or leave ceiling out' })))], {
          error: 'give the id of a ceiling schedule, such as "be-flanders", or a list of ids',
        }),
      ),
    },
    { error: objectError('licence') },
  ),
  (raw, ctx): { period: Period; rates: RateSchedule | null } | null => {
    const timeZone = raw['timeZone'] === undefined ? DEFAULT_TIME_ZONE : raw['timeZone'];
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) return null; // reported at timeZone
    const period = resolvePeriod({ validFrom: zonedInput(raw['validFrom']), validUntil: zonedInput(raw['validUntil']) }, timeZone, ctx);
    const rates = raw['rates'];
    const schedule =
      Array.isArray(rates) && rates.every(isReadRate) ? buildRateSchedule(rates, timeZone, raw['allowRateGaps'] === true, ctx, ['rates']) : null;
    return { period, rates: schedule };
  },
  ({ validFrom: _from, validUntil: _until, allowRateGaps: _gaps, rates, ...licence }, resolved) => ({
    ...licence,
    period: resolved!.period,
    rates: typeof rates === 'string' ? rates : resolved!.rates!,
  }),
);

/** A licence as configured (JSON form). */
export type LicenceInput = z.input<typeof licenceSchema>;

/** A validated licence: its period as instants, its rate schedule and its ceilings resolved. */
export type Licence = Omit<z.output<typeof licenceSchema>, 'rates' | 'ceiling'> & {
  readonly rates: RateSchedule;
  /** The ceilings that cap its reimbursement, in the order named; absent when it names none. */
  readonly ceiling?: readonly Ceiling[];
};

/**
 * Why a licence on the session's device may not apply: the `actual` of a `licence-not-applicable` reason.
 *
 * @example LICENCE_MISMATCHES; // => ['not-active', 'outside-period', 'token-not-covered']
 */
export const LICENCE_MISMATCHES = ['not-active', 'outside-period', 'token-not-covered'] as const;

/** One of {@link LICENCE_MISMATCHES}. */
export type LicenceMismatch = (typeof LICENCE_MISMATCHES)[number];

/** The outcome of looking up a session's licence. */
export type LicenceMatch =
  | { readonly licence: Licence; readonly mismatch?: undefined }
  | { readonly licence: null; readonly mismatch?: { readonly licence: Licence; readonly why: LicenceMismatch } };

/**
 * One indexed licence: its position in the configuration, the tokens it is
 * limited to (`null`: any token) and its period as numbers (read once; later
 * changes to the licence's Dates change nothing).
 */
export interface IndexedLicence {
  readonly position: number;
  readonly licence: Licence;
  readonly tokens: TokenSets | null;
  readonly active: boolean;
  /** The answer when this licence applies, made once, when first given. */
  match: LicenceMatch | undefined;
  readonly fromMs: number;
  readonly untilMs: number;
}

/** Licences indexed by device: charge point id or serial number, normalised. */
export interface LicenceIndex {
  readonly byChargePointId: ReadonlyMap<string, readonly IndexedLicence[]>;
  readonly bySerialNumber: ReadonlyMap<string, readonly IndexedLicence[]>;
  readonly coverage: LicenceCoverage;
  /** Whether any licence's token limit names contract ids, or groups. */
  readonly kinds: { readonly contractIds: boolean; readonly groupIds: boolean };
}

/** Indexes licences by device (charge point id or serial number). */
export function indexLicences(licences: readonly Licence[], coverage: LicenceCoverage): LicenceIndex {
  const byChargePointId = new Map<string, IndexedLicence[]>();
  const bySerialNumber = new Map<string, IndexedLicence[]>();
  const kinds = { contractIds: false, groupIds: false };
  licences.forEach((licence, position) => {
    kinds.contractIds ||= (licence.tokens?.contractIds?.length ?? 0) > 0;
    kinds.groupIds ||= (licence.tokens?.groupIds?.length ?? 0) > 0;
    const { chargePointId, serialNumber } = licence.device;
    const index = chargePointId !== undefined ? byChargePointId : bySerialNumber;
    const indexed: IndexedLicence = {
      position,
      licence,
      tokens: licence.tokens ? tokenSets(tokenSelectorIdentifiers(licence.tokens)) : null,
      active: licence.status === 'active',
      match: undefined,
      fromMs: licence.period.from?.getTime() ?? -Infinity,
      untilMs: licence.period.until?.getTime() ?? Infinity,
    };
    const key = normaliseId(chargePointId ?? serialNumber!);
    const list = index.get(key);
    if (list) list.push(indexed);
    else index.set(key, [indexed]);
  });
  return { byChargePointId, bySerialNumber, coverage, kinds };
}

function coversSession({ fromMs, untilMs }: IndexedLicence, session: ChargingSession, coverage: LicenceCoverage): boolean {
  const startMs = session.startedAt.getTime();
  const startCovered = startMs >= fromMs && startMs < untilMs;
  switch (coverage) {
    case 'start':
      return startCovered;
    case 'whole-session':
      return startCovered && session.endedAt.getTime() <= untilMs;
    case 'any-overlap': {
      const endMs = session.endedAt.getTime();
      return endMs <= startMs ? startCovered : endMs > fromMs && startMs < untilMs;
    }
  }
}

const NONE: readonly IndexedLicence[] = [];

/**
 * The licence that makes a session split billing: on its device, active,
 * covering the session (per the coverage setting) and its token. When several
 * do, the first in configuration order. Otherwise, the first licence on the
 * device and why it did not apply, so a portal can say so.
 */
export function findLicence(index: LicenceIndex, session: ChargingSession, token: TokenLookup, chargePoint: ChargePointLookup): LicenceMatch {
  const byId = index.byChargePointId.get(chargePoint.id) ?? NONE;
  const { serialNumber } = session.chargePoint;
  const bySerial = serialNumber !== undefined && index.bySerialNumber.size > 0 ? (index.bySerialNumber.get(normaliseId(serialNumber)) ?? NONE) : NONE;
  if (byId.length === 0 && bySerial.length === 0) return NO_LICENCE;
  // Each list is in configuration order; merged, they must be too, so the first qualifying licence wins.
  const candidates = bySerial.length === 0 ? byId : byId.length === 0 ? bySerial : [...byId, ...bySerial].sort((a, b) => a.position - b.position);
  let mismatch: { licence: Licence; why: LicenceMismatch } | undefined;
  for (const candidate of candidates) {
    let why: LicenceMismatch | null = null;
    if (!candidate.active) why = 'not-active';
    else if (!coversSession(candidate, session, index.coverage)) why = 'outside-period';
    else if (candidate.tokens !== null && !selectsToken(candidate.tokens, token)) why = 'token-not-covered';
    if (why === null) return (candidate.match ??= Object.freeze({ licence: candidate.licence }));
    mismatch ??= { licence: candidate.licence, why };
  }
  return { licence: null, mismatch };
}

const NO_LICENCE: LicenceMatch = Object.freeze({ licence: null });
