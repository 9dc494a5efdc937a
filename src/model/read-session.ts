import { isCurrencyCode } from './price.js';
import { STOP_REASONS } from './stop-reason.js';
import { readTimestamp } from './time.js';
import { AUTHORIZATION_STATUSES, TOKEN_TYPES } from './token.js';
import { decimal, field, fields, flag, giveUp, identifier, nonNegative, oneOf, positive, quickly, REQUIRED, type Fields } from './read-quickly.js';

/*
 * The fast path of reading a session: plain code for the shape backends
 * nearly always send, giving exactly what the session schema gives. Anything
 * it does not recognise as valid (a missing field, a wrong type, an odd
 * object) makes it give up, and the schema reads the session instead, with
 * every issue and its path. Property tests hold the two equal. Each object
 * is read through a table of its fields in the schema's key order, so every
 * object of a kind has one shape.
 */

const authMethodOf = oneOf(['AUTH_REQUEST', 'COMMAND', 'WHITELIST']);
const authorizationOf = oneOf(AUTHORIZATION_STATUSES);
const tokenTypeOf = oneOf(TOKEN_TYPES);
const stopReasonOf = oneOf(STOP_REASONS);

function instant(value: unknown): Date {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) giveUp();
    return new Date(ms);
  }
  if (typeof value !== 'string') giveUp();
  // Timestamps with an offset; a local time (read in the parse options' zone) is the schema's to read.
  const ms = readTimestamp(value);
  if (typeof ms !== 'number') giveUp();
  return new Date(ms);
}

const TOKEN = [
  field('uid', identifier, REQUIRED),
  field('contractId', identifier),
  field('groupId', identifier),
  field('type', tokenTypeOf),
  field('authorization', authorizationOf, 'Accepted'),
];

const CHARGE_POINT = [
  field('id', identifier, REQUIRED),
  field('connectorId', identifier),
  field('evseId', identifier),
  field('locationId', identifier),
  field('operatorId', identifier),
  field('serialNumber', identifier),
  field('maxPowerKW', positive),
];

const PRICE = [field('exclVat', nonNegative), field('inclVat', nonNegative), field('vatPercent', nonNegative), field('currency', currency, REQUIRED)];

function currency(value: unknown): string {
  if (typeof value !== 'string' || !isCurrencyCode(value)) giveUp();
  return value;
}

function price(input: unknown): Fields {
  const out = fields(input, PRICE);
  if (out['exclVat'] === undefined && out['inclVat'] === undefined) giveUp();
  return out;
}

const SESSION = [
  field('id', identifier, REQUIRED),
  field('startedAt', instant, REQUIRED),
  field('endedAt', instant, REQUIRED),
  field('energyKWh', (value) => (value === null ? null : decimal(value)), REQUIRED),
  field('token', (value) => fields(value, TOKEN), REQUIRED),
  field('chargePoint', (value) => fields(value, CHARGE_POINT), REQUIRED),
  field('userId', identifier),
  field('authMethod', authMethodOf),
  field('price', price),
  field('stopReason', stopReasonOf),
  field('homeChargingCompensation', flag),
];

/**
 * Reads a session the quick way, or gives `undefined` when the session
 * schema must read it (to say what is wrong, or for a shape this path does
 * not know). What it gives equals what the schema gives.
 */
export function readSessionQuickly(input: unknown): Fields | undefined {
  return quickly(fields, input, SESSION);
}
