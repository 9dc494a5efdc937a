import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { emaidCheckCharacter } from '../../src/matchers/emaid';
import { chargePointSelectorSchema, selectsToken, tokenSelectorSchema, tokenSets, type TokenLookup, type TokenMatching } from '../../src/matchers/selectors';
import { chargePointKeys, chargePointSelectorKeys, tokenKeys, tokenSelectorKeys } from '../support/keys';
import type { ChargePointInput } from '../../src/model/charge-point';
import type { ChargingSession } from '../../src/model/session';
import type { TokenInput } from '../../src/model/token';
import { WHITELISTED_SESSION, sessionFrom } from '../support/sessions';

const PLAIN: TokenMatching = { reversedUids: false, verifyContractIds: false };

/** A parsed session with this token and charge point. */
function sessionWith(token: TokenInput, chargePoint: ChargePointInput = { id: 'cp_site_1' }): ChargingSession {
  return sessionFrom(WHITELISTED_SESSION, { token, chargePoint });
}

const keysOf = (token: TokenInput, matching: TokenMatching = PLAIN) => tokenKeys(sessionWith(token).token, matching);
const cpKeysOf = (chargePoint: ChargePointInput) => chargePointKeys(sessionWith({ uid: 'AA' }, chargePoint).chargePoint);

/** The messages of a failed parse. */
function messages(result: { success: boolean; error?: { issues: readonly { message: string }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.message);
}

describe('tokenSelectorSchema', () => {
  it('reads lists of uids, contract ids and groups, trimmed', () => {
    expect(tokenSelectorSchema.parse({ uids: [' 04A23B5C '], groupIds: ['acme'] })).toEqual({ uids: ['04A23B5C'], groupIds: ['acme'] });
  });

  it.each([
    ['no list at all', {}],
    ['only empty lists', { uids: [], contractIds: [], groupIds: [] }],
  ])('refuses a selector with %s: it would select no token', (_, input) => {
    expect(messages(tokenSelectorSchema.safeParse(input)).join('\n')).toMatch(/no token/);
  });

  it('refuses a list that is not a list, an empty identifier, and an unknown field', () => {
    expect(messages(tokenSelectorSchema.safeParse({ uids: '04A23B5C' }))).toEqual(['expected a list of token UIDs']);
    expect(messages(tokenSelectorSchema.safeParse({ uids: ['04A23B5C', ' '] }))).toEqual(['the token UID is empty']);
    const unknown = tokenSelectorSchema.safeParse({ uid: ['04A23B5C'] });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
  });
});

describe('chargePointSelectorSchema', () => {
  it('reads lists of ids, locations and operators', () => {
    expect(chargePointSelectorSchema.parse({ ids: ['cp_site_1'], operatorIds: ['BE*MBF'] })).toEqual({
      ids: ['cp_site_1'],
      operatorIds: ['BE*MBF'],
    });
  });

  it('refuses a selector that names no charge point', () => {
    expect(messages(chargePointSelectorSchema.safeParse({})).join('\n')).toMatch(/no charge point/);
    expect(messages(chargePointSelectorSchema.safeParse({ ids: [], locationIds: [] })).join('\n')).toMatch(/no charge point/);
  });

  it('refuses a list that is not a list', () => {
    expect(messages(chargePointSelectorSchema.safeParse({ locationIds: 'hq' }))).toEqual(['expected a list of location ids']);
  });
});

describe('tokenSelectorKeys', () => {
  it('gives one normalised key per listed identifier', () => {
    expect(
      tokenSelectorKeys({ uids: ['04:a2:3b:5c'], contractIds: ['NL-TST-C12345678-S', 'acme-1'], groupIds: ['acme'] }),
    ).toEqual(['uid:04A23B5C', 'contract:NLTSTC12345678', 'contract:ACME1', 'group:ACME']);
  });

  it('gives no key for an empty selector', () => {
    expect(tokenSelectorKeys({})).toEqual([]);
  });
});

describe('tokenKeys', () => {
  it('finds a token by UID, contract id and group', () => {
    expect(keysOf({ uid: '04a23b5c', contractId: 'nl-tst-c12345678-s', groupId: 'Acme' })).toEqual([
      'uid:04A23B5C',
      'contract:NLTSTC12345678',
      'group:ACME',
    ]);
  });

  it('adds the reversed UID only when switched on', () => {
    expect(keysOf({ uid: '04:A2:3B:5C' })).toEqual(['uid:04A23B5C']);
    expect(keysOf({ uid: '04:A2:3B:5C' }, { reversedUids: true, verifyContractIds: false })).toEqual(['uid:04A23B5C', 'uid:5C3BA204']);
  });

  it('does not repeat a palindromic UID, nor reverse one that is not whole bytes', () => {
    const reversed: TokenMatching = { reversedUids: true, verifyContractIds: false };
    expect(keysOf({ uid: 'A1B2B2A1' }, reversed)).toEqual(['uid:A1B2B2A1']);
    expect(keysOf({ uid: '0A0B0A' }, reversed)).toEqual(['uid:0A0B0A']);
    expect(keysOf({ uid: '04A23' }, reversed)).toEqual(['uid:04A23']);
    expect(keysOf({ uid: 'app-user-17' }, reversed)).toEqual(['uid:APPUSER17']);
  });

  it('drops a contract id with a wrong check character only when verification is on', () => {
    const verify: TokenMatching = { reversedUids: false, verifyContractIds: true };
    expect(keysOf({ uid: 'AA', contractId: 'NL-TST-C12345678-9' })).toEqual(['uid:AA', 'contract:NLTSTC123456789']);
    expect(keysOf({ uid: 'AA', contractId: 'NL-TST-C12345678-9' }, verify)).toEqual(['uid:AA']);
    expect(keysOf({ uid: 'AA', contractId: 'NL-TST-C12345678' }, verify)).toEqual(['uid:AA']);
    expect(keysOf({ uid: 'AA', contractId: 'NL-TST-C12345678-S' }, verify)).toEqual(['uid:AA', 'contract:NLTSTC12345678']);
  });
});

describe('chargePointSelectorKeys and chargePointKeys', () => {
  it('normalise ids, locations and operators', () => {
    expect(chargePointSelectorKeys({ ids: ['cp_site_1'], locationIds: ['hq'], operatorIds: ['BE*MBF'] })).toEqual([
      'cp:CP_SITE_1',
      'location:HQ',
      'operator:BEMBF',
    ]);
    expect(cpKeysOf({ id: 'CP_SITE_1', locationId: 'HQ', operatorId: 'be-mbf' })).toEqual(['cp:CP_SITE_1', 'location:HQ', 'operator:BEMBF']);
  });

  it('give a charge point without location or operator only its id', () => {
    expect(cpKeysOf({ id: 'cp_test2' })).toEqual(['cp:CP_TEST2']);
  });

  it('keep ids and locations apart', () => {
    expect(cpKeysOf({ id: 'hq' })).not.toContain('location:HQ');
    expect(chargePointSelectorKeys({ locationIds: ['cp_test2'] })).not.toContain('cp:CP_TEST2');
  });
});

/** Identities a random token can be drawn from; index 1 is index 0 with its bytes reversed. */
const UID_BYTES = [['04', 'A2', '3B', '5C'], ['5C', '3B', 'A2', '04'], ['DE', 'AD', 'BE', 'EF'], ['0A', '0B']] as const;
const REVERSE_OF = [1, 0, -1, -1];
const CONTRACT_BASES = ['NLTSTC12345678', 'BEMBFC12345678', 'NLTSTC87654321'] as const;
const GROUPS = ['acme', 'fleet-7'] as const;
const CP_IDS = ['cp_site_1', 'cp_test2'] as const;
const LOCATIONS = ['hq', 'home-42'] as const;
const OPERATORS = [['BE', 'MBF'], ['NL', 'TST']] as const;

/** The same characters with each letter's case chosen at random. */
function randomCase(text: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((lower) => [...text].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join(''));
}

const pick = (n: number) => fc.integer({ min: 0, max: n - 1 });

/** A UID identity written any way: random case, separators between bytes. */
const uidArb = pick(UID_BYTES.length).chain((id) =>
  fc
    .tuple(randomCase(UID_BYTES[id]!.join('')), fc.constantFrom('', ':', '-', ' ', '.'))
    .map(([cased, separator]) => ({ id, text: cased.match(/../g)!.join(separator) })),
);

/**
 * A contract identity written any way: random case, with or without dashes and check character. A wrong
 * 15th character is no check character: it makes another contract (`key`).
 */
const contractArb = fc
  .tuple(pick(CONTRACT_BASES.length), fc.boolean(), fc.boolean(), fc.boolean())
  .chain(([id, withCheck, wrongCheck, dashed]) => {
    const base = CONTRACT_BASES[id]!;
    const right = emaidCheckCharacter(base);
    const check = withCheck ? (wrongCheck ? (right === '9' ? '8' : '9') : right) : '';
    const compact = base + check;
    const text = dashed ? `${compact.slice(0, 2)}-${compact.slice(2, 5)}-${compact.slice(5, 14)}${check ? `-${check}` : ''}` : compact;
    return randomCase(text).map((cased) => ({ id, key: withCheck && wrongCheck ? `${id}+${check}` : `${id}`, verified: withCheck && !wrongCheck, text: cased }));
  });

const groupArb = pick(GROUPS.length).chain((id) => randomCase(GROUPS[id]!).map((text) => ({ id, text })));
const cpIdArb = pick(CP_IDS.length).chain((id) => randomCase(CP_IDS[id]!).map((text) => ({ id, text })));
const locationArb = pick(LOCATIONS.length).chain((id) => randomCase(LOCATIONS[id]!).map((text) => ({ id, text })));
const operatorArb = fc
  .tuple(pick(OPERATORS.length), fc.constantFrom('*', '-', '', ' * '))
  .chain(([id, separator]) => randomCase(OPERATORS[id]!.join(separator)).map((text) => ({ id, text })));

const listArb = <T>(item: fc.Arbitrary<T>) => fc.option(fc.array(item, { maxLength: 3 }), { nil: undefined });

describe('properties', () => {
  it('a token matches a selector exactly when one of its identifiers is listed (keys agree with a direct comparison)', () => {
    fc.assert(
      fc.property(
        fc.record({ uids: listArb(uidArb), contractIds: listArb(contractArb), groupIds: listArb(groupArb) }),
        fc.record({ uid: uidArb, contract: fc.option(contractArb, { nil: undefined }), group: fc.option(groupArb, { nil: undefined }) }),
        fc.boolean(),
        fc.boolean(),
        (selector, token, reversedUids, verifyContractIds) => {
          const keys = new Set(
            tokenSelectorKeys({
              uids: selector.uids?.map((u) => u.text),
              contractIds: selector.contractIds?.map((c) => c.text),
              groupIds: selector.groupIds?.map((g) => g.text),
            }),
          );
          const presented = keysOf(
            { uid: token.uid.text, contractId: token.contract?.text, groupId: token.group?.text },
            { reversedUids, verifyContractIds },
          );
          const expected =
            (selector.uids ?? []).some((u) => u.id === token.uid.id || (reversedUids && u.id === REVERSE_OF[token.uid.id])) ||
            (token.contract !== undefined &&
              (!verifyContractIds || token.contract.verified) &&
              (selector.contractIds ?? []).some((c) => c.key === token.contract!.key)) ||
            (token.group !== undefined && (selector.groupIds ?? []).some((g) => g.id === token.group!.id));
          expect(presented.some((key) => keys.has(key))).toBe(expected);
        },
      ),
    );
  });

  it('selectsToken finds a token in short lists (scanned) and long ones (a set) alike', () => {
    const pool: fc.Arbitrary<string> = fc.constantFrom('04A2', '3BA2', 'NLTSTC1', 'ACME', 'FLEET1', 'X', 'Y', 'Z', 'W', 'V', 'U', 'T');
    const kind = fc.uniqueArray(pool, { maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({ uids: kind, contractIds: kind, groupIds: kind }),
        fc.record({ uid: pool, reversedUid: fc.option(pool), contractId: fc.option(pool), groupId: fc.option(pool) }),
        (identifiers, token: TokenLookup) => {
          const expected =
            identifiers.uids.includes(token.uid) ||
            (token.reversedUid !== null && identifiers.uids.includes(token.reversedUid)) ||
            (token.contractId !== null && identifiers.contractIds.includes(token.contractId)) ||
            (token.groupId !== null && identifiers.groupIds.includes(token.groupId));
          expect(selectsToken(tokenSets(identifiers), token)).toBe(expected);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('a charge point matches a selector exactly when its id, location or operator is listed', () => {
    fc.assert(
      fc.property(
        fc.record({ ids: listArb(cpIdArb), locationIds: listArb(locationArb), operatorIds: listArb(operatorArb) }),
        fc.record({ id: cpIdArb, location: fc.option(locationArb, { nil: undefined }), operator: fc.option(operatorArb, { nil: undefined }) }),
        (selector, chargePoint) => {
          const keys = new Set(
            chargePointSelectorKeys({
              ids: selector.ids?.map((c) => c.text),
              locationIds: selector.locationIds?.map((l) => l.text),
              operatorIds: selector.operatorIds?.map((o) => o.text),
            }),
          );
          const presented = cpKeysOf({ id: chargePoint.id.text, locationId: chargePoint.location?.text, operatorId: chargePoint.operator?.text });
          const expected =
            (selector.ids ?? []).some((c) => c.id === chargePoint.id.id) ||
            (chargePoint.location !== undefined && (selector.locationIds ?? []).some((l) => l.id === chargePoint.location!.id)) ||
            (chargePoint.operator !== undefined && (selector.operatorIds ?? []).some((o) => o.id === chargePoint.operator!.id));
          expect(presented.some((key) => keys.has(key))).toBe(expected);
        },
      ),
    );
  });

  it('the schema accepts a selector exactly when it lists at least one identifier, and keeps what it lists', () => {
    fc.assert(
      fc.property(fc.record({ uids: listArb(uidArb), contractIds: listArb(contractArb), groupIds: listArb(groupArb) }), (generated) => {
        const input = {
          ...(generated.uids && { uids: generated.uids.map((u) => u.text) }),
          ...(generated.contractIds && { contractIds: generated.contractIds.map((c) => c.text) }),
          ...(generated.groupIds && { groupIds: generated.groupIds.map((g) => g.text) }),
        };
        const listed = (input.uids?.length ?? 0) + (input.contractIds?.length ?? 0) + (input.groupIds?.length ?? 0);
        const result = tokenSelectorSchema.safeParse(input);
        expect(result.success).toBe(listed > 0);
        if (result.success) {
          // Every identifier listed is named, each once (the same identifier written twice is one).
          const keys = tokenSelectorKeys(result.data);
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys.length).toBeGreaterThan(0);
          expect(keys.length).toBeLessThanOrEqual(listed);
        }
      }),
    );
  });
});
