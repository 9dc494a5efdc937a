import * as z from 'zod/mini';
import { describe } from './messages.js';
import { dateSchema } from './instant.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, parseInstant, unknownTimeZoneMessage } from './time.js';

/**
 * A half-open period of time: from (inclusive) until (exclusive). `null`
 * means open: since always, or still valid.
 */
export interface Period {
  readonly from: Date | null;
  readonly until: Date | null;
}

/** True when `instant` lies in the half-open `period`. */
export function periodContains(period: Period, instant: Date): boolean {
  const t = instant.getTime();
  return (period.from === null || period.from.getTime() <= t) && (period.until === null || t < period.until.getTime());
}

/** Zod schema for an IANA time zone name; defaults to Europe/Brussels. */
export const timeZoneSchema = z._default(
  z.string({ error: 'expected an IANA time zone name such as "Europe/Brussels"' }).check(z.refine(isValidTimeZone, { error: (issue) => unknownTimeZoneMessage(issue.input) })),
  DEFAULT_TIME_ZONE,
);

/**
 * Zod schema for a point in time as configured: a local date ("2022-11-01",
 * midnight where the entry's time zone says), a local date-time, or an ISO
 * date-time with an offset; or a `Date`. Read into an instant by
 * {@link resolveZonedTime} once the time zone is known.
 */
export const zonedTimeInputSchema = z.union([z.string(), dateSchema], {
  error: (issue) => `expected a date such as "2022-11-01" or a date-time, received ${describe(issue.input)}`,
});

/** The input of {@link zonedTimeInputSchema}. */
export type ZonedTimeInput = z.input<typeof zonedTimeInputSchema>;

/** Where a zod transform reports issues. */
interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }): void;
}

/**
 * Reads a configured point in time in `timeZone`; on failure reports an issue
 * at `path` and returns `null`. A date means its local midnight, which
 * daylight-saving changes do not move.
 */
export function resolveZonedTime(value: ZonedTimeInput, timeZone: string, ctx: IssueSink, path: PropertyKey[]): Date | null {
  if (value instanceof Date) return value;
  const parsed = parseInstant(value, timeZone);
  if (parsed.ok) return parsed.instant;
  ctx.addIssue({ code: 'custom', message: parsed.reason, path, input: value });
  return null;
}

/**
 * Reads `validFrom` / `validUntil` into a {@link Period} in `timeZone`,
 * reporting unreadable dates and an empty period (until not after from).
 */
export function resolvePeriod(
  input: { validFrom?: ZonedTimeInput | null | undefined; validUntil?: ZonedTimeInput | null | undefined },
  timeZone: string,
  ctx: IssueSink,
): Period {
  const from = input.validFrom == null ? null : resolveZonedTime(input.validFrom, timeZone, ctx, ['validFrom']);
  const until = input.validUntil == null ? null : resolveZonedTime(input.validUntil, timeZone, ctx, ['validUntil']);
  if (from && until && until.getTime() <= from.getTime()) {
    ctx.addIssue({ code: 'custom', message: 'validUntil must be after validFrom (the period is half-open: from inclusive, until exclusive)', path: ['validUntil'] });
  }
  return { from, until };
}
