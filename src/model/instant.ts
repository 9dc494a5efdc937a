import * as z from 'zod/mini';
import { describe } from './messages.js';
import { parseInstant } from './time.js';

/** Zod schema for a valid `Date` (not an Invalid Date). */
export const dateSchema = z.custom<Date>((value) => value instanceof Date && !Number.isNaN(value.getTime()));

/** An instant as written in JSON: ISO 8601 with an offset ("2022-11-10T14:50:16+01:00"), or a `Date`. */
export type InstantInput = string | Date;

/**
 * Zod schema for an instant. Strings must carry a UTC offset unless
 * `timeZone` names the zone to read local times in; a bare date is refused
 * (a session's start is a moment, not a day).
 */
export function instantSchema(timeZone?: string) {
  return z.pipe(
    z.union([z.string(), dateSchema], {
      error: (issue) => `expected an ISO 8601 date-time with an offset, such as "2022-11-10T14:50:16+01:00", received ${describe(issue.input)}`,
    }),
    z.transform((value: string | Date, ctx): Date => {
      if (value instanceof Date) return new Date(value.getTime());
      const parsed = parseInstant(value, timeZone);
      if (parsed.ok && !parsed.dateOnly) return parsed.instant;
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: parsed.ok ? `"${value}" is a date without a time; give the full date-time with an offset` : parsed.reason,
      });
      return z.NEVER;
    }),
  );
}
