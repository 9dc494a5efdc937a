import * as fc from 'fast-check';
import { emaidCheckCharacter } from '../matchers/emaid.js';

/**
 * Energies right at the default bounds [0, 350] kWh and just outside them,
 * in kWh as written; the bounds are inclusive.
 *
 * @example ENERGY_EDGES.includes('350.001'); // => true
 */
export const ENERGY_EDGES = ['0', '-0.001', '0.001', '349.999', '350', '350.000', '350.001', '350.0000000000000000001', '-0.0000000000000000001'] as const;

/**
 * Durations in milliseconds right at the thresholds: 2 minutes (the default
 * minimum, inclusive), 24 hours (a common maximum), zero, end before start.
 *
 * @example DURATION_EDGES_MS.includes(119_999); // => true
 */
export const DURATION_EDGES_MS = [-60_000, -1, 0, 1, 119_999, 120_000, 120_001, 86_400_000, 86_400_001] as const;

/**
 * Zones whose daylight-saving changes the kit generates instants around: two
 * in Europe, one in America, and one on the other side of UTC whose summer
 * is Europe's winter.
 *
 * @example DST_ZONES.length; // => 4
 */
export const DST_ZONES = ['Europe/Brussels', 'Europe/London', 'America/New_York', 'Australia/Sydney'] as const;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (Brussels in winter: 60). */
function offsetMinutes(ms: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const HOUR = 3_600_000;

/**
 * The instants in a calendar year (UTC) at which a zone's offset changes, to
 * the millisecond: the first instant of the new offset. Found by asking
 * `Intl` (the runtime's time-zone data), never from a table.
 *
 * @example dstTransitions('Europe/Brussels', 2022).map((at) => at.toISOString()); // => ['2022-03-27T01:00:00.000Z', '2022-10-30T01:00:00.000Z']
 */
export function dstTransitions(timeZone: string, year: number): Date[] {
  const key = `${timeZone} ${year}`;
  let found = transitionsFound.get(key);
  if (!found) transitionsFound.set(key, (found = findTransitions(timeZone, year)));
  return found.map((ms) => new Date(ms));
}

/** Transitions already found, by zone and year, in epoch milliseconds. */
const transitionsFound = new Map<string, readonly number[]>();

function findTransitions(timeZone: string, year: number): number[] {
  const found: number[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let at = Date.UTC(year, 0, 1); at < end; at += 6 * HOUR) {
    const next = Math.min(at + 6 * HOUR, end);
    if (offsetMinutes(at, timeZone) === offsetMinutes(next, timeZone)) continue;
    let before = at;
    let after = next;
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (offsetMinutes(middle, timeZone) === offsetMinutes(before, timeZone)) before = middle;
      else after = middle;
    }
    found.push(after);
  }
  return found;
}

/** A daylight-saving change: the zone and the first instant of its new offset. */
export interface DstTransition {
  readonly timeZone: string;
  readonly at: Date;
}

/**
 * A daylight-saving change in one of `zones` (default {@link DST_ZONES}),
 * from 2021 to 2024.
 *
 * @example fc.sample(dstTransitionArb(), 20).every(({ timeZone, at }) => DST_ZONES.includes(timeZone) && at.getUTCFullYear() >= 2021); // => true
 */
export function dstTransitionArb(zones: readonly string[] = DST_ZONES): fc.Arbitrary<DstTransition> {
  const transitions = zones.flatMap((timeZone) => [2021, 2022, 2023, 2024].flatMap((year) => dstTransitions(timeZone, year).map((at) => ({ timeZone, at }))));
  if (transitions.length === 0) throw new Error(`dstTransitionArb: none of ${zones.join(', ')} changes its offset from 2021 to 2024`);
  return fc.constantFrom(...transitions);
}

/**
 * An instant near a daylight-saving change (exactly at it, a millisecond
 * either side, or within three hours), with its zone: for sessions,
 * licence periods and rate changes that straddle a change of offset.
 *
 * @example fc.sample(dstInstantArb(['Australia/Sydney']), 20).every(({ timeZone }) => timeZone === 'Australia/Sydney'); // => true
 */
export function dstInstantArb(zones: readonly string[] = DST_ZONES): fc.Arbitrary<DstTransition> {
  const shift = fc.oneof(fc.constantFrom(0, -1, 1), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }));
  return fc.tuple(dstTransitionArb(zones), shift).map(([{ timeZone, at }, ms]) => ({ timeZone, at: new Date(at.getTime() + ms) }));
}

/**
 * The local calendar date (YYYY-MM-DD) of a daylight-saving change in its
 * zone, e.g. a licence starting on the day the clocks go forward.
 *
 * @example fc.sample(dstDateArb(['Europe/Brussels']), 20).every(({ date }) => /^20\d\d-(03|10)-\d\d$/.test(date)); // => true
 */
export function dstDateArb(zones: readonly string[] = DST_ZONES): fc.Arbitrary<{ readonly timeZone: string; readonly date: string }> {
  return dstTransitionArb(zones).map(({ timeZone, at }) => ({ timeZone, date: new Date(at.getTime() + offsetMinutes(at.getTime(), timeZone) * 60_000).toISOString().slice(0, 10) }));
}

/** An identifier as a reader or a backend writes it, and the canonical form it stands for. */
export interface Formatted {
  /** The canonical form: a UID's hex in upper case without separators; a contract id's 14 characters in upper case, without dashes or check character. */
  readonly canonical: string;
  /** As written: another case, separators, a check character... */
  readonly written: string;
}

const HEX = '0123456789ABCDEF';
const letterCase = fc.constantFrom('upper', 'lower', 'mixed');

function applyCase(text: string, mode: string, flips: readonly boolean[]): string {
  if (mode === 'upper') return text.toUpperCase();
  if (mode === 'lower') return text.toLowerCase();
  return [...text].map((char, index) => (flips[index % flips.length] ? char.toLowerCase() : char.toUpperCase())).join('');
}

/**
 * An RFID UID (4, 7 or 10 bytes, as ISO/IEC 14443 gives them) written in
 * every way readers do: upper, lower or mixed case, bytes separated by
 * nothing, colons, dashes, dots or spaces.
 *
 * @example fc.sample(formattedUidArb, 20).every(({ canonical, written }) => normaliseUid(written) === canonical); // => true
 */
export const formattedUidArb: fc.Arbitrary<Formatted> = fc
  .record({
    bytes: fc.constantFrom(4, 7, 10).chain((length) => fc.array(fc.integer({ min: 0, max: 255 }), { minLength: length, maxLength: length })),
    separator: fc.constantFrom('', ':', '-', '.', ' '),
    mode: letterCase,
    flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  })
  .map(({ bytes, separator, mode, flips }) => {
    const pairs = bytes.map((byte) => HEX[byte >> 4]! + HEX[byte & 15]!);
    return { canonical: pairs.join(''), written: applyCase(pairs.join(separator), mode, flips) };
  });

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const charsArb = (alphabet: string, length: number) =>
  fc.array(fc.integer({ min: 0, max: alphabet.length - 1 }), { minLength: length, maxLength: length }).map((picks) => picks.map((pick) => alphabet[pick]).join(''));

/**
 * A contract id (EMAID: country, provider, instance, check character) written
 * in every way backends do: with or without dashes, in any case, with or
 * without its (right) check character.
 *
 * @example fc.sample(formattedContractIdArb, 20).every(({ canonical, written }) => normaliseContractId(written) === canonical); // => true
 */
export const formattedContractIdArb: fc.Arbitrary<Formatted> = fc
  .record({
    country: charsArb(LETTERS, 2),
    provider: charsArb(ALPHANUMERIC, 3),
    instance: charsArb(ALPHANUMERIC, 9),
    dashes: fc.boolean(),
    check: fc.boolean(),
    mode: letterCase,
    flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  })
  .map(({ country, provider, instance, dashes, check, mode, flips }) => {
    const canonical = `${country}${provider}${instance}`;
    const parts = [country, provider, instance, ...(check ? [emaidCheckCharacter(canonical)] : [])];
    return { canonical, written: applyCase(parts.join(dashes ? '-' : ''), mode, flips) };
  });
