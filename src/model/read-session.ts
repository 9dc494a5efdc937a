import { isCurrencyCode } from './price.js';
import { STOP_REASONS } from './stop-reason.js';
import { parseInstant } from './time.js';
import { AUTHORIZATION_STATUSES, TOKEN_TYPES } from './token.js';
import { decimal, flag, giveUp, identifier, member, nonNegative, object, optional, positive, quickly, type Fields } from './read-quickly.js';

/*
 * The fast path of reading a session: plain code for the shape backends
 * nearly always send, giving exactly what the session schema gives. Anything
 * it does not recognise as valid (a missing field, a wrong type, an odd
 * object) makes it give up, and the schema reads the session instead, with
 * every issue and its path. Property tests hold the two equal.
 */

const AUTH_METHOD_SET: ReadonlySet<unknown> = new Set(['AUTH_REQUEST', 'COMMAND', 'WHITELIST']);
const AUTHORIZATION_SET: ReadonlySet<unknown> = new Set(AUTHORIZATION_STATUSES);
const TOKEN_TYPE_SET: ReadonlySet<unknown> = new Set(TOKEN_TYPES);
const STOP_REASON_SET: ReadonlySet<unknown> = new Set(STOP_REASONS);

function instant(value: unknown, timeZone: string | undefined): Date {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) giveUp();
    return new Date(ms);
  }
  if (typeof value !== 'string') giveUp();
  const parsed = parseInstant(value, timeZone);
  if (!parsed.ok || parsed.dateOnly) giveUp();
  return parsed.instant;
}

const tokenType = (value: unknown) => member(value, TOKEN_TYPE_SET);
const authMethod = (value: unknown) => member(value, AUTH_METHOD_SET);
const stopReason = (value: unknown) => member(value, STOP_REASON_SET);

function token(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { uid: identifier(source['uid']) };
  optional(out, source, 'contractId', identifier);
  optional(out, source, 'groupId', identifier);
  optional(out, source, 'type', tokenType);
  const authorization = source['authorization'];
  out['authorization'] = authorization === undefined ? 'Accepted' : member(authorization, AUTHORIZATION_SET);
  return out;
}

function chargePoint(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { id: identifier(source['id']) };
  optional(out, source, 'connectorId', identifier);
  optional(out, source, 'evseId', identifier);
  optional(out, source, 'locationId', identifier);
  optional(out, source, 'operatorId', identifier);
  optional(out, source, 'serialNumber', identifier);
  optional(out, source, 'maxPowerKW', positive);
  return out;
}

function price(input: unknown): Fields {
  const source = object(input);
  const out: Fields = {};
  optional(out, source, 'exclVat', nonNegative);
  optional(out, source, 'inclVat', nonNegative);
  optional(out, source, 'vatPercent', nonNegative);
  const currency = source['currency'];
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) giveUp();
  out['currency'] = currency;
  if (out['exclVat'] === undefined && out['inclVat'] === undefined) giveUp();
  return out;
}

/**
 * Reads a session the quick way, or gives `undefined` when the session
 * schema must read it (to say what is wrong, or for a shape this path does
 * not know). What it gives equals what the schema gives.
 */
export function readSessionQuickly(input: unknown, timeZone: string | undefined): Fields | undefined {
  return quickly(session, input, timeZone);
}

function session(input: unknown, timeZone: string | undefined): Fields {
  const source = object(input);
  const energy = source['energyKWh'];
  if (energy === undefined) giveUp();
  const out: Fields = {
    id: identifier(source['id']),
    startedAt: instant(source['startedAt'], timeZone),
    endedAt: instant(source['endedAt'], timeZone),
    energyKWh: energy === null ? null : decimal(energy),
    token: token(source['token']),
    chargePoint: chargePoint(source['chargePoint']),
  };
  optional(out, source, 'userId', identifier);
  optional(out, source, 'authMethod', authMethod);
  optional(out, source, 'price', price);
  optional(out, source, 'stopReason', stopReason);
  optional(out, source, 'homeChargingCompensation', flag);
  return out;
}
