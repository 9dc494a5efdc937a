import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier';
import { parseSession } from '../../src/model/session';
import { fromOcpiToken } from '../../src/ocpi/from-token';
import { tokenSelectorFromOcpi } from '../../src/ocpi/token-selector';
import type { OcpiReadResult } from '../../src/ocpi/warnings';
import { SESSION_BY_HAND, TOKEN_211, TOKEN_221, without } from './fixtures';

const issuesOf = (result: OcpiReadResult<unknown>) => (result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })));

describe('fromOcpiToken', () => {
  it('reads a 2.2.1 / 2.3.0 Token: uid, contract_id, group_id, type', () => {
    for (const version of [undefined, '2.2.1', '2.3.0'] as const) {
      expect(fromOcpiToken(TOKEN_221, version ? { version } : {})).toEqual({
        success: true,
        data: { uid: '04A23B5C', contractId: 'NL-TST-C12345678-S', groupId: 'acme-company-cars', type: 'RFID', authorization: 'Accepted' },
        warnings: [],
      });
    }
  });

  it('reads a 2.1.1 Token: auth_id is the contract id; no group', () => {
    expect(fromOcpiToken(TOKEN_211)).toEqual({
      success: true,
      data: { uid: '04A23B5C', contractId: 'NL-TST-C12345678-S', type: 'RFID', authorization: 'Accepted' },
      warnings: [],
    });
  });

  it('a Token that is not valid is Invalid; the whitelist field changes nothing', () => {
    expect(fromOcpiToken({ ...TOKEN_221, valid: false }).data?.authorization).toBe('Invalid');
    for (const whitelist of ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER']) {
      expect(fromOcpiToken({ ...TOKEN_221, whitelist })).toEqual(fromOcpiToken(TOKEN_221));
    }
  });

  it('a Token lacking mandatory fields is read with token-incomplete; without uid or valid it is refused', () => {
    const incomplete = fromOcpiToken(without(TOKEN_221, 'issuer', 'party_id'));
    expect(incomplete.success).toBe(true);
    expect(incomplete.warnings).toEqual([{ code: 'token-incomplete', message: 'the Token lacks party_id and issuer, mandatory in OCPI 2.2.1' }]);
    expect(issuesOf(fromOcpiToken(without(TOKEN_221, 'uid', 'valid')))).toEqual([
      { path: ['valid'], message: 'the Token has no valid flag: whether it may charge is unknown' },
      { path: ['uid'], message: 'the token UID is missing' },
    ]);
    expect(issuesOf(fromOcpiToken({ ...TOKEN_211, valid: 'yes' }))).toEqual([{ path: ['valid'], message: 'expected valid as true or false, received "yes"' }]);
    expect(issuesOf(fromOcpiToken({ ...TOKEN_211, type: 'CARD' })).map((issue) => issue.path)).toEqual([['type']]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(typeof fromOcpiToken(input).success).toBe('boolean');
      }),
    );
  });
});

describe('tokenSelectorFromOcpi', () => {
  const second = { ...TOKEN_221, uid: '04C1D2E3', contract_id: 'BE-MBF-C12345678-S' };

  it('turns a token list into a selector in one call: uids and contract ids by default', () => {
    expect(tokenSelectorFromOcpi([TOKEN_221, second, TOKEN_211])).toEqual({
      success: true,
      data: { uids: ['04A23B5C', '04C1D2E3'], contractIds: ['NL-TST-C12345678-S', 'BE-MBF-C12345678-S'] },
      warnings: [],
    });
    expect(tokenSelectorFromOcpi([TOKEN_221, second], { lists: ['groupIds'] }).data).toEqual({ groupIds: ['acme-company-cars'] });
  });

  it('builds a whitelist entry that whitelists the listed tokens\' sessions', () => {
    const tokens = tokenSelectorFromOcpi([TOKEN_221]);
    if (!tokens.success) throw new Error('refused');
    const classifier = createClassifier({ whitelist: [{ id: 'wl-1', tokens: tokens.data, chargePoints: { ids: ['cp_test2'] } }] });
    const session = parseSession(SESSION_BY_HAND);
    expect(classifier.classify(session.data!).type).toBe('whitelist');
    const stranger = parseSession({ ...SESSION_BY_HAND, token: { uid: 'AABBCCDD' } });
    expect(classifier.classify(stranger.data!).type).toBe('normal');
  });

  it('leaves out tokens that are not valid, each with token-not-valid', () => {
    const result = tokenSelectorFromOcpi([{ ...TOKEN_221, valid: false }, second]);
    expect(result.data).toEqual({ uids: ['04C1D2E3'], contractIds: ['BE-MBF-C12345678-S'] });
    expect(result.warnings).toEqual([{ code: 'token-not-valid', message: 'token 04A23B5C is not valid, so it was left out', path: [0, 'valid'] }]);
  });

  it('reports every unreadable token at its index, and refuses a list with no valid token', () => {
    expect(issuesOf(tokenSelectorFromOcpi([TOKEN_221, without(TOKEN_221, 'uid'), 'card']))).toEqual([
      { path: [1, 'uid'], message: 'the token UID is missing' },
      { path: [2], message: 'expected an OCPI Token as an object, received "card"' },
    ]);
    expect(issuesOf(tokenSelectorFromOcpi([]))).toEqual([{ path: [], message: 'the list holds no valid Token, so the selector would list no token' }]);
    expect(tokenSelectorFromOcpi('tokens' as never).success).toBe(false);
  });

  it('throws ConfigError for a list name it does not know', () => {
    expect(() => tokenSelectorFromOcpi([TOKEN_221], { lists: ['ids' as never] })).toThrow(/lists: expected lists as a list of uids, contractIds, groupIds/);
  });

  it('property: every valid token read is matched by the selector; invalid ones are not listed', () => {
    const tokenArb = fc.record({ uid: fc.stringMatching(/^[0-9A-F]{8}$/), valid: fc.boolean() }).map(({ uid, valid }) => ({ ...TOKEN_221, uid, valid, contract_id: `C-${uid}` }));
    fc.assert(
      fc.property(fc.array(tokenArb, { minLength: 1, maxLength: 8 }), (tokens) => {
        const result = tokenSelectorFromOcpi(tokens);
        const valid = tokens.filter((token) => token.valid);
        expect(result.success).toBe(valid.length > 0);
        expect(result.warnings.length).toBe(tokens.length - valid.length);
        if (result.success) expect(new Set(result.data.uids)).toEqual(new Set(valid.map((token) => token.uid)));
      }),
    );
  });
});
