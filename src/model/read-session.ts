import type { Decimal } from 'decimal.js';
import { compareDecimals, readDecimal } from './decimal.js';
import { isCurrencyCode } from './price.js';
import { STOP_REASONS } from './stop-reason.js';
import { parseInstant } from './time.js';
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

type Fields = Record<string, unknown>;

function object(value: unknown): Fields {
  if (typeof value !== 'object' || value === null) throw GIVE_UP;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw GIVE_UP;
  return value as Fields;
}

function identifier(value: unknown): string {
  if (typeof value !== 'string') throw GIVE_UP;
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

function member(value: unknown, set: ReadonlySet<unknown>): string {
  if (!set.has(value)) throw GIVE_UP;
  return value as string;
}

function instant(value: unknown, timeZone: string | undefined): Date {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw GIVE_UP;
    return new Date(ms);
  }
  if (typeof value !== 'string') throw GIVE_UP;
  const parsed = parseInstant(value, timeZone);
  if (!parsed.ok || parsed.dateOnly) throw GIVE_UP;
  return parsed.instant;
}

/**
 * Sets `key` on `target` as the schema would for an optional field: read
 * when present, `undefined` kept when the key is there with no value, left
 * out otherwise.
 */
function optional(target: Fields, source: Fields, key: string, value: unknown, read: (value: unknown) => unknown): void {
  if (value !== undefined) target[key] = read(value);
  else if (Object.hasOwn(source, key)) target[key] = undefined;
}

const tokenType = (value: unknown) => member(value, TOKEN_TYPE_SET);
const authMethod = (value: unknown) => member(value, AUTH_METHOD_SET);
const stopReason = (value: unknown) => member(value, STOP_REASON_SET);
const flag = (value: unknown) => {
  if (typeof value !== 'boolean') throw GIVE_UP;
  return value;
};
const positive = (value: unknown) => {
  const read = decimal(value);
  if (compareDecimals(read, ZERO) <= 0) throw GIVE_UP;
  return read;
};

function token(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { uid: identifier(source['uid']) };
  optional(out, source, 'contractId', source['contractId'], identifier);
  optional(out, source, 'groupId', source['groupId'], identifier);
  optional(out, source, 'type', source['type'], tokenType);
  const authorization = source['authorization'];
  out['authorization'] = authorization === undefined ? 'Accepted' : member(authorization, AUTHORIZATION_SET);
  return out;
}

function chargePoint(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { id: identifier(source['id']) };
  optional(out, source, 'connectorId', source['connectorId'], identifier);
  optional(out, source, 'evseId', source['evseId'], identifier);
  optional(out, source, 'locationId', source['locationId'], identifier);
  optional(out, source, 'operatorId', source['operatorId'], identifier);
  optional(out, source, 'serialNumber', source['serialNumber'], identifier);
  optional(out, source, 'maxPowerKW', source['maxPowerKW'], positive);
  return out;
}

function price(input: unknown): Fields {
  const source = object(input);
  const out: Fields = {};
  optional(out, source, 'exclVat', source['exclVat'], nonNegative);
  optional(out, source, 'inclVat', source['inclVat'], nonNegative);
  optional(out, source, 'vatPercent', source['vatPercent'], nonNegative);
  const currency = source['currency'];
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) throw GIVE_UP;
  out['currency'] = currency;
  if (out['exclVat'] === undefined && out['inclVat'] === undefined) throw GIVE_UP;
  return out;
}

/**
 * Reads a session the quick way, or gives `undefined` when the session
 * schema must read it (to say what is wrong, or for a shape this path does
 * not know). What it gives equals what the schema gives.
 */
export function readSessionQuickly(input: unknown, timeZone: string | undefined): Fields | undefined {
  try {
    const source = object(input);
    const energy = source['energyKWh'];
    if (energy === undefined) return undefined;
    const out: Fields = {
      id: identifier(source['id']),
      startedAt: instant(source['startedAt'], timeZone),
      endedAt: instant(source['endedAt'], timeZone),
      energyKWh: energy === null ? null : decimal(energy),
      token: token(source['token']),
      chargePoint: chargePoint(source['chargePoint']),
    };
    optional(out, source, 'userId', source['userId'], identifier);
    optional(out, source, 'authMethod', source['authMethod'], authMethod);
    optional(out, source, 'price', source['price'], price);
    optional(out, source, 'stopReason', source['stopReason'], stopReason);
    optional(out, source, 'homeChargingCompensation', source['homeChargingCompensation'], flag);
    return out;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
