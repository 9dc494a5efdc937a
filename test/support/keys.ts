/**
 * The matchers' lookups written as "kind:identifier" strings, so tests can
 * state what a token or charge point is looked up by in one readable list.
 */
import {
  chargePointLookup,
  chargePointSelectorIdentifiers,
  tokenLookup,
  tokenSelectorIdentifiers,
  type ChargePointSelector,
  type TokenMatching,
  type TokenSelector,
} from '../../src/matchers/selectors';
import type { ChargePoint } from '../../src/model/charge-point';
import type { Token } from '../../src/model/token';

/** What a session's token is looked up by: "uid:…", "contract:…", "group:…". */
export function tokenKeys(token: Token, matching: TokenMatching): string[] {
  const { uid, reversedUid, contractId, groupId } = tokenLookup(token, matching);
  return [`uid:${uid}`, ...(reversedUid === null ? [] : [`uid:${reversedUid}`]), ...(contractId === null ? [] : [`contract:${contractId}`]), ...(groupId === null ? [] : [`group:${groupId}`])];
}

/** What a token selector names. */
export function tokenSelectorKeys(selector: TokenSelector): string[] {
  const { uids, contractIds, groupIds } = tokenSelectorIdentifiers(selector);
  return [...uids.map((id) => `uid:${id}`), ...contractIds.map((id) => `contract:${id}`), ...groupIds.map((id) => `group:${id}`)];
}

/** What a session's charge point is looked up by: "cp:…", "location:…", "operator:…". */
export function chargePointKeys(chargePoint: ChargePoint): string[] {
  const { id, locationId, operatorId } = chargePointLookup(chargePoint);
  return [`cp:${id}`, ...(locationId === null ? [] : [`location:${locationId}`]), ...(operatorId === null ? [] : [`operator:${operatorId}`])];
}

/** What a charge point selector names. */
export function chargePointSelectorKeys(selector: ChargePointSelector): string[] {
  const { ids, locationIds, operatorIds } = chargePointSelectorIdentifiers(selector);
  return [...ids.map((id) => `cp:${id}`), ...locationIds.map((id) => `location:${id}`), ...operatorIds.map((id) => `operator:${id}`)];
}
