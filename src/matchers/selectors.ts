import { readonlyOutput } from '../model/list.js';
import * as z from 'zod';
import type { ChargePoint } from '../model/charge-point.js';
import { identifierSchema } from '../model/identifier.js';
import { objectError } from '../model/messages.js';
import type { Token } from '../model/token.js';
import { isValidEmaid } from './emaid.js';
import { normaliseContractId, normaliseId, normaliseOperatorId, normaliseUid, reverseUidBytes } from './normalise.js';

const idList = (what: string) => readonlyOutput(z.array(identifierSchema(what), { error: `expected a list of ${what}s` })).optional();

/**
 * Zod schema for "which tokens": any token whose UID, contract id or group is
 * listed. Each list is optional, but at least one identifier must be listed:
 * nothing is granted by omission.
 */
export const tokenSelectorSchema = z
  .strictObject(
    { uids: idList('token UID'), contractIds: idList('contract id'), groupIds: idList('group id') },
    { error: objectError('token selector') },
  )
  .refine((selector) => tokenSelectorKeys(selector).length > 0, { error: 'lists no token: give at least one of uids, contractIds or groupIds' });

/** Which tokens: any token whose UID, contract id or group is listed. */
export interface TokenSelector {
  readonly uids?: readonly string[] | undefined;
  readonly contractIds?: readonly string[] | undefined;
  readonly groupIds?: readonly string[] | undefined;
}

/**
 * Zod schema for "which charge points": any charge point whose id, location
 * or operator is listed. Each list is optional; at least one identifier must
 * be listed.
 */
export const chargePointSelectorSchema = z
  .strictObject(
    { ids: idList('charge point id'), locationIds: idList('location id'), operatorIds: idList('operator id') },
    { error: objectError('charge point selector') },
  )
  .refine((selector) => chargePointSelectorKeys(selector).length > 0, {
    error: 'lists no charge point: give at least one of ids, locationIds or operatorIds',
  });

/** Which charge points: any charge point whose id, location or operator is listed. */
export interface ChargePointSelector {
  readonly ids?: readonly string[] | undefined;
  readonly locationIds?: readonly string[] | undefined;
  readonly operatorIds?: readonly string[] | undefined;
}

/** How tokens are compared; both options are off by default. */
export interface TokenMatching {
  /** Also match a UID whose bytes are in the opposite order (readers disagree on byte order). */
  readonly reversedUids: boolean;
  /** Use a session's contract id only when its EMAID check character is right. */
  readonly verifyContractIds: boolean;
}

/** The index keys a token selector stands for: one per listed identifier, normalised. */
export function tokenSelectorKeys(selector: TokenSelector): string[] {
  return [
    ...(selector.uids ?? []).map((uid) => `uid:${normaliseUid(uid)}`),
    ...(selector.contractIds ?? []).map((id) => `contract:${normaliseContractId(id)}`),
    ...(selector.groupIds ?? []).map((id) => `group:${normaliseId(id)}`),
  ];
}

/**
 * The index keys a session's token can be found under: its UID (and the
 * reversed UID when enabled), its contract id (unless verification is on and
 * the check character is wrong) and its group.
 */
export function tokenKeys(token: Token, matching: TokenMatching): string[] {
  const uid = normaliseUid(token.uid);
  const keys = [`uid:${uid}`];
  const reversed = matching.reversedUids ? reverseUidBytes(uid) : null;
  if (reversed !== null && reversed !== uid) keys.push(`uid:${reversed}`);
  if (token.contractId !== undefined && (!matching.verifyContractIds || isValidEmaid(token.contractId))) {
    keys.push(`contract:${normaliseContractId(token.contractId)}`);
  }
  if (token.groupId !== undefined) keys.push(`group:${normaliseId(token.groupId)}`);
  return keys;
}

/** The index keys a charge point selector stands for, normalised. */
export function chargePointSelectorKeys(selector: ChargePointSelector): string[] {
  return [
    ...(selector.ids ?? []).map((id) => `cp:${normaliseId(id)}`),
    ...(selector.locationIds ?? []).map((id) => `location:${normaliseId(id)}`),
    ...(selector.operatorIds ?? []).map((id) => `operator:${normaliseOperatorId(id)}`),
  ];
}

/** The index keys a session's charge point can be found under: its id, location and operator. */
export function chargePointKeys(chargePoint: ChargePoint): string[] {
  const keys = [`cp:${normaliseId(chargePoint.id)}`];
  if (chargePoint.locationId !== undefined) keys.push(`location:${normaliseId(chargePoint.locationId)}`);
  if (chargePoint.operatorId !== undefined) keys.push(`operator:${normaliseOperatorId(chargePoint.operatorId)}`);
  return keys;
}
