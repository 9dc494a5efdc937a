/**
 * Number text the fast way: a locale's number format read once, then every
 * figure written by string joins, byte for byte as the format would write it.
 */

/**
 * How a number format writes a plain decimal text: its signs, separators and
 * fraction padding, read once from Intl. Writing by it is a few string joins
 * where Intl would parse and lay out the number on every call.
 */
export interface NumberShape {
  readonly prefix: string;
  readonly suffix: string;
  readonly negativePrefix: string;
  readonly negativeSuffix: string;
  readonly group: string;
  readonly decimal: string;
  readonly minFraction: number;
}

/** Parts of a formatted number that are the number itself; every other part is a sign, a currency or a space around it. */
const NUMBER_PARTS: ReadonlySet<string> = new Set(['integer', 'group', 'decimal', 'fraction']);

/** The shape of a format, or null when it writes numbers in a way the shape cannot express (no group separator seen). */
function readShape(format: Intl.NumberFormat): NumberShape | null {
  const { minimumFractionDigits = 0, maximumFractionDigits = 0 } = format.resolvedOptions();
  const probe = maximumFractionDigits > 0 ? 1234567.5 : 1234567;
  const [prefix, suffix, group, decimal] = affixes(format.formatToParts(probe));
  const [negativePrefix, negativeSuffix] = affixes(format.formatToParts(-probe));
  if (group === '' || (maximumFractionDigits > 0 && decimal === '')) return null;
  return { prefix, suffix, negativePrefix, negativeSuffix, group, decimal, minFraction: minimumFractionDigits };
}

/** What comes before and after the number, and its group and decimal separators. */
function affixes(parts: readonly Intl.NumberFormatPart[]): [before: string, after: string, group: string, decimal: string] {
  let before = '';
  let after = '';
  let group = '';
  let decimal = '';
  let seenNumber = false;
  for (const { type, value } of parts) {
    if (NUMBER_PARTS.has(type)) {
      seenNumber = true;
      if (type === 'group') group = value;
      else if (type === 'decimal') decimal = value;
    } else if (seenNumber) after += value;
    else before += value;
  }
  return [before, after, group, decimal];
}

/** Writes a plain decimal text ("-1234.5") by a shape: groups of three, the separators, the fraction padded with zeros. */
function writeByShape(plain: string, shape: NumberShape): string {
  const negative = plain.charCodeAt(0) === 45; // '-'
  const start = negative ? 1 : 0;
  const point = plain.indexOf('.');
  const integerEnd = point < 0 ? plain.length : point;
  let fraction = point < 0 ? '' : plain.slice(point + 1);
  if (fraction.length < shape.minFraction) fraction = fraction.padEnd(shape.minFraction, '0');
  const head = (integerEnd - start) % 3 || 3;
  let text = plain.slice(start, start + head);
  for (let at = start + head; at < integerEnd; at += 3) text += shape.group + plain.slice(at, at + 3);
  if (fraction !== '') text += shape.decimal + fraction;
  return negative ? shape.negativePrefix + text + shape.negativeSuffix : shape.prefix + text + shape.suffix;
}

/** Plain decimal texts that a format's shape must write exactly as the format does before it stands in for it. */
const PROBES: readonly string[] = ['0', '1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '1234567890', '0.5', '0.05', '0.001', '12.25', '1234.5', '1234.56', '1234.567', '1000000.001'].flatMap(
  (text) => (text === '0' ? [text] : [text, `-${text}`]),
);

const fractionDigits = (plain: string): number => {
  const point = plain.indexOf('.');
  return point < 0 ? 0 : plain.length - point - 1;
};

/**
 * The shape of a format when writing by it gives what the format gives on
 * every probe: Latin digits, groups of three from the first thousand, fixed
 * signs and currency. Null for a format that writes otherwise (Indian
 * grouping, Spanish "1234", Arabic digits).
 *
 * @example
 * verifiedShape(new Intl.NumberFormat('de'))?.group; // => '.'
 * verifiedShape(new Intl.NumberFormat('en-IN')); // => null
 */
export function verifiedShape(format: Intl.NumberFormat): NumberShape | null {
  const shape = readShape(format);
  if (shape === null) return null;
  const shown = format.resolvedOptions().maximumFractionDigits ?? 0;
  const agrees = PROBES.every((plain) => fractionDigits(plain) > shown || writeByShape(plain, shape) === format.format(plain as unknown as number));
  return agrees ? shape : null;
}

/**
 * A writer of plain decimal texts (as `Decimal#toFixed` writes them, with no
 * more fraction digits than the format shows) that gives what
 * `format.format(text)` gives: by the format's verified shape where it has
 * one, by the format itself otherwise.
 *
 * @example
 * const write = numberWriter(new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }));
 * write('-1234.5'); // => '-1\u202f234,50\u00a0€'
 */
export function numberWriter(format: Intl.NumberFormat): (plain: string) => string {
  const shape = verifiedShape(format);
  // Intl.NumberFormat reads a decimal string exactly (ES2023, Node 20).
  return shape === null ? (plain) => format.format(plain as unknown as number) : (plain) => writeByShape(plain, shape);
}
