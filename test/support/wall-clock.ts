/**
 * The local wall clock of an instant in a time zone, read from
 * `Intl.DateTimeFormat` so that tests can check the library's own time zone
 * arithmetic against an independent source.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour, minute, second and millisecond of `instant` on the clocks of `timeZone`, zero-padded. */
function wallClockFields(instant: Date | number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond', string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const found = parts.find((p) => p.type === type);
    if (!found) throw new Error(`Intl gave no ${type} for ${String(instant)} in ${timeZone}`);
    return found.value;
  };
  return {
    year: part('year').padStart(4, '0'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    millisecond: part('fractionalSecond'),
  };
}

/**
 * The wall clock of `instant` in `timeZone` as "YYYY-MM-DD HH:mm:ss" (whole seconds).
 * @example wallClock(new Date('2022-11-10T13:50:16.5Z'), 'Europe/Brussels') // '2022-11-10 14:50:16'
 */
export function wallClock(instant: Date | number, timeZone: string): string {
  const { date, time } = wallDateTime(instant, timeZone);
  return `${date} ${time}`;
}

/**
 * The wall clock of `instant` in `timeZone` as local ISO text "YYYY-MM-DDTHH:mm:ss.sss" (with milliseconds, no offset).
 * @example wallClockIso(new Date('2022-11-10T13:50:16.5Z'), 'Europe/Brussels') // '2022-11-10T14:50:16.500'
 */
export function wallClockIso(instant: Date | number, timeZone: string): string {
  const { year, month, day, hour, minute, second, millisecond } = wallClockFields(instant, timeZone);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${millisecond}`;
}

/**
 * The local calendar date ("YYYY-MM-DD") and clock time ("HH:mm:ss", whole seconds) of `instant` in `timeZone`.
 * @example wallDateTime(new Date('2022-10-29T22:00:00Z'), 'Europe/Brussels') // { date: '2022-10-30', time: '00:00:00' }
 */
export function wallDateTime(instant: Date | number, timeZone: string): { date: string; time: string } {
  const { year, month, day, hour, minute, second } = wallClockFields(instant, timeZone);
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}:${second}` };
}
