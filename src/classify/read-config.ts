import { buildLicence, LICENCE_STATUSES, resolveLicence } from '../matchers/licence.js';
import { buildWhitelistEntry, resolveWhitelistEntry } from '../matchers/whitelist.js';
import { isCurrencyCode } from '../model/price.js';
import { flag, giveUp, identifier, list, member, nonNegative, optional, refuse, strictObject, type Fields } from '../model/read-quickly.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../model/time.js';

/*
 * The fast path of reading a configuration: plain code reads the fields of
 * licences and whitelist entries, which a large configuration holds by the
 * hundred thousand; the schema's own code resolves them and checks across
 * them, and the schema reads everything else (validity rules, options, named
 * schedules). Whatever is not the plain valid shape makes it give up, and
 * the schema reads the whole configuration, so that every issue and its path
 * stay the schema's. Property tests hold the two equal.
 */

/** The configuration's fields other than licences and whitelist, as its schema reads them. */
export type ConfigHead = Fields;

const CONFIG_KEYS = new Set(['validity', 'matching', 'splitBilling', 'precedence', 'rateSchedules', 'ceilingSchedules', 'licences', 'whitelist']);
const LICENCE_KEYS = new Set(['id', 'employeeId', 'device', 'status', 'validFrom', 'validUntil', 'tokens', 'timeZone', 'rates', 'allowRateGaps', 'ceiling']);
const WHITELIST_ENTRY_KEYS = new Set(['id', 'tokens', 'chargePoints', 'validFrom', 'validUntil', 'timeZone']);
const DEVICE_KEYS = new Set(['chargePointId', 'serialNumber']);
const RATE_KEYS = new Set(['from', 'until', 'perKWh', 'currency']);
const TOKEN_KINDS = new Set(['uids', 'contractIds', 'groupIds']);
const CHARGE_POINT_KINDS = new Set(['ids', 'locationIds', 'operatorIds']);
const LICENCE_STATUS_SET: ReadonlySet<unknown> = new Set(LICENCE_STATUSES);

/**
 * Reads a configuration's fields the quick way, as its object schema reads
 * them (before the checks across them), giving up (by throwing) on anything
 * else. `head` reads the other fields with the schema.
 */
export function readConfigFields(input: unknown, head: (rest: Fields) => ConfigHead | undefined): Fields {
  const { licences = [], whitelist = [], ...rest } = strictObject(input, CONFIG_KEYS);
  return { ...(head(rest) ?? giveUp()), licences: list(licences, licence), whitelist: list(whitelist, whitelistEntry) };
}

function licence(input: unknown): unknown {
  const source = strictObject(input, LICENCE_KEYS);
  const out: Fields = { id: identifier(source['id']) };
  optional(out, source, 'employeeId', identifier);
  out['device'] = selector(source['device'], DEVICE_KEYS, 1);
  out['status'] = member(source['status'], LICENCE_STATUS_SET);
  out['validFrom'] = localTime(source['validFrom']);
  optional(out, source, 'validUntil', nullableLocalTime);
  optional(out, source, 'tokens', tokenSelector);
  out['timeZone'] = timeZone(source['timeZone']);
  const rates = source['rates'];
  out['rates'] = typeof rates === 'string' ? identifier(rates) : list(rates, rate);
  out['allowRateGaps'] = source['allowRateGaps'] === undefined ? false : flag(source['allowRateGaps']);
  optional(out, source, 'ceiling', ceiling);
  return buildLicence(out as never, resolveLicence(out, refuse));
}

function ceiling(value: unknown): unknown {
  if (typeof value === 'string') return identifier(value);
  const ids = list(value, identifier);
  return ids.length > 0 ? ids : giveUp();
}

const identifiers = (value: unknown) => list(value, identifier);

/**
 * A selector: optional lists of identifiers of `kinds` (a device: optional
 * identifiers), `exactly` so many given when said, else at least one
 * identifier in all.
 */
function selector(input: unknown, kinds: ReadonlySet<string>, exactly?: number): Fields {
  const source = strictObject(input, kinds);
  const out: Fields = {};
  let count = 0;
  for (const kind of kinds) {
    optional(out, source, kind, exactly ? identifier : identifiers);
    const value = out[kind] as string | readonly string[] | undefined;
    count += value === undefined ? 0 : exactly ? 1 : value.length;
  }
  if (exactly ? count !== exactly : count === 0) giveUp();
  return out;
}

const tokenSelector = (input: unknown) => selector(input, TOKEN_KINDS);

function whitelistEntry(input: unknown): unknown {
  const source = strictObject(input, WHITELIST_ENTRY_KEYS);
  const out: Fields = { id: identifier(source['id']), tokens: tokenSelector(source['tokens']), chargePoints: selector(source['chargePoints'], CHARGE_POINT_KINDS) };
  optional(out, source, 'validFrom', nullableLocalTime);
  optional(out, source, 'validUntil', nullableLocalTime);
  out['timeZone'] = timeZone(source['timeZone']);
  return buildWhitelistEntry(out as never, resolveWhitelistEntry(out, refuse));
}

function timeZone(value: unknown): string {
  return value === undefined ? DEFAULT_TIME_ZONE : typeof value === 'string' && isValidTimeZone(value) ? value : giveUp();
}

/** A configured date or date-time, read later in its time zone; a `Date` is left to the schema. */
const localTime = (value: unknown): string => (typeof value === 'string' ? value : giveUp());
const nullableLocalTime = (value: unknown): string | null => (value === null ? null : localTime(value));

function rate(input: unknown): Fields {
  const source = strictObject(input, RATE_KEYS);
  const out: Fields = { from: localTime(source['from']) };
  optional(out, source, 'until', nullableLocalTime);
  out['perKWh'] = nonNegative(source['perKWh']);
  const currency = source['currency'];
  out['currency'] = typeof currency === 'string' && isCurrencyCode(currency) ? currency : giveUp();
  return out;
}
