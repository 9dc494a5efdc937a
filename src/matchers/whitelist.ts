import * as z from 'zod/mini';
import { resolvedObject, zonedInput } from '../model/resolved-object.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../model/time.js';
import { identifierSchema } from '../model/identifier.js';
import { objectError } from '../model/messages.js';
import { resolvePeriod, timeZoneSchema, zonedTimeInputSchema, type Period } from '../model/period.js';
import type { ChargingSession } from '../model/session.js';
import { chargePointSelectorIdentifiers, chargePointSelectorSchema, tokenSelectorIdentifiers, tokenSelectorSchema, type ChargePointLookup, type TokenLookup } from './selectors.js';

/**
 * Zod schema for a whitelist entry: these tokens charge for free at these
 * charge points, optionally within a half-open validity period (dates are
 * local midnight in `timeZone`, default Europe/Brussels). An entry that names
 * no token or no charge point is refused: free charging never happens by
 * omission.
 * @example
 * const read = whitelistEntrySchema.safeParse({ id: 'wl-1', tokens: { uids: ['04A23B5C'] } });
 * read.error?.issues.map((issue) => issue.message); // => ['the charge point selector is missing']
 */
export const whitelistEntrySchema = resolvedObject(
  z.strictObject(
    {
      id: identifierSchema('whitelist entry id'),
      tokens: tokenSelectorSchema,
      chargePoints: chargePointSelectorSchema,
      validFrom: z.optional(z.nullable(zonedTimeInputSchema)),
      validUntil: z.optional(z.nullable(zonedTimeInputSchema)),
      timeZone: timeZoneSchema,
    },
    { error: objectError('whitelist entry') },
  ),
  (raw, ctx): Period | null => {
    const timeZone = raw['timeZone'] === undefined ? DEFAULT_TIME_ZONE : raw['timeZone'];
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) return null; // reported at timeZone
    return resolvePeriod({ validFrom: zonedInput(raw['validFrom']), validUntil: zonedInput(raw['validUntil']) }, timeZone, ctx);
  },
  ({ validFrom: _from, validUntil: _until, ...entry }, period) => ({ ...entry, period: period! }),
);

/** A whitelist entry as configured (JSON form). */
export type WhitelistEntryInput = z.input<typeof whitelistEntrySchema>;

/** A validated whitelist entry, with its period read into instants. */
export type WhitelistEntry = z.output<typeof whitelistEntrySchema>;

/**
 * Whitelist entries indexed by each identifier they name, to their positions
 * in the configuration (ascending), with each entry's period as numbers
 * (read once; later changes to the entry's Dates change nothing). The index
 * grows with the number of identifiers, never with tokens x charge points.
 */
export interface WhitelistIndex {
  readonly entries: readonly WhitelistEntry[];
  /** Each entry's period as numbers, side by side so a lookup reads both at once: from at 2 x position, until at 2 x position + 1. */
  readonly periods: Float64Array;
  readonly byUid: ReadonlyMap<string, readonly number[]>;
  readonly byContractId: ReadonlyMap<string, readonly number[]>;
  readonly byGroupId: ReadonlyMap<string, readonly number[]>;
  readonly byChargePointId: ReadonlyMap<string, readonly number[]>;
  readonly byLocationId: ReadonlyMap<string, readonly number[]>;
  readonly byOperatorId: ReadonlyMap<string, readonly number[]>;
}

/**
 * Adds the entry at `single[0]` under each identifier. An identifier named by
 * one entry shares that entry's one-position list (`single`) with its other
 * identifiers, so a large whitelist builds a list per entry, not per
 * identifier; a second entry replaces the shared list with a list of its own.
 */
function addAll(index: Map<string, readonly number[]>, identifiers: readonly string[], single: readonly number[]): void {
  for (const identifier of identifiers) {
    const positions = index.get(identifier);
    if (positions === undefined) index.set(identifier, single);
    else if (positions.length === 1) index.set(identifier, [positions[0]!, single[0]!]);
    else (positions as number[]).push(single[0]!);
  }
}

/**
 * Indexes entries by every identifier they name, so that a lookup costs the
 * same for ten entries as for a hundred thousand, and an entry naming 20,000
 * tokens and 2,000 charge points takes 22,000 index places, not 40 million.
 */
export function indexWhitelist(entries: readonly WhitelistEntry[]): WhitelistIndex {
  const byUid = new Map<string, readonly number[]>();
  const byContractId = new Map<string, readonly number[]>();
  const byGroupId = new Map<string, readonly number[]>();
  const byChargePointId = new Map<string, readonly number[]>();
  const byLocationId = new Map<string, readonly number[]>();
  const byOperatorId = new Map<string, readonly number[]>();
  const periods = new Float64Array(2 * entries.length);
  entries.forEach((entry, position) => {
    const tokens = tokenSelectorIdentifiers(entry.tokens);
    const chargePoints = chargePointSelectorIdentifiers(entry.chargePoints);
    const single = [position];
    addAll(byUid, tokens.uids, single);
    addAll(byContractId, tokens.contractIds, single);
    addAll(byGroupId, tokens.groupIds, single);
    addAll(byChargePointId, chargePoints.ids, single);
    addAll(byLocationId, chargePoints.locationIds, single);
    addAll(byOperatorId, chargePoints.operatorIds, single);
    periods[2 * position] = entry.period.from?.getTime() ?? -Infinity;
    periods[2 * position + 1] = entry.period.until?.getTime() ?? Infinity;
  });
  return { entries, periods, byUid, byContractId, byGroupId, byChargePointId, byLocationId, byOperatorId };
}

const NONE: readonly number[] = [];

/**
 * The whitelist entry that makes a session free: one that names its token
 * and its charge point and is valid at the session's start. When several
 * do, the first in configuration order. Walks the shorter side (the entries
 * naming the token, or those naming the charge point) and finds each of its
 * entries on the other side by binary search.
 */
export function findWhitelistEntry(index: WhitelistIndex, session: ChargingSession, token: TokenLookup, chargePoint: ChargePointLookup): WhitelistEntry | null {
  const byUid = index.byUid.get(token.uid) ?? NONE;
  const byReversed = token.reversedUid === null ? NONE : (index.byUid.get(token.reversedUid) ?? NONE);
  const byContract = token.contractId === null ? NONE : (index.byContractId.get(token.contractId) ?? NONE);
  const byGroup = token.groupId === null ? NONE : (index.byGroupId.get(token.groupId) ?? NONE);
  const tokenCount = byUid.length + byReversed.length + byContract.length + byGroup.length;
  if (tokenCount === 0) return null;
  const byId = index.byChargePointId.get(chargePoint.id) ?? NONE;
  const byLocation = chargePoint.locationId === null ? NONE : (index.byLocationId.get(chargePoint.locationId) ?? NONE);
  const byOperator = chargePoint.operatorId === null ? NONE : (index.byOperatorId.get(chargePoint.operatorId) ?? NONE);
  const chargePointCount = byId.length + byLocation.length + byOperator.length;
  if (chargePointCount === 0) return null;
  const startMs = session.startedAt.getTime();
  let first = Infinity;
  if (tokenCount <= chargePointCount) {
    first = firstAlsoIn(index, byUid, startMs, byId, byLocation, byOperator, NONE, first);
    first = firstAlsoIn(index, byReversed, startMs, byId, byLocation, byOperator, NONE, first);
    first = firstAlsoIn(index, byContract, startMs, byId, byLocation, byOperator, NONE, first);
    first = firstAlsoIn(index, byGroup, startMs, byId, byLocation, byOperator, NONE, first);
  } else {
    first = firstAlsoIn(index, byId, startMs, byUid, byReversed, byContract, byGroup, first);
    first = firstAlsoIn(index, byLocation, startMs, byUid, byReversed, byContract, byGroup, first);
    first = firstAlsoIn(index, byOperator, startMs, byUid, byReversed, byContract, byGroup, first);
  }
  return index.entries[first] ?? null;
}

/** The first of `positions` (ascending) before `first` whose entry is valid at `startMs` and is in one of the lists `a` to `d`. */
function firstAlsoIn(
  index: WhitelistIndex,
  positions: readonly number[],
  startMs: number,
  a: readonly number[],
  b: readonly number[],
  c: readonly number[],
  d: readonly number[],
  first: number,
): number {
  for (const position of positions) {
    if (position >= first) break;
    if (startMs >= index.periods[2 * position]! && startMs < index.periods[2 * position + 1]! && (holds(a, position) || holds(b, position) || holds(c, position) || holds(d, position))) {
      return position;
    }
  }
  return first;
}

/** Whether the ascending list holds `position` (binary search). */
function holds(positions: readonly number[], position: number): boolean {
  let low = 0;
  let high = positions.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = positions[middle]!;
    if (at === position) return true;
    if (at < position) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
