import type { Decimal } from 'decimal.js';
import * as z from 'zod/mini';
import { decimalSchema, isDecimal } from '../model/decimal.js';
import { zonedInput } from '../model/resolved-object.js';
import { objectError } from '../model/messages.js';
import { resolveZonedTime, zonedTimeInputSchema, type Period } from '../model/period.js';
import { currencySchema } from '../model/price.js';

/**
 * Zod schema for one rate of a schedule as configured: in force from a local
 * date (inclusive), optionally until another (exclusive; by default until the
 * next rate starts), at a price per kWh.
 */
export const rateInputSchema = z.strictObject(
  {
    from: zonedTimeInputSchema,
    until: z.optional(z.nullable(zonedTimeInputSchema)),
    perKWh: decimalSchema.check(z.refine((rate) => !rate.isNegative() || rate.isZero(), { error: 'a rate per kWh cannot be negative' })),
    currency: currencySchema,
  },
  { error: objectError('rate') },
);

/** True for a rate whose fields were all read (a rate that failed has its issue reported already). */
export function isReadRate(rate: unknown): rate is z.output<typeof rateInputSchema> {
  const r = rate as Record<string, unknown> | null;
  return typeof r === 'object' && r !== null && isDecimal(r['perKWh']) && typeof r['currency'] === 'string' && zonedInput(r['from']) !== undefined;
}

/** A rate as configured, e.g. `{ from: '2025-01-01', perKWh: '0.2822', currency: 'EUR' }`. */
export type RateInput = z.input<typeof rateInputSchema>;

/** One period of a rate schedule: a half-open period and its price per kWh. */
export interface Rate extends Period {
  readonly from: Date;
  readonly perKWh: Decimal;
  readonly currency: string;
}

/** A validated rate schedule: rates sorted by start, none overlapping, one currency. */
export interface RateSchedule {
  readonly timeZone: string;
  readonly currency: string;
  readonly rates: readonly Rate[];
}

/** Where a zod transform reports issues. */
interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }): void;
}

/**
 * Builds a schedule from configured rates read in `timeZone`: sorts them,
 * lets each run until the next one unless it says otherwise, and reports
 * (at `path`) an empty schedule, mixed currencies, overlaps, and gaps unless
 * `allowGaps`. Returns `null` when it reported a problem.
 */
export function buildRateSchedule(
  inputs: readonly z.output<typeof rateInputSchema>[],
  timeZone: string,
  allowGaps: boolean,
  ctx: IssueSink,
  path: PropertyKey[],
): RateSchedule | null {
  const problems: { message: string; path: PropertyKey[] }[] = [];
  const report = (message: string, at: PropertyKey[]) => problems.push({ message, path: [...path, ...at] });
  if (inputs.length === 0) report('a rate schedule needs at least one rate', []);
  const read: { index: number; from: Date; until: Date | null; input: (typeof inputs)[number] }[] = [];
  inputs.forEach((input, index) => {
    const from = resolveZonedTime(input.from, timeZone, ctx, [...path, index, 'from']);
    const until = input.until == null ? null : resolveZonedTime(input.until, timeZone, ctx, [...path, index, 'until']);
    if (from && (input.until == null || until)) read.push({ index, from, until, input });
  });
  if (read.length < inputs.length) return null;
  const sorted = read.sort((a, b) => a.from.getTime() - b.from.getTime());
  const currency = sorted[0]?.input.currency ?? 'EUR';
  const rates: Rate[] = sorted.map((rate, position) => {
    const next = sorted[position + 1];
    if (rate.input.currency !== currency) {
      report(`all rates of a schedule share one currency; this one is ${rate.input.currency}, the first is ${currency}`, [rate.index, 'currency']);
    }
    if (rate.until && rate.until.getTime() <= rate.from.getTime()) {
      report('until must be after from (a rate is in force from, inclusive, until, exclusive)', [rate.index, 'until']);
    }
    if (next) {
      const end = rate.until ?? next.from;
      if (end.getTime() > next.from.getTime() || rate.from.getTime() === next.from.getTime()) {
        const starts = typeof next.input.from === 'string' ? next.input.from : next.from.toISOString();
        report(`this rate overlaps the rate at index ${next.index}, which starts ${starts}`, [rate.index, 'until']);
      } else if (end.getTime() < next.from.getTime() && !allowGaps) {
        report(`there is a gap between this rate's end and the rate at index ${next.index}; close it or allow gaps`, [rate.index, 'until']);
      }
    }
    return { from: rate.from, until: rate.until ?? next?.from ?? null, perKWh: rate.input.perKWh, currency: rate.input.currency };
  });
  for (const problem of problems) ctx.addIssue({ code: 'custom', ...problem });
  if (problems.length > 0) return null;
  return { timeZone, currency, rates };
}

/** Each schedule's periods as numbers: [from, until, from, until, ...], `Infinity` for an open end. */
const bounds = new WeakMap<RateSchedule, readonly number[]>();

function boundsOf(schedule: RateSchedule): readonly number[] {
  let found = bounds.get(schedule);
  if (!found) {
    const read: number[] = [];
    for (const rate of schedule.rates) read.push(rate.from.getTime(), rate.until === null ? Infinity : rate.until.getTime());
    bounds.set(schedule, (found = read));
  }
  return found;
}

/**
 * Reads a schedule's periods into numbers now, unless they were read
 * already (by {@link rateAt}): from then on, changes to its Dates change no
 * answer. The classifier does so before it hands out a schedule.
 *
 * @example
 * const { licence } = classifier.classify(session);
 * keepRateBounds(licence!.rates); // => undefined
 */
export function keepRateBounds(schedule: RateSchedule): void {
  boundsOf(schedule);
}

/**
 * The rate in force at `instant` (binary search over the sorted periods), or
 * `null` when the schedule has no rate then. A change of rate applies to
 * sessions that start at or after its `from` only.
 *
 * @example
 * const { licence } = classifier.classify(session);
 * rateAt(licence!.rates, new Date('2022-11-10T13:50:16Z'))?.perKWh.toString(); // => '0.6654'
 * rateAt(licence!.rates, new Date('2022-09-01T00:00:00Z')); // => null
 */
export function rateAt(schedule: RateSchedule, instant: Date): Rate | null {
  const t = instant.getTime();
  const bounds = boundsOf(schedule);
  let low = 0;
  let high = (bounds.length >>> 1) - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (t < bounds[2 * middle]!) high = middle - 1;
    else if (t >= bounds[2 * middle + 1]!) low = middle + 1;
    else return schedule.rates[middle]!;
  }
  return null;
}
