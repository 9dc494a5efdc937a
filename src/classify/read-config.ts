import { isValidEmaid } from '../matchers/emaid.js';
import { LICENCE_STATUSES, licenceSchema } from '../matchers/licence.js';
import { chargePointSelectorSchema, tokenSelectorSchema } from '../matchers/selectors.js';
import { whitelistEntrySchema } from '../matchers/whitelist.js';
import { buildRateSchedule, rateInputSchema, type RateSchedule } from '../matchers/rate-schedule.js';
import type { Period } from '../model/period.js';
import { isCurrencyCode } from '../model/price.js';
import { flag, giveUp, identifier, keysOf, list, nonNegative, oneOf, optional, quickly, strictObject, type Fields } from '../model/read-quickly.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, parseInstant } from '../model/time.js';

/*
 * The fast path of reading a configuration: plain code for the licences and
 * whitelist entries, which a large configuration holds by the hundred
 * thousand, giving exactly what the configuration schema gives. The schema
 * reads everything else (validity rules, options, named schedules), and the
 * whole configuration as soon as anything is not the plain valid shape, so
 * that every issue and its path stay the schema's. Property tests hold the
 * two equal.
 */

/** The configuration's fields other than licences and whitelist, as its schema reads them. */
export interface ConfigHead extends Fields {
  readonly matching: { readonly verifyContractIds: boolean };
  readonly rateSchedules: Readonly<Record<string, RateSchedule>>;
  readonly ceilingSchedules: Readonly<Record<string, RateSchedule>>;
}

const LICENCE_SHAPE = licenceSchema.def.in.shape;
const LICENCE_KEYS = keysOf(LICENCE_SHAPE);
const WHITELIST_ENTRY_KEYS = keysOf(whitelistEntrySchema.def.in.shape);
const DEVICE_KEYS = keysOf(LICENCE_SHAPE.device.shape);
const RATE_KEYS = keysOf(rateInputSchema.shape);
const TOKEN_SELECTOR_KEYS = keysOf(tokenSelectorSchema.shape);
const CHARGE_POINT_SELECTOR_KEYS = keysOf(chargePointSelectorSchema.shape);
const licenceStatus = oneOf(LICENCE_STATUSES);
/** A rate schedule with any problem is left to the schema. */
const REFUSE = { addIssue: giveUp };
const RATES_PATH = ['rates'];

/**
 * Reads a configuration the quick way, or gives `undefined` when the schema
 * must read it (to say what is wrong, or for a shape this path does not
 * know). `keys` are the configuration's fields; `head` reads the
 * fields other than licences and whitelist entries with the schema. What it gives equals what the schema gives.
 */
export function readConfigQuickly(input: unknown, keys: ReadonlySet<string>, head: (rest: Fields) => ConfigHead | undefined): Fields | undefined {
  return quickly(config, input, { keys, head });
}

function config(input: unknown, { keys, head }: { keys: ReadonlySet<string>; head: (rest: Fields) => ConfigHead | undefined }): Fields {
  const { licences = [], whitelist = [], ...rest } = strictObject(input, keys);
  const { rateSchedules, ceilingSchedules, licences: _licences, whitelist: _whitelist, ...others } = head(rest) ?? giveUp();
  const readLicences = list(licences, (item) => licence(item, rateSchedules, ceilingSchedules));
  const entries = list(whitelist, whitelistEntry);
  uniqueIds(readLicences);
  uniqueIds(entries);
  if (others.matching.verifyContractIds) {
    for (const item of [...readLicences, ...entries]) {
      const contractIds = (item['tokens'] as Fields | undefined)?.['contractIds'] as readonly string[] | undefined;
      if (contractIds?.some((contractId) => !isValidEmaid(contractId))) giveUp();
    }
  }
  return { ...others, whitelist: entries, licences: readLicences };
}

function uniqueIds(items: readonly Fields[]): void {
  const seen = new Set<unknown>();
  for (const { id } of items) {
    if (seen.has(id)) giveUp();
    seen.add(id);
  }
}

function licence(input: unknown, rateSchedules: ConfigHead['rateSchedules'], ceilingSchedules: ConfigHead['ceilingSchedules']): Fields {
  const source = strictObject(input, LICENCE_KEYS);
  const out: Fields = { id: identifier(source['id']) };
  optional(out, source, 'employeeId', identifier);
  out['device'] = device(source['device']);
  out['status'] = licenceStatus(source['status']);
  optional(out, source, 'tokens', tokenSelector);
  const zone = (out['timeZone'] = timeZone(source['timeZone']));
  if (source['validFrom'] == null) giveUp(); // required for a licence
  out['period'] = period(source, zone);
  const allowGaps = source['allowRateGaps'] === undefined ? false : flag(source['allowRateGaps']);
  const rates = typeof source['rates'] === 'string' ? named(rateSchedules, identifier(source['rates'])) : schedule(source['rates'], zone, allowGaps);
  out['rates'] = rates;
  const ceiling = source['ceiling'];
  if (ceiling !== undefined) {
    const ids = typeof ceiling === 'string' ? [identifier(ceiling)] : list(ceiling, identifier);
    if (ids.length === 0) giveUp();
    out['ceiling'] = ids.map((id) => {
      const capping = named(ceilingSchedules, id);
      if (capping.currency !== rates.currency) giveUp();
      return { id, schedule: capping };
    });
  }
  return out;
}

function named(schedules: ConfigHead['rateSchedules'], id: string): RateSchedule {
  return Object.hasOwn(schedules, id) ? schedules[id]! : giveUp();
}

function device(input: unknown): Fields {
  const source = strictObject(input, DEVICE_KEYS);
  const out: Fields = {};
  optional(out, source, 'chargePointId', identifier);
  optional(out, source, 'serialNumber', identifier);
  if ((out['chargePointId'] === undefined) === (out['serialNumber'] === undefined)) giveUp();
  return out;
}

const identifiers = (value: unknown) => list(value, identifier);

/** A selector: lists of identifiers of `kinds` (the selector schema's fields, in its order), at least one identifier in all. */
function selector(input: unknown, kinds: ReadonlySet<string>): Fields {
  const source = strictObject(input, kinds);
  const out: Fields = {};
  let count = 0;
  for (const kind of kinds) {
    optional(out, source, kind, identifiers);
    count += (out[kind] as readonly string[] | undefined)?.length ?? 0;
  }
  if (count === 0) giveUp();
  return out;
}

const tokenSelector = (input: unknown) => selector(input, TOKEN_SELECTOR_KEYS);

function whitelistEntry(input: unknown): Fields {
  const source = strictObject(input, WHITELIST_ENTRY_KEYS);
  const id = identifier(source['id']);
  const tokens = tokenSelector(source['tokens']);
  const chargePoints = selector(source['chargePoints'], CHARGE_POINT_SELECTOR_KEYS);
  const zone = timeZone(source['timeZone']);
  return { id, tokens, chargePoints, timeZone: zone, period: period(source, zone) };
}

function timeZone(value: unknown): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  if (typeof value !== 'string' || !isValidTimeZone(value)) giveUp();
  return value;
}

/** A configured date or date-time read in `timeZone`; a `Date` is left to the schema. */
function localTime(value: unknown, timeZone: string): Date {
  if (typeof value !== 'string') giveUp();
  const read = parseInstant(value, timeZone);
  return read.ok ? read.instant : giveUp();
}

function period(source: Fields, timeZone: string): Period {
  const from = source['validFrom'] == null ? null : localTime(source['validFrom'], timeZone);
  const until = source['validUntil'] == null ? null : localTime(source['validUntil'], timeZone);
  if (from !== null && until !== null && until.getTime() <= from.getTime()) giveUp();
  return { from, until };
}

function rate(input: unknown) {
  const source = strictObject(input, RATE_KEYS);
  const { from, until, currency } = source;
  if (typeof from !== 'string' || (until != null && typeof until !== 'string') || typeof currency !== 'string' || !isCurrencyCode(currency)) giveUp();
  return { from, until, perKWh: nonNegative(source['perKWh']), currency };
}

function schedule(rates: unknown, timeZone: string, allowGaps: boolean): RateSchedule {
  return buildRateSchedule(list(rates, rate), timeZone, allowGaps, REFUSE, RATES_PATH) ?? giveUp();
}
