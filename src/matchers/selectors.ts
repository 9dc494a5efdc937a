import { readonlyOutput } from '../model/list.js';
import * as z from 'zod/mini';
import type { ChargePoint } from '../model/charge-point.js';
import { identifierSchema } from '../model/identifier.js';
import { objectError } from '../model/messages.js';
import type { Token } from '../model/token.js';
import { isValidEmaid } from './emaid.js';
import { lookupId, lookupOperatorId, lookupUid, normaliseContractId, normaliseId, normaliseOperatorId, normaliseUid, reverseUidBytes } from './normalise.js';

const idList = (what: string) => z.optional(readonlyOutput(z.array(identifierSchema(what), { error: `expected a list of ${what}s` })));

/**
 * Zod schema for "which tokens": any token whose UID, contract id or group is
 * listed. Each list is optional, but at least one identifier must be listed:
 * nothing is granted by omission.
 */
export const tokenSelectorSchema = z.strictObject(
  {
    uids: idList('token UID'),
    contractIds: idList('contract id'),
    groupIds: idList('group id'),
  },
  { error: objectError('token selector') },
).check(z.refine((selector) => countIdentifiers(selector) > 0, { error: 'lists no token: give at least one of uids, contractIds or groupIds' }));

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
export const chargePointSelectorSchema = z.strictObject(
  {
    ids: idList('charge point id'),
    locationIds: idList('location id'),
    operatorIds: idList('operator id'),
  },
  { error: objectError('charge point selector') },
).check(z.refine((selector) => countIdentifiers(selector) > 0, {
  error: 'lists no charge point: give at least one of ids, locationIds or operatorIds',
}));

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

/** The identifiers a token selector lists, normalised, per kind. */
export interface TokenIdentifiers {
  readonly uids: readonly string[];
  readonly contractIds: readonly string[];
  readonly groupIds: readonly string[];
}

/** The identifiers a charge point selector lists, normalised, per kind. */
export interface ChargePointIdentifiers {
  readonly ids: readonly string[];
  readonly locationIds: readonly string[];
  readonly operatorIds: readonly string[];
}

/** No identifiers of a kind: one shared empty list. */
const NO_IDENTIFIERS: readonly string[] = Object.freeze([]);

const normaliseAll = (list: readonly string[] | undefined, normalise: (id: string) => string): readonly string[] =>
  list === undefined ? NO_IDENTIFIERS : list.length === 1 ? [normalise(list[0]!)] : [...new Set(list.map(normalise))];

/**
 * The identifiers a token selector lists, normalised as they are compared.
 *
 * @example tokenSelectorIdentifiers({ uids: ['04:a2:3b:5c'], groupIds: ['acme'] }); // => { uids: ['04A23B5C'], contractIds: [], groupIds: ['ACME'] }
 */
export function tokenSelectorIdentifiers(selector: TokenSelector): TokenIdentifiers {
  return {
    uids: normaliseAll(selector.uids, normaliseUid),
    contractIds: normaliseAll(selector.contractIds, normaliseContractId),
    groupIds: normaliseAll(selector.groupIds, normaliseId),
  };
}

/**
 * The identifiers a charge point selector lists, normalised as they are compared.
 *
 * @example chargePointSelectorIdentifiers({ operatorIds: ['be-mbf'] }); // => { ids: [], locationIds: [], operatorIds: ['BEMBF'] }
 */
export function chargePointSelectorIdentifiers(selector: ChargePointSelector): ChargePointIdentifiers {
  return {
    ids: normaliseAll(selector.ids, normaliseId),
    locationIds: normaliseAll(selector.locationIds, normaliseId),
    operatorIds: normaliseAll(selector.operatorIds, normaliseOperatorId),
  };
}

const countIdentifiers = (selector: { readonly [kind: string]: readonly string[] | undefined }) =>
  Object.values(selector).reduce((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);

/** A session's token as it is looked up: each identifier normalised, `null` where it has none or it is not to be used. */
export interface TokenLookup {
  readonly uid: string;
  /** The UID with its bytes reversed, when reversed UIDs are matched and it differs. */
  readonly reversedUid: string | null;
  /** `null` also when verification is on and the check character is wrong. */
  readonly contractId: string | null;
  readonly groupId: string | null;
}

/**
 * How a session's token is looked up: its UID (and the reversed UID when
 * enabled), its contract id (unless verification is on and the check
 * character is wrong) and its group, normalised.
 *
 * @example tokenLookup({ uid: '04:a2:3b:5c', authorization: 'Accepted' }, { reversedUids: true, verifyContractIds: false }).reversedUid; // => '5C3BA204'
 */
export function tokenLookup(token: Token, matching: TokenMatching, needed: LookupNeeds = EVERY_KIND): TokenLookup {
  const uid = lookupUid(token.uid);
  const reversed = matching.reversedUids ? reverseUidBytes(uid) : null;
  const { contractId, groupId } = token;
  return {
    uid,
    reversedUid: reversed !== uid ? reversed : null,
    contractId: needed.contractIds && contractId !== undefined && (!matching.verifyContractIds || isValidEmaid(contractId)) ? normaliseContractId(contractId) : null,
    groupId: needed.groupIds && groupId !== undefined ? lookupId(groupId) : null,
  };
}

/** Which kinds of identifier a configuration names at all: the others need not be normalised for a lookup. */
export interface LookupNeeds {
  readonly contractIds: boolean;
  readonly groupIds: boolean;
  readonly locationIds: boolean;
  readonly operatorIds: boolean;
}

/** Every kind: what a lookup needs when nothing is known of the configuration. */
export const EVERY_KIND: LookupNeeds = Object.freeze({ contractIds: true, groupIds: true, locationIds: true, operatorIds: true });

/** A session's charge point as it is looked up, normalised. */
export interface ChargePointLookup {
  readonly id: string;
  readonly locationId: string | null;
  readonly operatorId: string | null;
}

/**
 * How a session's charge point is looked up: its id, location and operator, normalised.
 *
 * @example chargePointLookup({ id: 'cp_site_1', operatorId: 'BE*ACM' }).operatorId; // => 'BEACM'
 */
export function chargePointLookup(chargePoint: ChargePoint, needed: LookupNeeds = EVERY_KIND): ChargePointLookup {
  const { locationId, operatorId } = chargePoint;
  return {
    id: lookupId(chargePoint.id),
    locationId: needed.locationIds && locationId !== undefined ? lookupId(locationId) : null,
    operatorId: needed.operatorIds && operatorId !== undefined ? lookupOperatorId(operatorId) : null,
  };
}

/**
 * A selector's identifiers of one kind, for membership tests: the list
 * itself when it is short (a licence names a card or two; scanning a few
 * strings is as quick as hashing one, and a large configuration builds no
 * set per licence), a set when it is long.
 */
export type IdentifierMembers = readonly string[] | ReadonlySet<string>;

/** Lists longer than this are tested through a set. */
const SCANNED = 8;

/** A selector's identifiers, per kind, for membership tests. */
export interface TokenSets {
  readonly uids: IdentifierMembers;
  readonly contractIds: IdentifierMembers;
  readonly groupIds: IdentifierMembers;
}

const members = (identifiers: readonly string[]): IdentifierMembers => (identifiers.length <= SCANNED ? identifiers : new Set(identifiers));

const isMember = (members: IdentifierMembers, identifier: string): boolean =>
  Array.isArray(members) ? members.includes(identifier) : (members as ReadonlySet<string>).has(identifier);

/** The selector's identifiers, ready for membership tests. */
export function tokenSets(identifiers: TokenIdentifiers): TokenSets {
  return { uids: members(identifiers.uids), contractIds: members(identifiers.contractIds), groupIds: members(identifiers.groupIds) };
}

/** True when the selector names one of the session token's identifiers. */
export function selectsToken(sets: TokenSets, token: TokenLookup): boolean {
  return (
    isMember(sets.uids, token.uid) ||
    (token.reversedUid !== null && isMember(sets.uids, token.reversedUid)) ||
    (token.contractId !== null && isMember(sets.contractIds, token.contractId)) ||
    (token.groupId !== null && isMember(sets.groupIds, token.groupId))
  );
}
