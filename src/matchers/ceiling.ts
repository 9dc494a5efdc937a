import type { Decimal } from 'decimal.js';
import { rateAt, type Rate, type RateSchedule } from './rate-schedule.js';

/**
 * A legal ceiling a licence's reimbursement is capped by: a schedule of
 * maximum rates per kWh, shared by id under the configuration's
 * `ceilingSchedules` (for example one per Belgian region, each quarter's
 * figure a rate).
 */
export interface Ceiling {
  /** The schedule's id in `ceilingSchedules`, e.g. "be-flanders". */
  readonly id: string;
  readonly schedule: RateSchedule;
}

/** Whether, and by which ceiling, a reimbursement's rate was capped. */
export interface CeilingBasis {
  /** The lowest of the licence's ceilings in force at the session's start (the first named, on a tie). */
  readonly id: string;
  /** That ceiling's rate, and its period (until exclusive, `null` = open). */
  readonly perKWh: Decimal;
  readonly from: Date;
  readonly until: Date | null;
  /** The licence's own rate at the session's start. */
  readonly agreedPerKWh: Decimal;
  /** True when the ceiling is below the agreed rate, so the ceiling was paid. */
  readonly capped: boolean;
}

/** The rate a reimbursement is paid at once capped, and the period over which that rate holds. */
export interface CappedRate {
  readonly perKWh: Decimal;
  readonly from: Date;
  readonly until: Date | null;
  readonly ceiling: CeilingBasis;
}

/**
 * Caps the licence's rate in force at `instant` by the lowest of its
 * ceilings in force then: min(agreed rate, lowest ceiling). The period
 * returned is the part of the agreed rate's period that every ceiling's
 * current period covers, over which the capped rate does not change. `null`
 * when a ceiling has no rate in force at `instant`: the cap is unknown, so
 * nothing may be paid (cost attribution flags it `ceiling-missing`).
 *
 * @example
 * const rates = (perKWh: string) => ({ timeZone: 'Europe/Brussels', currency: 'EUR', rates: [{ from: new Date('2025-01-01T00:00:00+01:00'), until: null, perKWh: new Decimal(perKWh), currency: 'EUR' }] });
 * const agreed = rates('0.35').rates[0]!;
 * capRate(agreed, [{ id: 'be-flanders', schedule: rates('0.2822') }], new Date('2025-02-10T18:00:00Z'))?.perKWh.toString(); // => '0.2822'
 * capRate(agreed, [{ id: 'be-flanders', schedule: rates('0.2822') }], new Date('2025-02-10T18:00:00Z'))?.ceiling.capped; // => true
 */
export function capRate(agreed: Rate, ceilings: readonly Ceiling[], instant: Date): CappedRate | null {
  let lowest: { id: string; rate: Rate } | null = null;
  let from = agreed.from.getTime();
  let until = agreed.until === null ? Infinity : agreed.until.getTime();
  for (const { id, schedule } of ceilings) {
    const rate = rateAt(schedule, instant);
    if (rate === null) return null;
    if (lowest === null || rate.perKWh.lt(lowest.rate.perKWh)) lowest = { id, rate };
    from = Math.max(from, rate.from.getTime());
    until = Math.min(until, rate.until === null ? Infinity : rate.until.getTime());
  }
  if (lowest === null) return null;
  const capped = lowest.rate.perKWh.lt(agreed.perKWh);
  return {
    perKWh: capped ? lowest.rate.perKWh : agreed.perKWh,
    from: new Date(from),
    until: until === Infinity ? null : new Date(until),
    ceiling: { id: lowest.id, perKWh: lowest.rate.perKWh, from: lowest.rate.from, until: lowest.rate.until, agreedPerKWh: agreed.perKWh, capped },
  };
}
