import * as z from 'zod';
import { identifierSchema } from '../model/identifier';
import { objectError } from '../model/messages';
import { periodContains, resolvePeriod, timeZoneSchema, zonedTimeInputSchema, type Period } from '../model/period';
import type { ChargingSession } from '../model/session';
import {
  chargePointKeys,
  chargePointSelectorKeys,
  chargePointSelectorSchema,
  tokenKeys,
  tokenSelectorKeys,
  tokenSelectorSchema,
  type TokenMatching,
} from './selectors';

/**
 * Zod schema for a whitelist entry: these tokens charge for free at these
 * charge points, optionally within a half-open validity period (dates are
 * local midnight in `timeZone`, default Europe/Brussels). An entry that names
 * no token or no charge point is refused: free charging never happens by
 * omission.
 */
export const whitelistEntrySchema = z
  .strictObject(
    {
      id: identifierSchema('whitelist entry id'),
      tokens: tokenSelectorSchema,
      chargePoints: chargePointSelectorSchema,
      validFrom: zonedTimeInputSchema.nullable().optional(),
      validUntil: zonedTimeInputSchema.nullable().optional(),
      timeZone: timeZoneSchema,
    },
    { error: objectError('whitelist entry') },
  )
  .transform(({ validFrom, validUntil, ...entry }, ctx) => {
    const period: Period = resolvePeriod({ validFrom, validUntil }, entry.timeZone, ctx);
    return { ...entry, period };
  });

/** A whitelist entry as configured (JSON form). */
export type WhitelistEntryInput = z.input<typeof whitelistEntrySchema>;

/** A validated whitelist entry, with its period read into instants. */
export type WhitelistEntry = z.output<typeof whitelistEntrySchema>;

/** Whitelist entries indexed by every (token, charge point) pair they name. */
export interface WhitelistIndex {
  readonly byPair: ReadonlyMap<string, readonly number[]>;
  readonly entries: readonly WhitelistEntry[];
}

const pairKey = (tokenKey: string, chargePointKey: string) => `${tokenKey}\u0000${chargePointKey}`;

/**
 * Indexes entries by each pair of a token key and a charge point key they
 * name, so a lookup costs the same for ten entries as for a hundred thousand.
 * The index grows with the sum over entries of tokens x charge points.
 */
export function indexWhitelist(entries: readonly WhitelistEntry[]): WhitelistIndex {
  const byPair = new Map<string, number[]>();
  entries.forEach((entry, position) => {
    const chargePoints = chargePointSelectorKeys(entry.chargePoints);
    for (const tokenKey of new Set(tokenSelectorKeys(entry.tokens))) {
      for (const chargePointKey of new Set(chargePoints)) {
        const key = pairKey(tokenKey, chargePointKey);
        const positions = byPair.get(key);
        if (positions) positions.push(position);
        else byPair.set(key, [position]);
      }
    }
  });
  return { byPair, entries };
}

/**
 * The whitelist entry that makes a session free: one that names its token
 * and its charge point and is valid at the session's start. When several do,
 * the first in configuration order.
 */
export function findWhitelistEntry(index: WhitelistIndex, session: ChargingSession, matching: TokenMatching): WhitelistEntry | null {
  let first = Infinity;
  const chargePoints = chargePointKeys(session.chargePoint);
  for (const tokenKey of tokenKeys(session.token, matching)) {
    for (const chargePointKey of chargePoints) {
      for (const position of index.byPair.get(pairKey(tokenKey, chargePointKey)) ?? []) {
        if (position < first && periodContains(index.entries[position]!.period, session.startedAt)) first = position;
      }
    }
  }
  return index.entries[first] ?? null;
}
