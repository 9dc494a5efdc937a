import type { Decimal } from 'decimal.js';
import { decimalSchema, Exact } from '../model/decimal.js';
import { identifierSchema } from '../model/identifier.js';
import { describe } from '../model/messages.js';
import { createSessionSchema, type ChargingSession } from '../model/session.js';
import { parseInstant } from '../model/time.js';
import type { OcpiReadOptions } from './options.js';
import { compact, listed, notAnObject, OcpiReader, type OcpiPath } from './reader.js';
import { isRecord, type OcpiVersion } from './version.js';
import type { OcpiReadResult } from './warnings.js';

/** OCPI timestamps without a zone designator are UTC. */
const sessionSchema = createSessionSchema({ timeZone: 'UTC' });
const userIdSchema = identifierSchema('user id');

/** How far `total_time` and charging periods may stray from the timestamps: 0.001 h (3.6 s). */
const TIME_TOLERANCE_HOURS = new Exact('0.001');
const HOUR_MS = 3_600_000;

/** Mandatory fields of a 2.2.1 / 2.3.0 `cdr_token` besides `uid` (whose absence is an issue). */
const CDR_TOKEN_FIELDS = ['country_code', 'party_id', 'type', 'contract_id'] as const;

/**
 * Reads an OCPI CDR or Session into a session, as api.md's table says, then
 * checks what the session's fields do not hold (total time, charging
 * periods) against its timestamps.
 */
export function readOcpiSession(input: unknown, kind: 'cdr' | 'session', options: OcpiReadOptions): OcpiReadResult<ChargingSession> {
  if (!isRecord(input)) return notAnObject(input, kind);
  const r = new OcpiReader(input, kind);
  const version = r.version(options.version);
  const old = version === '2.1.1';
  const startField = old && kind === 'session' ? 'start_datetime' : 'start_date_time';
  const endField = !old ? 'end_date_time' : kind === 'cdr' ? 'stop_date_time' : 'end_datetime';

  if (kind === 'session') {
    const status = r.at(['status']);
    if (status !== 'COMPLETED') {
      r.issue(['status'], unfinishedMessage(status), status);
      return r.refusal();
    }
  }

  const parsed = sessionSchema.safeParse(
    compact({
      id: r.take('id', ['id']),
      startedAt: r.timestamp('startedAt', [startField]),
      endedAt: r.timestamp('endedAt', [endField]),
      // null stays null: no meter reading.
      energyKWh: r.number('energyKWh', [kind === 'cdr' ? 'total_energy' : 'kwh'], true),
      token: old ? authIdToken(r) : cdrToken(r, version),
      chargePoint: old ? locationChargePoint(r) : kind === 'cdr' ? cdrLocationChargePoint(r) : sessionChargePoint(r),
      authMethod: r.take('authMethod', ['auth_method']),
      price: price(r, version),
      homeChargingCompensation: old || kind === 'session' ? undefined : r.take('homeChargingCompensation', ['home_charging_compensation']),
    }),
  );
  if (!parsed.success) return r.result(parsed);

  let session = parsed.data;
  checkTimes(r, session, kind, endField);
  const userId = options.userIdFor?.(session.token, input);
  if (userId !== undefined) {
    const read = userIdSchema.safeParse(userId);
    if (read.success) session = { ...session, userId: read.data };
    else r.issue(['userId'], `userIdFor gave ${describe(userId)}: ${read.error.issues.map((issue) => issue.message).join('; ')}`, userId);
  }
  return r.result({ success: true, data: session });
}

function unfinishedMessage(status: unknown): string {
  if (status === undefined) return 'the Session has no status, so it is not known to be finished; only a COMPLETED Session can be read (or its CDR)';
  if (status === 'INVALID') return 'the CPO declared this Session INVALID: it will not be billed and cannot be read as a finished session';
  return `the Session is ${describe(status)}, not finished: only a COMPLETED Session can be read (or its CDR); it is never given an end`;
}

/** OCPI 2.1.1: `auth_id` is the contract id, and the only identifier, so also the uid. */
function authIdToken(r: OcpiReader) {
  const authId = r.take('token', ['auth_id']);
  r.source('token.uid', ['auth_id']);
  r.source('token.contractId', ['auth_id']);
  return authId === undefined ? undefined : { uid: authId, contractId: authId };
}

function cdrToken(r: OcpiReader, version: OcpiVersion) {
  const token = r.take('token', ['cdr_token']);
  if (!isRecord(token)) return token;
  const missing = CDR_TOKEN_FIELDS.filter((field) => token[field] === undefined || token[field] === null);
  if (missing.length > 0) {
    r.warn('cdr-token-incomplete', `the cdr_token lacks ${listed(missing)}, mandatory in OCPI ${version}`, ['cdr_token']);
  }
  return compact({
    uid: r.take('token.uid', ['cdr_token', 'uid']),
    contractId: r.take('token.contractId', ['cdr_token', 'contract_id']),
    type: r.take('token.type', ['cdr_token', 'type']),
  });
}

/** The CPO's `country_code*party_id`, e.g. "BE*BEC". */
function operatorId(r: OcpiReader): string | undefined {
  const country = r.take('chargePoint.operatorId', ['country_code']);
  const party = r.at(['party_id']);
  if (typeof country === 'string' && typeof party === 'string' && country.trim() !== '' && party.trim() !== '') {
    return `${country.trim()}*${party.trim()}`;
  }
  r.warn('operator-unknown', `the ${r.kind === 'cdr' ? 'CDR' : 'Session'} lacks the CPO's country_code or party_id, so the charge point has no operator`);
  return undefined;
}

/** OCPI 2.2.1 / 2.3.0 CDR: `cdr_location` holds the EVSE and connector. */
function cdrLocationChargePoint(r: OcpiReader) {
  const location = r.take('chargePoint', ['cdr_location']);
  if (!isRecord(location)) return location;
  return compact({
    id: r.take('chargePoint.id', ['cdr_location', 'evse_uid']),
    evseId: r.take('chargePoint.evseId', ['cdr_location', 'evse_id']),
    connectorId: r.take('chargePoint.connectorId', ['cdr_location', 'connector_id']),
    locationId: r.take('chargePoint.locationId', ['cdr_location', 'id']),
    operatorId: operatorId(r),
  });
}

/** OCPI 2.2.1 / 2.3.0 Session: the location, EVSE and connector are named at the top. */
function sessionChargePoint(r: OcpiReader) {
  r.source('chargePoint', ['evse_uid']);
  return compact({
    id: r.take('chargePoint.id', ['evse_uid']),
    connectorId: r.take('chargePoint.connectorId', ['connector_id']),
    locationId: r.take('chargePoint.locationId', ['location_id']),
    operatorId: operatorId(r),
  });
}

/** OCPI 2.1.1: the `location` holds the EVSE and connector used (the first, when it lists more). */
function locationChargePoint(r: OcpiReader) {
  const location = r.take('chargePoint', ['location']);
  if (!isRecord(location)) return location;
  const evses = location['evses'];
  const connectors = r.at(['location', 'evses', 0, 'connectors']);
  if ((Array.isArray(evses) && evses.length > 1) || (Array.isArray(connectors) && connectors.length > 1)) {
    r.warn('location-ambiguous', 'the location lists several EVSEs or connectors; the first EVSE and its first connector were used', ['location', 'evses']);
  }
  return compact({
    id: r.take('chargePoint.id', ['location', 'evses', 0, 'uid']),
    evseId: r.take('chargePoint.evseId', ['location', 'evses', 0, 'evse_id']),
    connectorId: r.take('chargePoint.connectorId', ['location', 'evses', 0, 'connectors', 0, 'id']),
    locationId: r.take('chargePoint.locationId', ['location', 'id']),
  });
}

/**
 * `total_cost`: in 2.1.1 a number, excl. VAT; in 2.2.1 `excl_vat` and
 * `incl_vat`; in 2.3.0 `before_taxes`, incl. VAT being `before_taxes` plus
 * the taxes' amounts when taxes are listed (else unknown).
 */
function price(r: OcpiReader, version: OcpiVersion) {
  const cost = r.take('price', ['total_cost']);
  if (cost === undefined) return undefined;
  const currency = r.take('price.currency', ['currency']);
  if (version === '2.1.1') return compact({ exclVat: r.number('price.exclVat', ['total_cost']), currency });
  if (!isRecord(cost)) return cost;
  if (version === '2.2.1') {
    return compact({
      exclVat: r.number('price.exclVat', ['total_cost', 'excl_vat']),
      inclVat: r.number('price.inclVat', ['total_cost', 'incl_vat']),
      currency,
    });
  }
  const beforeTaxes = r.number('price.exclVat', ['total_cost', 'before_taxes']);
  return compact({ exclVat: beforeTaxes, inclVat: afterTaxes(r, beforeTaxes), currency });
}

/** 2.3.0: `before_taxes` plus the listed taxes, exactly; undefined when no tax is listed. */
function afterTaxes(r: OcpiReader, beforeTaxes: unknown): unknown {
  const taxes = r.at(['total_cost', 'taxes']);
  if (taxes === undefined) return undefined;
  if (!Array.isArray(taxes)) {
    r.issue(['total_cost', 'taxes'], `expected taxes as a list of tax amounts, received ${describe(taxes)}`, taxes);
    return undefined;
  }
  if (taxes.length === 0) return undefined;
  let total: Decimal | null = r.decimal(beforeTaxes);
  for (let index = 0; index < taxes.length; index += 1) {
    const path: OcpiPath = ['total_cost', 'taxes', index, 'amount'];
    const amount = r.at(path);
    r.checkNumber(amount, path);
    const value = r.decimal(amount);
    if (value === null) {
      r.issue(path, decimalSchema.safeParse(amount).error?.issues[0]?.message ?? 'expected a decimal number', amount);
      return undefined;
    }
    total = total?.plus(value) ?? null;
  }
  r.source('price.inclVat', ['total_cost']);
  return total ?? undefined;
}

/** What the timestamps say against `total_time`, the charging periods and the energy. */
function checkTimes(r: OcpiReader, session: ChargingSession, kind: 'cdr' | 'session', endField: string): void {
  const start = session.startedAt.getTime();
  const end = session.endedAt.getTime();
  if (start === end && session.energyKWh !== null && session.energyKWh.gt(0)) {
    r.warn('zero-duration-with-energy', `the start equals the end, yet ${session.energyKWh.toString()} kWh were delivered`, [endField]);
  }
  if (kind === 'cdr') checkTotalTime(r, end - start);
  checkChargingPeriods(r, start, end);
}

function hours(ms: number): Decimal {
  return new Exact(ms).div(HOUR_MS);
}

function checkTotalTime(r: OcpiReader, durationMs: number): void {
  const written = r.at(['total_time']);
  if (written === undefined) return;
  r.checkNumber(written, ['total_time']);
  const totalTime = r.decimal(written);
  const between = hours(durationMs);
  if (totalTime === null) {
    r.warn('total-time-mismatch', `total_time is ${describe(written)}, not a number of hours; the timestamps (${between.toDecimalPlaces(4).toString()} h apart) are used`, ['total_time']);
  } else if (totalTime.minus(between).abs().gt(TIME_TOLERANCE_HOURS)) {
    r.warn(
      'total-time-mismatch',
      `total_time is ${totalTime.toString()} h, but the timestamps are ${between.toDecimalPlaces(4).toString()} h apart; the timestamps are used`,
      ['total_time'],
    );
  }
}

function checkChargingPeriods(r: OcpiReader, start: number, end: number): void {
  const periods = r.at(['charging_periods']);
  if (!Array.isArray(periods)) return;
  const starts = periods.map((_, index): number | null => {
    const path: OcpiPath = ['charging_periods', index, 'start_date_time'];
    const text = r.at(path);
    r.checkTimestamp(text, path);
    const read = typeof text === 'string' ? parseInstant(text, 'UTC') : null;
    if (!read?.ok || read.dateOnly) {
      r.warn('charging-periods-mismatch', `charging period ${index} has no readable start_date_time (${describe(text)})`, path);
      return null;
    }
    const at = read.instant.getTime();
    if (at < start || at > end) {
      r.warn('charging-periods-mismatch', `charging period ${index} starts at ${read.instant.toISOString()}, outside the session`, path);
    }
    return at;
  });
  starts.forEach((at, index) => {
    if (at === null) return;
    const previous = index > 0 ? starts[index - 1] : null;
    if (previous !== null && previous !== undefined && at < previous) {
      r.warn('charging-periods-mismatch', `charging period ${index} starts before the period before it`, ['charging_periods', index, 'start_date_time']);
    }
    const next = index + 1 < starts.length ? starts[index + 1] : end;
    if (next === null || next === undefined || next < at) return;
    const timeVolume = timeVolumeOf(r, periods[index], index);
    if (timeVolume !== null && timeVolume.minus(hours(next - at)).abs().gt(TIME_TOLERANCE_HOURS)) {
      r.warn(
        'charging-periods-mismatch',
        `charging period ${index} lasts ${hours(next - at).toDecimalPlaces(4).toString()} h, but its TIME and PARKING_TIME volumes add up to ${timeVolume.toString()} h`,
        ['charging_periods', index, 'dimensions'],
      );
    }
  });
}

/** The sum of a period's TIME and PARKING_TIME volumes in hours; null when it has none, or one is unreadable. */
function timeVolumeOf(r: OcpiReader, period: unknown, index: number): Decimal | null {
  const dimensions = isRecord(period) && Array.isArray(period['dimensions']) ? period['dimensions'] : [];
  let total: Decimal | null = null;
  for (const [position, dimension] of dimensions.entries()) {
    if (!isRecord(dimension) || (dimension['type'] !== 'TIME' && dimension['type'] !== 'PARKING_TIME')) continue;
    const path: OcpiPath = ['charging_periods', index, 'dimensions', position, 'volume'];
    r.checkNumber(dimension['volume'], path);
    const volume = r.decimal(dimension['volume']);
    if (volume === null) return null;
    total = (total ?? new Exact(0)).plus(volume);
  }
  return total;
}
