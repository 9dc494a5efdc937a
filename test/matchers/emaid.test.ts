import { ConfigError } from '../../src/errors';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { emaidCheckCharacter, isValidEmaid } from '../../src/matchers/emaid';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `0123456789${LETTERS}`;

describe('emaidCheckCharacter', () => {
  it('computes the example from the Check Digit Calculation for Contract-IDs document', () => {
    // Examples from the Check Digit Calculation for Contract-IDs document: DE-83D-UIEN83QGZ-D.
    expect(emaidCheckCharacter('DE83DUIEN83QGZ')).toBe('D');
    expect(emaidCheckCharacter('DE-83D-UIEN83QGZ')).toBe('D');
  });

  it.each([
    // Published reference vectors for the same algorithm.
    ['NN123ABCDEFGHI', 'T'],
    ['FRXYZ123456789', '2'],
    ['ITA1B2C3E4F5G6', '4'],
    ['ESZU8WOX834H1D', 'R'],
    ['PT73902837ABCZ', 'Z'],
    ['DE83DUIEN83ZGQ', 'M'],
    ['DE8AA001234567', '0'],
    // eMI3 standard v1.0, Part 2 (business objects), eMA ID syntax example DE-8AA-CA2B3C4D5-L.
    ['DE-8AA-CA2B3C4D5', 'L'],
  ])('computes %s -> %s', (base, expected) => {
    expect(emaidCheckCharacter(base)).toBe(expected);
  });

  it('computes S for the domain examples', () => {
    expect(emaidCheckCharacter('NL-TST-C12345678')).toBe('S');
    expect(emaidCheckCharacter('BE-MBF-C12345678')).toBe('S');
  });

  it('ignores case and dashes', () => {
    expect(emaidCheckCharacter('nl-tst-c12345678')).toBe('S');
    expect(emaidCheckCharacter('NLTSTC12345678')).toBe('S');
    expect(emaidCheckCharacter('nLtStC12345678')).toBe('S');
  });

  it('does not require letters in the country code (it only computes)', () => {
    expect(emaidCheckCharacter('12TSTC12345678')).toMatch(/^[0-9A-Z]$/);
  });

  it.each([
    ['too short', 'NL-TST-C1234567'],
    ['too long', 'NL-TST-C123456789'],
    ['empty', ''],
    ['only dashes', '--------------'],
    ['a full id with its check character', 'NL-TST-C12345678-S'],
    ['another separator', 'NL*TST*C12345678'],
    ['spaces', 'NL TST C12345678'],
    ['non-ASCII letters', 'NL-TST-C1234567ß'],
    ['a character that upper-cases to ASCII', 'NL-TST-C1234567ſ'],
  ])('throws a ConfigError for %s', (_, base) => {
    expect(() => emaidCheckCharacter(base)).toThrow(ConfigError);
    expect(() => emaidCheckCharacter(base)).toThrow(/needs exactly 14 letters or digits/);
  });

  it('names the received value in the error', () => {
    expect(() => emaidCheckCharacter('NL-TST-C1234')).toThrow('received "NL-TST-C1234"');
  });
});

describe('isValidEmaid', () => {
  it('accepts the domain examples', () => {
    expect(isValidEmaid('NL-TST-C12345678-S')).toBe(true);
    expect(isValidEmaid('BE-MBF-C12345678-S')).toBe(true);
  });

  it('refuses the domain examples with a trailing 9', () => {
    expect(isValidEmaid('NL-TST-C12345678-9')).toBe(false);
    expect(isValidEmaid('BE-MBF-C12345678-9')).toBe(false);
  });

  it.each([
    // Examples from the Check Digit Calculation for Contract-IDs document.
    'DE83DUIEN83QGZD',
    'DE-83D-UIEN83QGZ-D',
    // Published reference vectors.
    'NN123ABCDEFGHIT',
    'FRXYZ1234567892',
    'ITA1B2C3E4F5G64',
    'ESZU8WOX834H1DR',
    'PT73902837ABCZZ',
    'DE83DUIEN83ZGQM',
    'DE8AA0012345670',
    'DE-8AA-CA2B3C4D5-L',
  ])('accepts %s', (id) => {
    expect(isValidEmaid(id)).toBe(true);
  });

  it.each([
    ['a wrong check character', 'DE83DUIEN83QGZM'],
    ['adjacent characters swapped', 'DE83DUIEN83GQZD'],
    ['a single character changed', 'DE83DUIEN84QGZD'],
  ])('refuses %s', (_, id) => {
    expect(isValidEmaid(id)).toBe(false);
  });

  it('ignores case and dashes (dashes may stand anywhere)', () => {
    expect(isValidEmaid('nl-tst-c12345678-s')).toBe(true);
    expect(isValidEmaid('NLTSTC12345678S')).toBe(true);
    expect(isValidEmaid('Nl-TsT-c12345678s')).toBe(true);
    expect(isValidEmaid('NLTST-C12345678S')).toBe(true);
    expect(isValidEmaid('-NL--TST-C12345678-S-')).toBe(true);
  });

  it('refuses a country code that is not two letters, even with the right check character', () => {
    const base = '12TSTC12345678';
    expect(isValidEmaid(base + emaidCheckCharacter(base))).toBe(false);
    const base2 = 'N1TSTC12345678';
    expect(isValidEmaid(base2 + emaidCheckCharacter(base2))).toBe(false);
  });

  it.each([
    ['the base alone', 'NL-TST-C12345678'],
    ['an extra character', 'NL-TST-C12345678-SS'],
    ['an empty string', ''],
    ['another separator', 'NL*TST*C12345678*S'],
    ['spaces', 'NL TST C12345678 S'],
    ['surrounding whitespace', ' NL-TST-C12345678-S '],
    ['an underscore', 'NL_TST_C12345678_S'],
    ['a character that upper-cases to the check character', 'NL-TST-C12345678-ſ'],
    ['a full-width letter', 'NL-TST-C12345678-Ｓ'],
  ])('refuses %s', (_, id) => {
    expect(isValidEmaid(id)).toBe(false);
  });

  it('returns false rather than throwing for values that are not strings (untyped callers)', () => {
    expect(isValidEmaid(undefined as unknown as string)).toBe(false);
    expect(isValidEmaid(42 as unknown as string)).toBe(false);
    expect(isValidEmaid({ toString: () => 'NL-TST-C12345678-S' } as unknown as string)).toBe(false);
  });
});

describe('properties', () => {
  const letter = fc.constantFrom(...LETTERS.split(''));
  const alnum = fc.constantFrom(...ALNUM.split(''));
  /** A base: 2 letters then 12 letters or digits, uppercase, no dashes. */
  const base = fc
    .tuple(fc.array(letter, { minLength: 2, maxLength: 2 }), fc.array(alnum, { minLength: 12, maxLength: 12 }))
    .map(([country, rest]) => [...country, ...rest].join(''));
  /** The same text with each letter's case chosen at random. */
  const anyCase = (text: string) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((lower) => [...text].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join(''));
  const dashed = (id: string) => `${id.slice(0, 2)}-${id.slice(2, 5)}-${id.slice(5, 14)}-${id.slice(14)}`;
  const complete = (b: string) => b + emaidCheckCharacter(b);
  /** Shape of a normalised id, so that the error properties below test the check character, not the shape. */
  const wellFormed = (id: string) => /^[A-Z]{2}[A-Z0-9]{13}$/.test(id);
  const replaceAt = (text: string, changes: Record<number, string>) =>
    [...text].map((c, i) => changes[i] ?? c).join('');
  /** The character c, if any, for which prefix + c + suffix has c as its check character (builds twins ending on the check character). */
  const selfChecking = (prefix: string, suffix: string) =>
    [...ALNUM].find((c) => emaidCheckCharacter(prefix + c + suffix) === c);

  it('the check character is one uppercase letter or digit', () => {
    fc.assert(
      fc.property(base, (b) => {
        expect(emaidCheckCharacter(b)).toMatch(/^[0-9A-Z]$/);
      }),
    );
  });

  it('base + computed check character is valid, in any case, with or without dashes', () => {
    fc.assert(
      fc.property(
        base.chain((b) => fc.tuple(fc.constant(complete(b)), anyCase(complete(b)))),
        ([id, mixed]) => {
          expect(isValidEmaid(id)).toBe(true);
          expect(isValidEmaid(id.toLowerCase())).toBe(true);
          expect(isValidEmaid(mixed)).toBe(true);
          expect(isValidEmaid(dashed(id))).toBe(true);
          expect(isValidEmaid(dashed(mixed))).toBe(true);
        },
      ),
    );
  });

  it('the check character does not depend on case or dashes in the base', () => {
    fc.assert(
      fc.property(
        base.chain((b) => fc.tuple(fc.constant(b), anyCase(b))),
        ([b, mixed]) => {
          const expected = emaidCheckCharacter(b);
          expect(emaidCheckCharacter(mixed)).toBe(expected);
          expect(emaidCheckCharacter(`${mixed.slice(0, 2)}-${mixed.slice(2, 5)}-${mixed.slice(5)}`)).toBe(expected);
        },
      ),
    );
  });

  it('any check character other than the computed one is never valid', () => {
    fc.assert(
      fc.property(base, alnum, fc.boolean(), (b, other, lower) => {
        fc.pre(other !== emaidCheckCharacter(b));
        expect(isValidEmaid(b + other)).toBe(false);
        expect(isValidEmaid(lower ? (b + other).toLowerCase() : dashed(b + other))).toBe(false);
      }),
    );
  });

  // Single errors: each position's weight P1^k, P2^k is invertible, so changing any one of the
  // 15 characters (check character included) changes the check sums.
  it('changing any single character of a valid id makes it invalid', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 14 }), alnum, (b, position, replacement) => {
        const id = complete(b);
        const corrupted = replaceAt(id, { [position]: replacement });
        fc.pre(corrupted !== id && wellFormed(corrupted));
        expect(isValidEmaid(corrupted)).toBe(false);
      }),
    );
  });

  // Two-character errors: P^k - P^(k+1), P^k + P^(k+1), P^k - P^(k+2) and P^k + P^(k+2) are
  // invertible for both matrices, so these errors are detected at every position.
  it('swapping two different adjacent characters of a valid id makes it invalid', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 13 }), (b, i) => {
        const id = complete(b);
        const a = id.charAt(i);
        const c = id.charAt(i + 1);
        fc.pre(a !== c);
        const corrupted = replaceAt(id, { [i]: c, [i + 1]: a });
        fc.pre(wellFormed(corrupted));
        expect(isValidEmaid(corrupted)).toBe(false);
      }),
    );
  });

  it('changing a twin (aa -> bb) in a valid id makes it invalid', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 13 }), alnum, (b, i, twin) => {
        let id: string;
        if (i + 1 < 14) {
          id = complete(replaceAt(b, { [i + 1]: b.charAt(i) }));
        } else {
          const a = selfChecking(b.slice(0, 13), '');
          fc.pre(a !== undefined);
          id = `${b.slice(0, 13)}${a}${a}`;
        }
        expect(isValidEmaid(id)).toBe(true);
        expect(id.charAt(i)).toBe(id.charAt(i + 1));
        fc.pre(twin !== id.charAt(i));
        const corrupted = replaceAt(id, { [i]: twin, [i + 1]: twin });
        fc.pre(wellFormed(corrupted));
        expect(isValidEmaid(corrupted)).toBe(false);
      }),
    );
  });

  it('a jump transposition (abc -> cba) in a valid id makes it invalid', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 12 }), (b, i) => {
        const id = complete(b);
        const a = id.charAt(i);
        const c = id.charAt(i + 2);
        fc.pre(a !== c);
        const corrupted = replaceAt(id, { [i]: c, [i + 2]: a });
        fc.pre(wellFormed(corrupted));
        expect(isValidEmaid(corrupted)).toBe(false);
      }),
    );
  });

  it('changing a jump twin (aca -> bcb) in a valid id makes it invalid', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 12 }), alnum, (b, i, twin) => {
        let id: string;
        if (i + 2 < 14) {
          id = complete(replaceAt(b, { [i + 2]: b.charAt(i) }));
        } else {
          const a = selfChecking(b.slice(0, 12), b.charAt(13));
          fc.pre(a !== undefined);
          id = `${b.slice(0, 12)}${a}${b.charAt(13)}${a}`;
        }
        expect(isValidEmaid(id)).toBe(true);
        expect(id.charAt(i)).toBe(id.charAt(i + 2));
        fc.pre(twin !== id.charAt(i));
        const corrupted = replaceAt(id, { [i]: twin, [i + 2]: twin });
        fc.pre(wellFormed(corrupted));
        expect(isValidEmaid(corrupted)).toBe(false);
      }),
    );
  });

  it('isValidEmaid never throws, and accepts only 15 ASCII letters or digits once dashes are removed', () => {
    const accepted = (text: string) => {
      const valid = isValidEmaid(text);
      if (valid) expect(text.replace(/-/g, '')).toMatch(/^[A-Za-z]{2}[A-Za-z0-9]{13}$/);
      return valid;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(() => accepted(text)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => accepted(fc.stringify(value))).not.toThrow();
        expect(() => isValidEmaid(value as string)).not.toThrow();
      }),
    );
    // Near misses: strings over the id's own characters, dashes and look-alikes.
    const nearChar = fc.constantFrom(...'NLTSCS12345678-nltsſıＳß '.split(''));
    fc.assert(
      fc.property(fc.array(nearChar, { maxLength: 20 }), (chars) => {
        expect(() => accepted(chars.join(''))).not.toThrow();
      }),
    );
  });
});
