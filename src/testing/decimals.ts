import * as fc from 'fast-check';

/**
 * Plain decimal text of `unscaled / 10^scale`, written digit by digit
 * (independently of decimal.js), e.g. for an expected value computed in
 * integer arithmetic.
 *
 * @example scaledText(-1n, 3); // => '-0.001'
 */
export function scaledText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/**
 * Exact decimal strings within [min, max] (whole numbers) with up to
 * `maxScale` decimals, e.g. "3.667" or "-0.001".
 *
 * @example fc.sample(decimalTextArb(0, 350, 3), 20).every((text) => /^\d+(\.\d{1,3})?$/.test(text) && Number(text) <= 350); // => true
 */
export function decimalTextArb(min: number, max: number, maxScale = 4): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: maxScale }).chain((scale) => {
    const factor = 10n ** BigInt(scale);
    return fc.bigInt({ min: BigInt(min) * factor, max: BigInt(max) * factor }).map((unscaled) => scaledText(unscaled, scale));
  });
}
