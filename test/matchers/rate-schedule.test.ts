import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classifierConfigSchema } from '../../src/classify/config';
import { buildRateSchedule, rateAt, type RateInput, type RateSchedule } from '../../src/matchers/rate-schedule';
import { licenceSchema } from '../../src/matchers/licence';
import { Exact } from '../../src/model/decimal';
import { parseSession } from '../../src/model/session';
import { wallDateTime } from '../support/wall-clock';

const BRUSSELS = 'Europe/Brussels';
const NEW_YORK = 'America/New_York';

interface ScheduleOptions {
  timeZone?: string;
  allowGaps?: boolean;
}

const eur = (from: string, perKWh: string, extra: Partial<RateInput> = {}): RateInput => ({ from, perKWh, currency: 'EUR', ...extra });

/** The configuration with one named schedule `s`, used by one licence. */
function configWith(rates: readonly RateInput[], options: ScheduleOptions = {}) {
  return {
    rateSchedules: { s: { rates, ...options } },
    licences: [{ id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active', validFrom: '2020-01-01', rates: 's' }],
  };
}

/** A schedule built through the configuration schema (a named schedule, resolved on a licence). */
function schedule(rates: readonly RateInput[], options: ScheduleOptions = {}): RateSchedule {
  return classifierConfigSchema.parse(configWith(rates, options)).licences[0]!.rates;
}

/** The problems the configuration schema reports for a schedule, with paths inside the schedule's `rates`. */
function problems(rates: readonly RateInput[], options: ScheduleOptions = {}): { path: PropertyKey[]; message: string }[] {
  const result = classifierConfigSchema.safeParse(configWith(rates, options));
  expect(result.success).toBe(false);
  return result.error!.issues.map(({ path, message }) => {
    expect(path.slice(0, 3)).toEqual(['rateSchedules', 's', 'rates']);
    return { path: path.slice(3), message };
  });
}

/** The rate per kWh in force at `instant`, as text with four decimals, or null. */
const perKWhAt = (s: RateSchedule, instant: string | Date | number) => rateAt(s, new Date(instant))?.perKWh.toFixed(4) ?? null;

describe('buildRateSchedule through the schemas', () => {
  it('sorts the rates and lets each run until the next one starts', () => {
    const s = schedule([eur('2025-07-01', '0.3000'), eur('2025-01-01', '0.2822'), eur('2025-04-01', '0.2900')]);
    expect(s.timeZone).toBe(BRUSSELS);
    expect(s.currency).toBe('EUR');
    expect(s.rates.map((rate) => [rate.from.toISOString(), rate.until?.toISOString() ?? null, rate.perKWh.toString()])).toEqual([
      ['2024-12-31T23:00:00.000Z', '2025-03-31T22:00:00.000Z', '0.2822'],
      ['2025-03-31T22:00:00.000Z', '2025-06-30T22:00:00.000Z', '0.29'],
      ['2025-06-30T22:00:00.000Z', null, '0.3'],
    ]);
  });

  it('keeps the exact decimal of each rate', () => {
    const s = schedule([eur('2022-10-01', '0.6654')]);
    expect(s.rates[0]!.perKWh.equals(new Exact('0.6654'))).toBe(true);
    expect(s.rates[0]!.perKWh.times('3.667').toString()).toBe('2.4400218');
  });

  it('accepts a rate of zero and an explicit end on the last rate', () => {
    const s = schedule([eur('2025-01-01', '0', { until: '2026-01-01' })]);
    expect(perKWhAt(s, '2025-06-01T12:00:00Z')).toBe('0.0000');
    expect(perKWhAt(s, '2025-12-31T22:59:59.999Z')).toBe('0.0000');
    expect(perKWhAt(s, '2025-12-31T23:00:00Z')).toBeNull();
  });

  it('refuses an empty schedule', () => {
    expect(problems([])).toEqual([{ path: [], message: 'a rate schedule needs at least one rate' }]);
    const inline = licenceSchema.safeParse({ id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active', validFrom: '2022-11-01', rates: [] });
    expect(inline.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['rates'], 'a rate schedule needs at least one rate']]);
  });

  it('refuses a rate whose explicit end runs past the next rate’s start', () => {
    expect(problems([eur('2025-04-01', '0.29'), eur('2025-01-01', '0.2822', { until: '2025-04-02' })])).toEqual([
      { path: [1, 'until'], message: expect.stringMatching(/overlaps the rate at index 0/) },
    ]);
  });

  it('refuses two rates from the same date', () => {
    expect(problems([eur('2025-01-01', '0.2822'), eur('2025-01-01', '0.3294')])).toEqual([
      { path: [0, 'until'], message: expect.stringMatching(/overlaps the rate at index 1/) },
    ]);
  });

  it('refuses an end that is not after the start', () => {
    expect(problems([eur('2025-01-01', '0.2822', { until: '2025-01-01' })])).toEqual([
      { path: [0, 'until'], message: 'until must be after from (a rate is in force from, inclusive, until, exclusive)' },
    ]);
  });

  it('refuses a gap unless gaps are allowed', () => {
    const rates = [eur('2025-01-01', '0.2822', { until: '2025-03-01' }), eur('2025-04-01', '0.29')];
    expect(problems(rates)).toEqual([{ path: [0, 'until'], message: expect.stringMatching(/gap between this rate's end and the rate at index 1/) }]);
    const s = schedule(rates, { allowGaps: true });
    expect(perKWhAt(s, '2025-02-28T22:59:59.999Z')).toBe('0.2822');
    expect(perKWhAt(s, '2025-02-28T23:00:00Z')).toBeNull();
    expect(perKWhAt(s, '2025-03-31T21:59:59.999Z')).toBeNull();
    expect(perKWhAt(s, '2025-03-31T22:00:00Z')).toBe('0.2900');
  });

  it('lets a licence allow gaps in its own rate list', () => {
    const base = { id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active', validFrom: '2025-01-01' };
    const rates = [eur('2025-01-01', '0.2822', { until: '2025-03-01' }), eur('2025-04-01', '0.29')];
    expect(licenceSchema.safeParse({ ...base, rates }).success).toBe(false);
    expect(licenceSchema.safeParse({ ...base, rates, allowRateGaps: true }).success).toBe(true);
  });

  it('refuses mixed currencies, naming the odd one', () => {
    expect(problems([eur('2025-01-01', '0.2822'), { from: '2025-04-01', perKWh: '0.29', currency: 'USD' }])).toEqual([
      { path: [1, 'currency'], message: 'all rates of a schedule share one currency; this one is USD, the first is EUR' },
    ]);
  });

  it('reports every problem of a schedule at once', () => {
    const found = problems([
      eur('2025-01-01', '0.2822', { until: '2025-05-01' }),
      { from: '2025-04-01', perKWh: '0.29', currency: 'USD', until: '2025-06-01' },
      eur('2025-07-01', '0.30'),
    ]);
    expect(found.map((problem) => problem.path)).toEqual([[0, 'until'], [1, 'currency'], [1, 'until']]);
  });

  it('refuses a negative rate, an unreadable date and an unknown time zone', () => {
    expect(problems([eur('2025-01-01', '-0.01')])).toEqual([{ path: [0, 'perKWh'], message: 'a rate per kWh cannot be negative' }]);
    expect(problems([eur('2025-02-30', '0.2822')])).toEqual([{ path: [0, 'from'], message: '2025-02-30 is not a calendar date' }]);
    const zone = classifierConfigSchema.safeParse(configWith([eur('2025-01-01', '0.2822')], { timeZone: 'Europe/Bruxelles' }));
    expect(zone.error?.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/unknown time zone "Europe\/Bruxelles"/)]);
  });

  it('reports at the path it is given when called directly', () => {
    const issues: { path: PropertyKey[]; message: string }[] = [];
    const built = buildRateSchedule([], BRUSSELS, false, { addIssue: ({ path, message }) => issues.push({ path, message }) }, ['here']);
    expect(built).toBeNull();
    expect(issues).toEqual([{ path: ['here'], message: 'a rate schedule needs at least one rate' }]);
  });
});

describe('rateAt', () => {
  it('finds the release’s rate for its sessions', () => {
    const s = schedule([eur('2022-10-01', '0.6654')]);
    expect(perKWhAt(s, '2022-11-10T13:50:16Z')).toBe('0.6654');
    expect(perKWhAt(s, '2022-11-09T06:30:37Z')).toBe('0.6654');
  });

  it('has no rate before the first one starts', () => {
    const s = schedule([eur('2022-10-01', '0.6654')]);
    expect(perKWhAt(s, '2022-09-30T21:59:59.999Z')).toBeNull();
    expect(perKWhAt(s, '2022-09-30T22:00:00Z')).toBe('0.6654');
  });

  it('applies a rate from local midnight of its date, in the schedule’s time zone', () => {
    const rates = [eur('2025-01-01', '0.2822'), eur('2025-04-01', '0.2900')];
    const brussels = schedule(rates);
    expect(perKWhAt(brussels, '2025-03-31T23:59:59.999+02:00')).toBe('0.2822');
    expect(perKWhAt(brussels, '2025-04-01T00:00:00+02:00')).toBe('0.2900');
    const newYork = schedule(rates, { timeZone: NEW_YORK });
    expect(newYork.rates[1]!.from.toISOString()).toBe('2025-04-01T04:00:00.000Z');
    expect(perKWhAt(newYork, '2025-03-31T23:59:59.999-04:00')).toBe('0.2822');
    expect(perKWhAt(newYork, '2025-04-01T00:00:00-04:00')).toBe('0.2900');
  });

  it('reads a licence’s own rates in the licence’s time zone, and a named schedule in its own', () => {
    const inline = licenceSchema.parse({
      id: 'lic-1',
      device: { chargePointId: 'cp_test2' },
      status: 'active',
      validFrom: '2025-01-01',
      timeZone: NEW_YORK,
      rates: [eur('2025-01-01', '0.2822')],
    });
    expect(typeof inline.rates === 'object' && inline.rates?.rates[0]?.from.toISOString()).toBe('2025-01-01T05:00:00.000Z');
    const config = classifierConfigSchema.parse({
      rateSchedules: { flanders: { rates: [eur('2025-01-01', '0.2822')] } },
      licences: [{ id: 'lic-ny', device: { chargePointId: 'cp_test2' }, status: 'active', validFrom: '2025-01-01', timeZone: NEW_YORK, rates: 'flanders' }],
    });
    expect(config.licences[0]!.rates.timeZone).toBe(BRUSSELS);
    expect(config.licences[0]!.rates.rates[0]!.from.toISOString()).toBe('2024-12-31T23:00:00.000Z');
  });

  it('applies a change to sessions that start after it only', () => {
    const s = schedule([eur('2025-01-01', '0.2822'), eur('2025-04-01', '0.2900')]);
    const across = parseSession({
      id: 's-1',
      startedAt: '2025-03-31T23:30:00+02:00',
      endedAt: '2025-04-01T01:30:00+02:00',
      energyKWh: '7.334',
      token: { uid: '04A23B5C' },
      chargePoint: { id: 'cp_test2' },
    });
    if (!across.success) throw new Error(across.error.message);
    expect(perKWhAt(s, across.data.startedAt)).toBe('0.2822');
    expect(perKWhAt(s, across.data.endedAt)).toBe('0.2900');
  });

  it('changes at local midnight on daylight-saving days', () => {
    const brussels = schedule([eur('2022-01-01', '0.10'), eur('2022-03-27', '0.20'), eur('2022-10-30', '0.30'), eur('2022-10-31', '0.40')]);
    expect(brussels.rates.map((rate) => rate.from.toISOString())).toEqual([
      '2021-12-31T23:00:00.000Z',
      '2022-03-26T23:00:00.000Z',
      '2022-10-29T22:00:00.000Z',
      '2022-10-30T23:00:00.000Z',
    ]);
    // 30 October 2022 lasted 25 hours in Brussels
    expect(perKWhAt(brussels, '2022-10-30T23:30:00+01:00')).toBe('0.3000');
    expect(perKWhAt(brussels, '2022-10-31T00:00:00+01:00')).toBe('0.4000');
    const newYork = schedule([eur('2022-01-01', '0.10'), eur('2022-03-13', '0.20'), eur('2022-11-06', '0.30')], { timeZone: NEW_YORK });
    expect(newYork.rates.map((rate) => rate.from.toISOString())).toEqual([
      '2022-01-01T05:00:00.000Z',
      '2022-03-13T05:00:00.000Z',
      '2022-11-06T04:00:00.000Z',
    ]);
  });
});

describe('named rate schedules', () => {
  const regions = {
    flanders: { rates: [eur('2025-01-01', '0.2822'), eur('2026-04-01', '0.3191')] },
    brussels: { rates: [eur('2025-01-01', '0.3294'), eur('2026-04-01', '0.3555')] },
  };
  const licence = (id: string, rates: string) => ({ id, device: { chargePointId: `cp-${id}` }, status: 'active', validFrom: '2025-01-01', rates });

  it('are shared by the licences that name them', () => {
    const config = classifierConfigSchema.parse({ rateSchedules: regions, licences: [licence('a', 'flanders'), licence('b', 'brussels'), licence('c', 'flanders')] });
    const [a, b, c] = config.licences;
    expect(a!.rates).toBe(c!.rates);
    expect(perKWhAt(a!.rates, '2025-02-01T12:00:00Z')).toBe('0.2822');
    expect(perKWhAt(b!.rates, '2025-02-01T12:00:00Z')).toBe('0.3294');
    expect(perKWhAt(a!.rates, '2026-05-01T12:00:00Z')).toBe('0.3191');
    expect(perKWhAt(b!.rates, '2026-05-01T12:00:00Z')).toBe('0.3555');
  });

  it('refuses an unknown id, listing the known ones', () => {
    const result = classifierConfigSchema.safeParse({ rateSchedules: regions, licences: [licence('a', 'wallonia')] });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['licences', 0, 'rates'], 'no rate schedule "wallonia"; define it under rateSchedules (known: flanders, brussels)'],
    ]);
  });

  it('says when no schedule is defined at all', () => {
    const result = classifierConfigSchema.safeParse({ licences: [licence('a', 'flanders')] });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/no rate schedule "flanders".*known: none/)]);
  });

  it('report their own problems under rateSchedules', () => {
    const result = classifierConfigSchema.safeParse({
      rateSchedules: { flanders: { rates: [eur('2025-01-01', '0.2822'), eur('2025-01-01', '0.29')] } },
      licences: [licence('a', 'flanders')],
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['rateSchedules', 'flanders', 'rates', 0, 'until']]);
  });
});

// ---- Properties

const DAY_MS = 86_400_000;

/** Reference: the rate in force at `instant` is the one with the latest start date not after its local date. */
function naiveRate(rates: readonly { from: string; perKWh: string }[], instant: Date, timeZone: string): string | null {
  const today = wallDateTime(instant, timeZone).date;
  let best: { from: string; perKWh: string } | null = null;
  for (const rate of rates) if (rate.from <= today && (best === null || rate.from > best.from)) best = rate;
  return best?.perKWh ?? null;
}

/** A rate per kWh with four decimals, e.g. "0.2822", written from an integer (no binary floats). */
const perKWhArb = fc.integer({ min: 0, max: 99_999 }).map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`);

const QUARTERS = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'];
const zoneArb = fc.constantFrom(BRUSSELS, NEW_YORK);

/** Where to look up a rate: any instant in a range, or one just around the start of the schedule's i-th rate. */
type Probe = { at: Date } | { rate: number; delta: number };

function probesArb(min: string, max: string): fc.Arbitrary<Probe[]> {
  const anywhere = fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((at): Probe => ({ at }));
  const around = fc
    .tuple(fc.nat(), fc.constantFrom(-DAY_MS, -3_600_000, -1, 0, 1, 3_600_000))
    .map(([rate, delta]): Probe => ({ rate, delta }));
  return fc.array(fc.oneof(anywhere, around), { minLength: 1, maxLength: 25 });
}

function probeInstant(probe: Probe, s: RateSchedule): Date {
  if ('at' in probe) return probe.at;
  return new Date(s.rates[probe.rate % s.rates.length]!.from.getTime() + probe.delta);
}

describe('properties', () => {
  it('a quarterly Belgian-style schedule: rateAt agrees with a search by local date, for any values', () => {
    fc.assert(
      fc.property(
        fc.array(perKWhArb, { minLength: QUARTERS.length, maxLength: QUARTERS.length }),
        zoneArb,
        probesArb('2024-11-01T00:00:00Z', '2027-03-01T00:00:00Z'),
        (values, timeZone, probes) => {
          const rates = QUARTERS.map((from, i) => ({ from, perKWh: values[i]! }));
          const s = schedule(rates.map(({ from, perKWh }) => eur(from, perKWh)), { timeZone });
          for (const probe of probes) {
            const instant = probeInstant(probe, s);
            expect(perKWhAt(s, instant)).toBe(naiveRate(rates, instant, timeZone));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a quarterly schedule changes exactly at local midnight of each quarter, across daylight saving changes', () => {
    fc.assert(
      fc.property(fc.array(perKWhArb, { minLength: QUARTERS.length, maxLength: QUARTERS.length }), zoneArb, (values, timeZone) => {
        const s = schedule(QUARTERS.map((from, i) => eur(from, values[i]!)), { timeZone });
        expect(s.rates).toHaveLength(QUARTERS.length);
        s.rates.forEach((rate, i) => {
          expect(wallDateTime(rate.from, timeZone)).toEqual({ date: QUARTERS[i], time: '00:00:00' });
          expect(perKWhAt(s, rate.from)).toBe(values[i]);
          expect(perKWhAt(s, rate.from.getTime() - 1)).toBe(i === 0 ? null : values[i - 1]);
        });
      }),
    );
  });

  it('any schedule of dated rates, given in any order: sorted, contiguous, and rateAt agrees with a search by local date', () => {
    const first = Date.UTC(2020, 0, 1);
    const dateArb = fc.oneof(
      fc.integer({ min: 0, max: 3652 }).map((d) => new Date(first + d * DAY_MS).toISOString().slice(0, 10)),
      // days on which the clocks change in Brussels or New York
      fc.constantFrom('2022-03-13', '2022-03-27', '2022-10-30', '2022-11-06', '2025-03-09', '2025-03-30', '2025-10-26', '2025-11-02'),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ from: dateArb, perKWh: perKWhArb }), { minLength: 1, maxLength: 12, selector: (rate) => rate.from }),
        zoneArb,
        fc.func(fc.integer()),
        probesArb('2019-12-01T00:00:00Z', '2030-02-01T00:00:00Z'),
        (rates, timeZone, order, probes) => {
          const shuffled = [...rates].sort((a, b) => order(a.from) - order(b.from) || (a.from < b.from ? -1 : 1));
          const s = schedule(shuffled.map(({ from, perKWh }) => eur(from, perKWh)), { timeZone });
          const sorted = [...rates].sort((a, b) => (a.from < b.from ? -1 : 1));
          expect(s.rates.map((rate) => wallDateTime(rate.from, timeZone))).toEqual(sorted.map(({ from }) => ({ date: from, time: '00:00:00' })));
          expect(s.rates.map((rate) => rate.perKWh.toFixed(4))).toEqual(sorted.map(({ perKWh }) => perKWh));
          s.rates.forEach((rate, i) => expect(rate.until).toEqual(s.rates[i + 1]?.from ?? null));
          for (const probe of probes) {
            const instant = probeInstant(probe, s);
            expect(perKWhAt(s, instant)).toBe(naiveRate(rates, instant, timeZone));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('overlapping rates are always refused, wherever they sit in the list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 30 }),
        fc.func(fc.integer()),
        (count, overlapAt, extraDays, order) => {
          const starts = Array.from({ length: count }, (_, i) => new Date(Date.UTC(2025, 3 * i, 1)).toISOString().slice(0, 10));
          const i = overlapAt % (count - 1);
          const until = new Date(Date.parse(starts[i + 1]!) + extraDays * DAY_MS).toISOString().slice(0, 10);
          const rates = starts.map((from, k) => eur(from, '0.3000', k === i ? { until } : {}));
          const shuffled = rates.map((rate, k) => ({ rate, key: order(k) })).sort((a, b) => a.key - b.key).map(({ rate }) => rate);
          const found = problems(shuffled);
          expect(found).toHaveLength(1);
          expect(found[0]!.path).toEqual([shuffled.indexOf(rates[i]!), 'until']);
          expect(found[0]!.message).toMatch(new RegExp(`overlaps the rate at index ${shuffled.indexOf(rates[i + 1]!)},`));
        },
      ),
    );
  });
});
