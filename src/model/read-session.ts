import type { Decimal } from 'decimal.js';
import { compareDecimals, readDecimal } from './decimal.js';
import { isCurrencyCode } from './price.js';
import { STOP_REASONS } from './stop-reason.js';
import { instantQuickly } from './time.js';
import { AUTHORIZATION_STATUSES, TOKEN_TYPES } from './token.js';

/*
 * The fast path of reading a session: plain code for the shape backends
 * nearly always send, giving exactly what the session schema gives. Anything
 * it does not recognise as valid (a missing field, a wrong type, an odd
 * object) makes it give up, and the schema reads the session instead, with
 * every issue and its path. Property tests hold the two equal.
 */

const ZERO = readDecimal(0) as Decimal;
const AUTH_METHOD_SET: ReadonlySet<unknown> = new Set(['AUTH_REQUEST', 'COMMAND', 'WHITELIST']);
const AUTHORIZATION_SET: ReadonlySet<unknown> = new Set(AUTHORIZATION_STATUSES);
const TOKEN_TYPE_SET: ReadonlySet<unknown> = new Set(TOKEN_TYPES);
const STOP_REASON_SET: ReadonlySet<unknown> = new Set(STOP_REASONS);

/** Thrown inside the fast path to hand the input to the schema. */
const GIVE_UP = Symbol('give up');

/* Each output object is built by named stores in the schema's key order, so every object of a kind has one shape. */
type Fields = Record<string, unknown>;

function object(value: unknown): Fields {
  if (typeof value !== 'object' || value === null) throw GIVE_UP;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw GIVE_UP;
  return value as Fields;
}

/**
 * Whether an optional field is there: `false` when it is left out. A key
 * present with the value `undefined`, which the schema keeps, is rare enough
 * to leave to the schema.
 */
function present(source: Fields, key: string, value: unknown): boolean {
  if (value !== undefined) return true;
  if (Object.hasOwn(source, key)) throw GIVE_UP;
  return false;
}

function identifier(value: unknown): string {
  if (typeof value !== 'string') throw GIVE_UP;
  // Identifiers nearly always start and end with a visible ASCII character: nothing to trim.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return value;
  const trimmed = value.trim();
  if (trimmed === '') throw GIVE_UP;
  return trimmed;
}

function decimal(value: unknown): Decimal {
  const read = readDecimal(value);
  if (typeof read === 'string') throw GIVE_UP;
  return read;
}

function nonNegative(value: unknown): Decimal {
  const read = decimal(value);
  if (compareDecimals(read, ZERO) < 0) throw GIVE_UP;
  return read;
}

function positive(value: unknown): Decimal {
  const read = decimal(value);
  if (compareDecimals(read, ZERO) <= 0) throw GIVE_UP;
  return read;
}

function member(value: unknown, set: ReadonlySet<unknown>): string {
  if (!set.has(value)) throw GIVE_UP;
  return value as string;
}

function flag(value: unknown): boolean {
  if (typeof value !== 'boolean') throw GIVE_UP;
  return value;
}

function instant(value: unknown): Date {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw GIVE_UP;
    return new Date(ms);
  }
  if (typeof value !== 'string') throw GIVE_UP;
  // Timestamps with an offset; a local time (read in the parse options' zone) is the schema's to read.
  const ms = instantQuickly(value);
  if (ms === undefined) throw GIVE_UP;
  return new Date(ms);
}

function token(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { uid: identifier(source['uid']) };
  const { contractId, groupId, type, authorization } = source;
  if (present(source, 'contractId', contractId)) out['contractId'] = identifier(contractId);
  if (present(source, 'groupId', groupId)) out['groupId'] = identifier(groupId);
  if (present(source, 'type', type)) out['type'] = member(type, TOKEN_TYPE_SET);
  out['authorization'] = authorization === undefined ? 'Accepted' : member(authorization, AUTHORIZATION_SET);
  return out;
}

function chargePoint(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { id: identifier(source['id']) };
  const { connectorId, evseId, locationId, operatorId, serialNumber, maxPowerKW } = source;
  if (present(source, 'connectorId', connectorId)) out['connectorId'] = identifier(connectorId);
  if (present(source, 'evseId', evseId)) out['evseId'] = identifier(evseId);
  if (present(source, 'locationId', locationId)) out['locationId'] = identifier(locationId);
  if (present(source, 'operatorId', operatorId)) out['operatorId'] = identifier(operatorId);
  if (present(source, 'serialNumber', serialNumber)) out['serialNumber'] = identifier(serialNumber);
  if (present(source, 'maxPowerKW', maxPowerKW)) out['maxPowerKW'] = positive(maxPowerKW);
  return out;
}

function price(input: unknown): Fields {
  const source = object(input);
  const out: Fields = {};
  const { exclVat, inclVat, vatPercent, currency } = source;
  if (present(source, 'exclVat', exclVat)) out['exclVat'] = nonNegative(exclVat);
  if (present(source, 'inclVat', inclVat)) out['inclVat'] = nonNegative(inclVat);
  if (present(source, 'vatPercent', vatPercent)) out['vatPercent'] = nonNegative(vatPercent);
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) throw GIVE_UP;
  out['currency'] = currency;
  if (exclVat === undefined && inclVat === undefined) throw GIVE_UP;
  return out;
}

/**
 * Reads a session the quick way, or gives `undefined` when the session
 * schema must read it (to say what is wrong, or for a shape this path does
 * not know). What it gives equals what the schema gives.
 */
export function readSessionQuickly(input: unknown): Fields | undefined {
  try {
    const source = object(input);
    const { energyKWh, userId, authMethod, stopReason, homeChargingCompensation } = source;
    if (energyKWh === undefined) return undefined;
    const out: Fields = {
      id: identifier(source['id']),
      startedAt: instant(source['startedAt']),
      endedAt: instant(source['endedAt']),
      energyKWh: energyKWh === null ? null : decimal(energyKWh),
      token: token(source['token']),
      chargePoint: chargePoint(source['chargePoint']),
    };
    if (present(source, 'userId', userId)) out['userId'] = identifier(userId);
    if (present(source, 'authMethod', authMethod)) out['authMethod'] = member(authMethod, AUTH_METHOD_SET);
    if (present(source, 'price', source['price'])) out['price'] = price(source['price']);
    if (present(source, 'stopReason', stopReason)) out['stopReason'] = member(stopReason, STOP_REASON_SET);
    if (present(source, 'homeChargingCompensation', homeChargingCompensation)) out['homeChargingCompensation'] = flag(homeChargingCompensation);
    return out;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
