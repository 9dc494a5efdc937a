import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier';
import { DEFAULT_PRECEDENCE, defaultConfig, parseClassifierConfig, type ClassifierConfigInput } from '../../src/classify/config';
import { ConfigError, formatPath, type ConfigIssue } from '../../src/errors';
import type { LicenceInput } from '../../src/matchers/licence';
import type { WhitelistEntryInput } from '../../src/matchers/whitelist';
import { validityConfigSchema } from '../../src/rules/config';
import { classifierConfigInputArb } from '../../src/testing';

/** The ConfigError that `createClassifier` throws for `input` (fails the test when it does not throw one). */
function configError(input: unknown): ConfigError {
  try {
    createClassifier(input as ClassifierConfigInput);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

const paths = (error: ConfigError) => error.issues.map((issue) => issue.path);

/** One issue at exactly `path`, whose message contains each of `words`. */
function expectIssue(error: ConfigError, path: PropertyKey[], ...words: string[]): ConfigIssue {
  const found = error.issues.filter((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  expect(found, `an issue at ${formatPath(path)} among ${JSON.stringify(paths(error))}`).toHaveLength(1);
  const [issue] = found as [ConfigIssue];
  for (const word of words) expect(issue.message).toContain(word);
  expect(error.message).toContain(`${formatPath(path)}: ${issue.message}`);
  return issue;
}

const rate = (from: string, perKWh: string, until?: string) => ({ from, perKWh, currency: 'EUR', ...(until === undefined ? {} : { until }) });

const licence = (overrides: Partial<LicenceInput> = {}): LicenceInput => ({
  id: 'lic-1',
  device: { chargePointId: 'cp_test2' },
  status: 'active',
  validFrom: '2022-11-01',
  validUntil: null,
  rates: [rate('2022-10-01', '0.6654')],
  ...overrides,
});

const entry = (overrides: Partial<WhitelistEntryInput> = {}): WhitelistEntryInput => ({
  id: 'wl-1',
  tokens: { uids: ['04A23B5C'] },
  chargePoints: { ids: ['cp_site_1'] },
  ...overrides,
});

describe('defaultConfig', () => {
  it('has the documented defaults', () => {
    // The validity defaults themselves are pinned in test/rules/config.test.ts.
    expect(defaultConfig.validity).toEqual(validityConfigSchema.parse({}));
    expect(defaultConfig.matching).toEqual({ reversedUids: false, verifyContractIds: false });
    expect(defaultConfig.splitBilling).toEqual({ licenceCoverage: 'start' });
    expect(defaultConfig.precedence).toEqual(['split-billing', 'whitelist']);
    expect(DEFAULT_PRECEDENCE).toEqual(['split-billing', 'whitelist']);
    expect(defaultConfig.licences).toEqual([]);
    expect(defaultConfig.whitelist).toEqual([]);
  });

  it('is what a classifier gets when nothing is configured', () => {
    expect(createClassifier().config).toEqual(defaultConfig);
    expect(createClassifier({}).config).toEqual(defaultConfig);
    expect(createClassifier({ validity: {}, matching: {}, splitBilling: {} }).config).toEqual(defaultConfig);
  });
});

describe('createClassifier: configuration errors', () => {
  it('throws a ConfigError whose message says how many problems there are', () => {
    const error = configError({ validity: { energyKWh: { min: '10', max: '5' } } });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(/^\[charging-sessions\] invalid configuration \(1 problem\):\n/);
    expectIssue(error, ['validity', 'energyKWh', 'min'], 'min (10) is above max (5)');
  });

  it('refuses an energy minimum above the maximum, also against the default maximum', () => {
    expectIssue(configError({ validity: { energyKWh: { min: '350.001' } } }), ['validity', 'energyKWh', 'min'], '350.001', '350');
  });

  it('refuses an unknown time zone, naming it', () => {
    const error = configError({ licences: [licence({ timeZone: 'Europe/Brusels' })], whitelist: [entry({ timeZone: 'Mars/Olympus' })] });
    expectIssue(error, ['licences', 0, 'timeZone'], '"Europe/Brusels"', 'Europe/Brussels');
    expectIssue(error, ['whitelist', 0, 'timeZone'], '"Mars/Olympus"');
    expect(error.issues).toHaveLength(2);
  });

  it('refuses a licence without rates', () => {
    expectIssue(configError({ licences: [licence({ rates: [] })] }), ['licences', 0, 'rates'], 'at least one rate');
    const { rates: _left, ...noRates } = licence();
    expectIssue(configError({ licences: [noRates] }), ['licences', 0, 'rates'], 'rates');
  });

  it('refuses a licence naming a rate schedule that is not defined', () => {
    const error = configError({ rateSchedules: { flanders: { rates: [rate('2025-01-01', '0.2822')] } }, licences: [licence({ rates: 'wallonia' })] });
    expectIssue(error, ['licences', 0, 'rates'], '"wallonia"', 'flanders');
  });

  it('refuses overlapping rate periods, and two rates from the same day', () => {
    const overlap = configError({ licences: [licence({ rates: [rate('2022-01-01', '0.30', '2022-07-01'), rate('2022-04-01', '0.32')] })] });
    expectIssue(overlap, ['licences', 0, 'rates', 0, 'until'], 'overlaps', 'index 1');
    const sameDay = configError({ licences: [licence({ rates: [rate('2022-01-01', '0.30'), rate('2022-01-01', '0.32')] })] });
    expect(paths(sameDay)).toEqual([['licences', 0, 'rates', 0, 'until']]);
  });

  it('refuses duplicate licence ids and duplicate whitelist ids, pointing at each repeat', () => {
    const error = configError({ licences: [licence(), licence()], whitelist: [entry(), entry({ id: 'wl-2' }), entry(), entry()] });
    expectIssue(error, ['licences', 1, 'id'], 'duplicate', '"lic-1"', 'licences[0]');
    expectIssue(error, ['whitelist', 2, 'id'], 'duplicate', '"wl-1"', 'whitelist[0]');
    expectIssue(error, ['whitelist', 3, 'id'], 'duplicate', '"wl-1"', 'whitelist[0]');
    expect(error.issues).toHaveLength(3);
  });

  it('refuses a whitelist entry with no token or no charge point: free charging never happens by omission', () => {
    const empty = configError({ whitelist: [entry({ tokens: {}, chargePoints: { ids: [] } })] });
    expectIssue(empty, ['whitelist', 0, 'tokens'], 'no token');
    expectIssue(empty, ['whitelist', 0, 'chargePoints'], 'no charge point');
    const { tokens: _tokens, ...noTokens } = entry();
    const { chargePoints: _chargePoints, ...noChargePoints } = entry();
    expect(paths(configError({ whitelist: [noTokens] }))).toEqual([['whitelist', 0, 'tokens']]);
    expect(paths(configError({ whitelist: [noChargePoints] }))).toEqual([['whitelist', 0, 'chargePoints']]);
  });

  it('refuses unknown keys such as a typo, naming the key', () => {
    for (const [input, where, key] of [
      [{ validity: { minDurationSecs: 60 } }, ['validity'], 'minDurationSecs'],
      [{ matching: { reversedUid: true } }, ['matching'], 'reversedUid'],
      [{ licences: [{ ...licence(), validTo: '2023-01-01' }] }, ['licences', 0], 'validTo'],
      [{ whitelists: [] }, [], 'whitelists'],
    ] as const) {
      const error = configError(input);
      expect(error.issues).toHaveLength(1);
      const [issue] = error.issues;
      expect([where, [...where, key]]).toContainEqual(issue?.path);
      expect(issue?.message).toContain(key);
      expect(error.message).toContain(key);
    }
  });

  it('refuses a precedence naming one matcher twice, or something else', () => {
    expectIssue(configError({ precedence: ['whitelist', 'whitelist'] }), ['precedence'], 'once each');
    expect(paths(configError({ precedence: ['split-billing'] }))).toEqual([['precedence']]);
    expect(paths(configError({ precedence: ['normal', 'whitelist'] }))).toEqual([['precedence', 0]]);
  });

  it('refuses a contract id without a valid check character when verifyContractIds is on', () => {
    const input = {
      matching: { verifyContractIds: true },
      licences: [licence({ tokens: { contractIds: ['NL-TST-C12345678-S', 'BE-MBF-C12345678-9'] } })],
      whitelist: [entry({ tokens: { contractIds: ['NL-TST-C12345678-9'] } })],
    };
    const error = configError(input);
    expectIssue(error, ['licences', 0, 'tokens', 'contractIds', 1], '"BE-MBF-C12345678-9"', 'check character');
    expectIssue(error, ['whitelist', 0, 'tokens', 'contractIds', 0], '"NL-TST-C12345678-9"', 'check character');
    expect(error.issues).toHaveLength(2);
    // Without verification the same ids are plain identifiers.
    expect(() => createClassifier({ ...input, matching: { verifyContractIds: false } })).not.toThrow();
  });

  it('throws one ConfigError listing every problem of the configuration at once', () => {
    const error = configError({
      validity: { energyKWh: { min: '10', max: '5' }, minDurationSecs: 60 },
      precedence: ['whitelist', 'whitelist'],
      matching: { verifyContractIds: true },
      licences: [
        licence({ id: 'lic-a', timeZone: 'Europe/Brusels' }),
        licence({ id: 'lic-b', rates: [] }),
        licence({ id: 'lic-c', rates: [rate('2022-01-01', '0.30', '2022-07-01'), rate('2022-04-01', '0.32')] }),
        licence({ id: 'lic-c' }),
        licence({ id: 'lic-d', rates: 'wallonia' }),
      ],
      whitelist: [
        entry({ tokens: {} }),
        entry({ id: 'wl-2', chargePoints: {} }),
        entry({ id: 'wl-2', tokens: { contractIds: ['NL-TST-C12345678-9'] } }),
      ],
    });
    const expected: PropertyKey[][] = [
      ['validity', 'energyKWh', 'min'],
      ['precedence'],
      ['licences', 0, 'timeZone'],
      ['licences', 1, 'rates'],
      ['licences', 2, 'rates', 0, 'until'],
      ['licences', 3, 'id'],
      ['licences', 4, 'rates'],
      ['whitelist', 0, 'tokens'],
      ['whitelist', 1, 'chargePoints'],
      ['whitelist', 2, 'id'],
      ['whitelist', 2, 'tokens', 'contractIds', 0],
    ];
    const missing = expected.filter((path) => !paths(error).some((found) => JSON.stringify(found) === JSON.stringify(path)));
    expect(missing, 'problems left out of the ConfigError').toEqual([]);
    expect(error.issues.some((issue) => issue.message.includes('minDurationSecs'))).toBe(true);
    expect(error.message).toContain(`(${error.issues.length} problems)`);
    for (const issue of error.issues) expect(error.message).toContain(`  - ${formatPath(issue.path)}: ${issue.message}`);
  });
});

describe('parseClassifierConfig', () => {
  it('never throws: it returns the problems for a portal to show', () => {
    const result = parseClassifierConfig({ validity: { energyKWh: { min: '10', max: '5' } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['validity', 'energyKWh', 'min']]);
    expect(parseClassifierConfig('not a configuration').success).toBe(false);
  });

  it('resolves licences into periods and rate schedules, shared schedules included', () => {
    const result = parseClassifierConfig({
      rateSchedules: { flanders: { rates: [rate('2025-01-01', '0.2822'), rate('2025-04-01', '0.2875')] } },
      licences: [licence({ rates: 'flanders', validFrom: '2025-01-01' })],
    });
    expect(result.success).toBe(true);
    const [resolved] = result.data?.licences ?? [];
    expect(resolved?.period.from?.toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(resolved?.rates.rates.map((r) => r.perKWh.toString())).toEqual(['0.2822', '0.2875']);
  });
});

describe('properties', () => {
  it('every generated configuration is accepted, keeping its entries in order', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, (input) => {
        const { config } = createClassifier(input);
        expect(config.licences.map((l) => l.id)).toEqual((input.licences ?? []).map((l) => l.id));
        expect(config.whitelist.map((e) => e.id)).toEqual((input.whitelist ?? []).map((e) => e.id));
        expect(config.precedence).toEqual(input.precedence ?? ['split-billing', 'whitelist']);
      }),
    );
  });

  it('repeating any licence or whitelist entry is refused, at the repeat', () => {
    fc.assert(
      fc.property(
        classifierConfigInputArb.filter((input) => (input.licences?.length ?? 0) + (input.whitelist?.length ?? 0) > 0),
        fc.nat(),
        (input, pick) => {
          const lists = (['licences', 'whitelist'] as const).filter((list) => (input[list]?.length ?? 0) > 0);
          const list = lists[pick % lists.length]!;
          const items: { id: string }[] = [...(input[list] ?? [])];
          const repeated = items[pick % items.length]!;
          const error = configError({ ...input, [list]: [...items, repeated] });
          expect(error.issues).toEqual([{ path: [list, items.length, 'id'], message: expect.stringContaining(JSON.stringify(repeated.id)) }]);
        },
      ),
    );
  });

  it('the same configuration always resolves to the same (deep-equal) result', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, (input) => {
        expect(createClassifier(input).config).toEqual(createClassifier(structuredClone(input)).config);
      }),
    );
  });
});
