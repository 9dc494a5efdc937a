import * as z from 'zod';
import { resolvedObject, zonedInput } from '../model/resolved-object.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../model/time.js';
import { identifierSchema } from '../model/identifier.js';
import { objectError } from '../model/messages.js';
import { periodContains, resolvePeriod, timeZoneSchema, zonedTimeInputSchema, type Period } from '../model/period.js';
import type { ChargingSession } from '../model/session.js';
import {
  chargePointKeys,
  chargePointSelectorKeys,
  chargePointSelectorSchema,
  tokenSelectorKeys,
  tokenSelectorSchema,
} from './selectors.js';

/**
 * Zod schema for a whitelist entry: these tokens charge for free at these
 * charge points, optionally within a half-open validity period (dates are
 * local midnight in `timeZone`, default Europe/Brussels). An entry that names
 * no token or no charge point is refused: free charging never happens by
 * omission.
 */
export const whitelistEntrySchema = resolvedObject(
  z.strictObject(
    {
      id: identifierSchema('whitelist entry id'),
      tokens: tokenSelectorSchema,
      chargePoints: chargePointSelectorSchema,
      validFrom: zonedTimeInputSchema.nullable().optional(),
      validUntil: zonedTimeInputSchema.nullable().optional(),
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

/** Whitelist entries indexed by token key, then charge point key, to their positions in the configuration. */
export interface WhitelistIndex {
  readonly byToken: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  readonly entries: readonly WhitelistEntry[];
}

/**
 * Indexes entries by each pair of a token key and a charge point key they
 * name, so a lookup costs the same for ten entries as for a hundred thousand.
 * The index grows with the sum over entries of tokens x charge points.
 */
export function indexWhitelist(entries: readonly WhitelistEntry[]): WhitelistIndex {
  const byToken = new Map<string, Map<string, number[]>>();
  entries.forEach((entry, position) => {
    const chargePoints = new Set(chargePointSelectorKeys(entry.chargePoints));
    for (const tokenKey of new Set(tokenSelectorKeys(entry.tokens))) {
      let byChargePoint = byToken.get(tokenKey);
      if (!byChargePoint) byToken.set(tokenKey, (byChargePoint = new Map()));
      for (const chargePointKey of chargePoints) {
        const positions = byChargePoint.get(chargePointKey);
        if (positions) positions.push(position);
        else byChargePoint.set(chargePointKey, [position]);
      }
    }
  });
  return { byToken, entries };
}

/**
 * The whitelist entry that makes a session free: one that names its token
 * (any of `sessionTokenKeys`, from `tokenKeys`) and its charge point and is
 * valid at the session's start. When several do, the first in configuration
 * order.
 */
export function findWhitelistEntry(index: WhitelistIndex, session: ChargingSession, sessionTokenKeys: readonly string[]): WhitelistEntry | null {
  let first = Infinity;
  let chargePoints: string[] | undefined;
  for (const tokenKey of sessionTokenKeys) {
    const byChargePoint = index.byToken.get(tokenKey);
    if (!byChargePoint) continue;
    chargePoints ??= chargePointKeys(session.chargePoint);
    for (const chargePointKey of chargePoints) {
      for (const position of byChargePoint.get(chargePointKey) ?? []) {
        if (position < first && periodContains(index.entries[position]!.period, session.startedAt)) first = position;
      }
    }
  }
  return index.entries[first] ?? null;
}
