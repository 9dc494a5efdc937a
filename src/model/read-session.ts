import { isCurrencyCode } from './price.js';
import { STOP_REASONS } from './stop-reason.js';
import { instantQuickly } from './time.js';
import { AUTHORIZATION_STATUSES, TOKEN_TYPES } from './token.js';
import { decimal, flag, giveUp, identifier, nonNegative, object, oneOf, positive, present, quickly, type Fields } from './read-quickly.js';

/*
 * The fast path of reading a session: plain code for the shape backends
 * nearly always send, giving exactly what the session schema gives. Anything
 * it does not recognise as valid (a missing field, a wrong type, an odd
 * object) makes it give up, and the schema reads the session instead, with
 * every issue and its path. Property tests hold the two equal. Each output
 * object is built by named stores in the schema's key order, so every object
 * of a kind has one shape.
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
  const ms = instantQuickly(value);
  if (ms === undefined) giveUp();
  return new Date(ms);
}

function token(input: unknown): Fields {
  const source = object(input);
  const out: Fields = { uid: identifier(source['uid']) };
  const { contractId, groupId, type, authorization } = source;
  if (present(source, 'contractId', contractId)) out['contractId'] = identifier(contractId);
  if (present(source, 'groupId', groupId)) out['groupId'] = identifier(groupId);
  if (present(source, 'type', type)) out['type'] = tokenTypeOf(type);
  out['authorization'] = authorization === undefined ? 'Accepted' : authorizationOf(authorization);
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
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) giveUp();
  out['currency'] = currency;
  if (exclVat === undefined && inclVat === undefined) giveUp();
  return out;
}

/**
 * Reads a session the quick way, or gives `undefined` when the session
 * schema must read it (to say what is wrong, or for a shape this path does
 * not know). What it gives equals what the schema gives.
 */
export function readSessionQuickly(input: unknown): Fields | undefined {
  return quickly(session, input, undefined);
}

function session(input: unknown): Fields {
  const source = object(input);
  const { energyKWh, userId, authMethod, stopReason, homeChargingCompensation } = source;
  if (energyKWh === undefined) giveUp();
  const out: Fields = {
    id: identifier(source['id']),
    startedAt: instant(source['startedAt']),
    endedAt: instant(source['endedAt']),
    energyKWh: energyKWh === null ? null : decimal(energyKWh),
    token: token(source['token']),
    chargePoint: chargePoint(source['chargePoint']),
  };
  if (present(source, 'userId', userId)) out['userId'] = identifier(userId);
  if (present(source, 'authMethod', authMethod)) out['authMethod'] = authMethodOf(authMethod);
  if (present(source, 'price', source['price'])) out['price'] = price(source['price']);
  if (present(source, 'stopReason', stopReason)) out['stopReason'] = stopReasonOf(stopReason);
  if (present(source, 'homeChargingCompensation', homeChargingCompensation)) out['homeChargingCompensation'] = flag(homeChargingCompensation);
  return out;
}
