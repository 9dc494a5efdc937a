import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { emaidCheckCharacter } from '../../src/matchers/emaid';
import {
  normaliseContractId,
  normaliseId,
  normaliseOperatorId,
  normaliseUid,
  reverseUidBytes,
} from '../../src/matchers/normalise';
import { chargePointLookup, tokenLookup, tokenSelectorIdentifiers, type TokenMatching } from '../../src/matchers/selectors';
import { tokenKeys, tokenSelectorKeys } from '../support/keys';
import { findWhitelistEntry, indexWhitelist, whitelistEntrySchema } from '../../src/matchers/whitelist';
import type { WhitelistEntryInput } from '../../src/matchers/whitelist';
import type { ChargingSession } from '../../src/model/session';
import type { TokenInput } from '../../src/model/token';
import { WHITELISTED_SESSION, sessionFrom } from '../support/sessions';

const PLAIN: TokenMatching = { reversedUids: false, verifyContractIds: false };
const REVERSED: TokenMatching = { reversedUids: true, verifyContractIds: false };

/** A session at the company site, started with `token`. */
function sessionWith(token: TokenInput): ChargingSession {
  return sessionFrom(WHITELISTED_SESSION, { token });
}

/** A whitelist entry for the company site charge point and these tokens. */
function entryFor(id: string, tokens: WhitelistEntryInput['tokens']) {
  return whitelistEntrySchema.parse({ id, tokens, chargePoints: { ids: ['cp_site_1'] } });
}

/** The id of the whitelist entry (among `entries`) that makes the session free, or null. */
function matchedId(entries: ReturnType<typeof entryFor>[], token: TokenInput, matching: TokenMatching): string | null {
  const session = sessionWith(token);
  return findWhitelistEntry(indexWhitelist(entries), session, tokenLookup(session.token, matching), chargePointLookup(session.chargePoint))?.id ?? null;
}

describe('normaliseUid', () => {
  it.each(['04:a2:3b', '04A23B', '04-a2-3b', '04 A2 3B', '04.a2.3b', '04a23b', ' 04:A2:3B '])('reads %j as 04A23B', (uid) => {
    expect(normaliseUid(uid)).toBe('04A23B');
  });

  it('keeps the digits and the order of the bytes', () => {
    expect(normaliseUid('3b:a2:04')).toBe('3BA204');
    expect(normaliseUid('04:A2:3B:5C:1D:80:00')).toBe('04A23B5C1D8000');
  });

  it('makes the four formattings from the domain one whitelist key', () => {
    const entries = [entryFor('wl-1', { uids: ['04:a2:3b'] })];
    for (const uid of ['04:a2:3b', '04A23B', '04-a2-3b', '04 A2 3B']) {
      expect(matchedId(entries, { uid }, PLAIN)).toBe('wl-1');
    }
    expect(matchedId(entries, { uid: '04:a2:3c' }, PLAIN)).toBeNull();
  });
});

describe('reverseUidBytes', () => {
  it('reverses the byte order, not the characters', () => {
    expect(reverseUidBytes('04A23B')).toBe('3BA204');
    expect(reverseUidBytes('04A23B5C')).toBe('5C3BA204');
  });

  it('leaves a single byte as it is', () => {
    expect(reverseUidBytes('04')).toBe('04');
  });

  it.each([
    ['an odd number of hex digits', '04A23'],
    ['a non-hex character', '04A23G'],
    ['lower case (not normalised)', '04a23b'],
    ['separators (not normalised)', '04:A2'],
    ['nothing', ''],
  ])('gives null for %s', (_, uid) => {
    expect(reverseUidBytes(uid)).toBeNull();
  });
});

describe('normaliseContractId', () => {
  it('drops case and dashes', () => {
    expect(normaliseContractId('NL-TST-C12345678')).toBe('NLTSTC12345678');
    expect(normaliseContractId('nl-tst-c12345678')).toBe('NLTSTC12345678');
    expect(normaliseContractId('nltstc12345678')).toBe('NLTSTC12345678');
  });

  it('drops the check character of an EMAID', () => {
    expect(normaliseContractId('NL-TST-C12345678-S')).toBe('NLTSTC12345678');
    expect(normaliseContractId('nl-tst-c12345678-s')).toBe('NLTSTC12345678');
    expect(normaliseContractId('BE-MBF-C12345678-S')).toBe('BEMBFC12345678');
  });

  it('drops a 15th character only when it is the right check character', () => {
    expect(normaliseContractId('NL-TST-C12345678-9')).toBe('NLTSTC123456789');
    expect(normaliseContractId('ABCDEFGHIJKLMNO')).not.toBe(normaliseContractId('ABCDEFGHIJKLMNZ'));
    expect(normaliseContractId('NL-TST-C12345678-S')).toBe(normaliseContractId('NL-TST-C12345678'));
  });

  it('folds ASCII case only: Unicode case mapping never makes two ids equal', () => {
    expect(normaliseContractId('NL-TST-C12345678-ſ')).not.toBe(normaliseContractId('NL-TST-C12345678-S'));
    expect(normaliseId('ß')).not.toBe(normaliseId('SS'));
    expect(normaliseId('ß')).toBe('ß');
    expect(normaliseUid('04:ſa')).toBe('04ſA');
    expect(normaliseOperatorId('be*ı')).toBe('BEı');
    expect(normaliseId('acme-cars')).toBe('ACME-CARS');
  });

  it('keeps other contract ids whole', () => {
    expect(normaliseContractId('acme-0001')).toBe('ACME0001');
    expect(normaliseContractId('NL-TST-C1234567')).toBe('NLTSTC1234567');
    expect(normaliseContractId('NL-TST-C123456789-S')).toBe('NLTSTC123456789S');
  });

  it('matches an EMAID with its check character to the same id without it, both ways', () => {
    const withCheck = [entryFor('wl-check', { contractIds: ['NL-TST-C12345678-S'] })];
    const without = [entryFor('wl-bare', { contractIds: ['NL-TST-C12345678'] })];
    expect(matchedId(withCheck, { uid: 'AA', contractId: 'nltstc12345678' }, PLAIN)).toBe('wl-check');
    expect(matchedId(without, { uid: 'AA', contractId: 'NL-TST-C12345678-S' }, PLAIN)).toBe('wl-bare');
    expect(matchedId(without, { uid: 'AA', contractId: 'BE-MBF-C12345678-S' }, PLAIN)).toBeNull();
  });
});

describe('normaliseId and normaliseOperatorId', () => {
  it('compares other identifiers without case or surrounding spaces', () => {
    expect(normaliseId(' acme ')).toBe('ACME');
    expect(normaliseId('cp_test2')).toBe('CP_TEST2');
    expect(normaliseId('home-42')).toBe('HOME-42');
  });

  it('compares operators without their separators', () => {
    expect(normaliseOperatorId('BE*MBF')).toBe('BEMBF');
    expect(normaliseOperatorId('be-mbf')).toBe('BEMBF');
    expect(normaliseOperatorId('BE MBF')).toBe('BEMBF');
  });
});

const HEX = '0123456789ABCDEF';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `0123456789${LETTERS}`;

const byteArb = fc.integer({ min: 0, max: 255 }).map((b) => HEX[b >> 4]! + HEX[b & 15]!);
const bytesArb = fc.array(byteArb, { minLength: 1, maxLength: 10 });
const separatorsArb = fc.array(fc.constantFrom(':', '-', ' ', '.'), { maxLength: 2 }).map((s) => s.join(''));

/** The same characters with each letter's case chosen at random. */
function randomCase(text: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((lower) => [...text].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join(''));
}

/** A UID written with random case and random separators between its bytes. */
function formattedUid(bytes: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(randomCase(bytes.join('')), fc.array(separatorsArb, { minLength: bytes.length, maxLength: bytes.length }))
    .map(([cased, separators]) => bytes.map((_, i) => (i > 0 ? separators[i]! : '') + cased.slice(2 * i, 2 * i + 2)).join(''));
}

/** A contract id written with random case and random dashes anywhere. */
function formattedContractId(compact: string): fc.Arbitrary<string> {
  const dashes = fc.array(fc.constantFrom('', '', '-', '--'), { minLength: compact.length + 1, maxLength: compact.length + 1 });
  return fc
    .tuple(randomCase(compact), dashes)
    .map(([cased, inserted]) => [...cased].map((c, i) => inserted[i]! + c).join('') + inserted[compact.length]!);
}

const alnum = (min: number, max: number) =>
  fc.array(fc.constantFrom(...ALNUM), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

/** The 14-character base of an EMAID: country, provider, instance. */
const emaidBaseArb = fc
  .tuple(fc.array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 2 }), alnum(12, 12))
  .map(([country, rest]) => country.join('') + rest);

describe('properties', () => {
  it('any formatting of a UID gives the same keys and matches the same whitelist entry', () => {
    fc.assert(
      fc.property(
        bytesArb.chain((bytes) => fc.tuple(fc.constant(bytes), formattedUid(bytes), formattedUid(bytes))),
        ([bytes, configured, presented]) => {
          const canonical = bytes.join('');
          expect(normaliseUid(presented)).toBe(canonical);
          expect(tokenSelectorKeys({ uids: [configured] })).toEqual([`uid:${canonical}`]);
          expect(tokenKeys(sessionWith({ uid: presented }).token, PLAIN)).toEqual([`uid:${canonical}`]);
          const entries = [entryFor('wl-other', { uids: ['FFFFFFFFFFFFFFFFFFFFFF'] }), entryFor('wl-1', { uids: [configured] })];
          expect(matchedId(entries, { uid: presented }, PLAIN)).toBe('wl-1');
        },
      ),
    );
  });

  it('any formatting of a contract id gives the same key and matches the same whitelist entry', () => {
    fc.assert(
      fc.property(
        alnum(1, 20).chain((compact) => fc.tuple(fc.constant(compact), formattedContractId(compact), formattedContractId(compact))),
        ([compact, configured, presented]) => {
          expect(normaliseContractId(presented)).toBe(normaliseContractId(compact));
          expect(tokenSelectorKeys({ contractIds: [configured] })).toEqual([`contract:${normaliseContractId(compact)}`]);
          const entries = [entryFor('wl-1', { contractIds: [configured] })];
          expect(matchedId(entries, { uid: 'AA', contractId: presented }, PLAIN)).toBe('wl-1');
        },
      ),
    );
  });

  it('an EMAID with its check character, in any formatting, matches the entry for the id without it (and back)', () => {
    fc.assert(
      fc.property(
        emaidBaseArb.chain((base) => {
          const full = base + emaidCheckCharacter(base);
          return fc.tuple(fc.constant(base), fc.boolean(), formattedContractId(full), formattedContractId(base));
        }),
        ([base, fullConfigured, full, bare]) => {
          expect(normaliseContractId(full)).toBe(base);
          expect(normaliseContractId(bare)).toBe(base);
          const [configured, presented] = fullConfigured ? [full, bare] : [bare, full];
          const entries = [entryFor('wl-1', { contractIds: [configured] })];
          expect(matchedId(entries, { uid: 'AA', contractId: presented }, PLAIN)).toBe('wl-1');
          expect(matchedId(entries, { uid: 'AA', contractId: presented }, { reversedUids: false, verifyContractIds: true })).toBe(
            fullConfigured ? null : 'wl-1',
          );
        },
      ),
    );
  });

  it('a reversed UID matches only when reversed UIDs are switched on', () => {
    fc.assert(
      fc.property(
        bytesArb
          .filter((bytes) => bytes.join('') !== [...bytes].reverse().join(''))
          .chain((bytes) => fc.tuple(fc.constant(bytes), formattedUid([...bytes].reverse()))),
        ([bytes, reversed]) => {
          const canonical = bytes.join('');
          expect(reverseUidBytes(normaliseUid(reversed))).toBe(canonical);
          const entries = [entryFor('wl-1', { uids: [canonical] })];
          expect(matchedId(entries, { uid: reversed }, REVERSED)).toBe('wl-1');
          expect(matchedId(entries, { uid: reversed }, PLAIN)).toBeNull();
        },
      ),
    );
  });

  it('reversing the bytes twice gives the UID back', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const uid = bytes.join('');
        const once = reverseUidBytes(uid);
        expect(once).not.toBeNull();
        expect(once!.length).toBe(uid.length);
        expect(reverseUidBytes(once!)).toBe(uid);
      }),
    );
  });
});
