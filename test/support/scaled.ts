/**
 * Exact decimals as a bigint and a scale, for property tests that compute the
 * expected value in integer arithmetic, independently of decimal.js.
 */
import fc from 'fast-check';
import { scaledText } from '../../src/testing';

/** An exact decimal as an integer and a scale: value = unscaled / 10^scale. */
export interface Scaled {
  unscaled: bigint;
  scale: number;
}

/**
 * Plain decimal text of a scaled integer, written digit by digit.
 * @example scaledValueText({ unscaled: -1n, scale: 3 }) // '-0.001'
 */
export const scaledValueText = ({ unscaled, scale }: Scaled): string => scaledText(unscaled, scale);

/**
 * Scaled decimals with |unscaled| <= `maxUnscaled` and a scale from 0 to 12.
 * @example scaledDecimalArb(10n ** 25n) // e.g. { unscaled: 123456789n, scale: 4 }, that is 12345.6789
 */
export function scaledDecimalArb(maxUnscaled: bigint): fc.Arbitrary<Scaled> {
  return fc.record({
    unscaled: fc.bigInt({ min: -maxUnscaled, max: maxUnscaled }),
    scale: fc.integer({ min: 0, max: 12 }),
  });
}
