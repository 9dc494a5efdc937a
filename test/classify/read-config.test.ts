/**
 * The fast path of reading a configuration gives exactly what the
 * configuration schema gives (values, key order, shared schedules), for valid
 * and invalid configurations alike: it reads the usual shapes itself and
 * hands everything else to the schema, so errors and their paths stay the
 * schema's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifierConfigSchema, parseClassifierConfig, readClassifierConfigQuickly } from '../../src/classify/config';
import { createClassifier } from '../../src/classify/classifier';
import { ConfigError } from '../../src/errors';
import { sampleConfig } from '../../src/sample';
import { classifierConfigInputArb } from '../../src/testing';
import { paths, replaced } from '../support/changes';

/** The value's plain objects and lists as nested [key, value] pairs in key order, so equal values with their keys in another order differ. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Reflect.ownKeys(value).map((key) => [key, keyOrder((value as Record<PropertyKey, unknown>)[key])]);
  }
  return typeof value;
}

/** Which objects of the value are one and the same: each object numbered at its first sight, in the order they are walked. */
function sharing(value: unknown): number[] {
  const seen = new Map<object, number>();
  const walk = (item: unknown): number[] => {
    if (typeof item !== 'object' || item === null) return [];
    const known = seen.get(item);
    if (known !== undefined) return [known];
    seen.set(item, seen.size);
    return [seen.size - 1, ...Object.values(item).flatMap(walk)];
  };
  return walk(value);
}

/** Holds the fast path to the schema for one input. */
function expectSameAsSchema(input: unknown): boolean {
  const quick = readClassifierConfigQuickly(input);
  const reference = classifierConfigSchema.safeParse(input);
  if (quick !== undefined) {
    expect(reference.success).toBe(true);
    expect(quick).toStrictEqual(reference.data);
    expect(keyOrder(quick)).toEqual(keyOrder(reference.data));
    expect(sharing(quick)).toEqual(sharing(reference.data));
  }
  return quick !== undefined;
}

const REPLACEMENTS = [
  undefined, null, true, 0, -1, 1.5, '', '  ', ' lic-0 ', 'lic-0', 'wl-0', 'lic-1', ' shared ', 'shared', 'region-a', 'nowhere', ' 1.5 ', '-0', '-1', '1e400', 'n/a',
  '2022-11-01', ' 2022-11-01 ', '2022-11-01T10:00:00', '2022-11-01T10:00:00+01:00', '2022-02-30', '2021-03-28T02:30:00', '2030-01-01', '1999-12-31',
  'Europe/Brussels', 'America/New_York', 'Mars/Olympus', 'EUR', 'USD', 'eur', 'active', 'cancelled', 'NL-TST-C12345678-S', 'NL-TST-C12345678-X',
  [], {}, [' x '], ['region-a', 'region-a'], { chargePointId: 'cp-1' }, { uids: [] }, new Date('2022-11-01T00:00:00Z'), new Date(Number.NaN),
];

/** A generated configuration with one to three values changed (or removed), and sometimes a field present with no value. */
const changedConfigArb = fc
  .record({
    config: classifierConfigInputArb,
    changes: fc.array(fc.record({ pick: fc.nat(), replacement: fc.oneof(fc.constantFrom(...REPLACEMENTS), fc.jsonValue({ maxDepth: 2 })) }), { minLength: 1, maxLength: 3 }),
    verify: fc.boolean(),
    emptyField: fc.option(fc.nat()),
  })
  .map(({ config, changes, verify, emptyField }) => {
    let json = structuredClone(verify ? { ...config, matching: { ...config.matching, verifyContractIds: true } } : config) as unknown;
    for (const { pick, replacement } of changes) {
      const all = paths(json).slice(1);
      if (all.length > 0) json = replaced(json, all[pick % all.length]!, replacement);
    }
    const objects = paths(json).filter((path) => path.length > 0 && typeof path.at(-1) === 'string');
    if (emptyField !== null && objects.length > 0) {
      // A field present with no value: `{ employeeId: undefined }`, not a missing field.
      const path = objects[emptyField % objects.length]!;
      const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], json) as Record<string, unknown>;
      parent[path.at(-1) as string] = undefined;
    }
    return json;
  });

// Property tests over whole configurations: generous time on a busy machine.
describe('readClassifierConfigQuickly', { timeout: 60_000 }, () => {
  it('reads the sample configuration itself, as the schema does', () => {
    expect(expectSameAsSchema(sampleConfig)).toBe(true);
    expect(expectSameAsSchema({})).toBe(true);
  });

  it('leaves to the schema what it does not read itself', () => {
    const licence = sampleConfig.licences![0]!;
    expect(readClassifierConfigQuickly({ licences: [licence, licence] })).toBeUndefined();
    expect(readClassifierConfigQuickly({ licences: [{ ...licence, validFrom: new Date('2022-11-01T00:00:00Z') }] })).toBeUndefined();
    expect(readClassifierConfigQuickly({ licences: [{ ...licence, rates: 'nowhere' }] })).toBeUndefined();
    expect(readClassifierConfigQuickly({ validity: { minDurationSeconds: -1 }, licences: [licence] })).toBeUndefined();
    expect(readClassifierConfigQuickly(new (class Config {})())).toBeUndefined();
    const capped = { ...licence, rates: [{ from: '2022-01-01', perKWh: '0.30', currency: 'USD' }], ceiling: 'cap' };
    expect(readClassifierConfigQuickly({ ceilingSchedules: { cap: { rates: [{ from: '2022-01-01', perKWh: '0.25', currency: 'EUR' }] } }, licences: [capped] })).toBeUndefined();
    const contract = { ...licence, tokens: { contractIds: ['NL-TST-C12345678-X'] } };
    expect(readClassifierConfigQuickly({ licences: [contract] })).toBeDefined();
    expect(readClassifierConfigQuickly({ matching: { verifyContractIds: true }, licences: [contract] })).toBeUndefined();
  });

  it('reads every generated valid configuration itself, exactly as the schema does', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, (config) => {
        expect(expectSameAsSchema(config)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives exactly what the schema gives whenever it reads a changed configuration', () => {
    let read = 0;
    fc.assert(
      fc.property(changedConfigArb, (config) => {
        if (expectSameAsSchema(config)) read++;
      }),
      { numRuns: 1_000 },
    );
    expect(read).toBeGreaterThan(0);
  });

  it('leaves createClassifier and parseClassifierConfig giving what the schema gives, issues and paths alike', () => {
    fc.assert(
      fc.property(fc.oneof(classifierConfigInputArb, changedConfigArb), (config) => {
        const reference = classifierConfigSchema.safeParse(config);
        const parsed = parseClassifierConfig(config);
        expect(parsed.success).toBe(reference.success);
        if (reference.success) {
          expect(parsed.data).toStrictEqual(reference.data);
          expect(createClassifier(config as never).config).toStrictEqual(reference.data);
        } else {
          expect(parsed.error?.issues).toStrictEqual(reference.error.issues);
          expect(() => createClassifier(config as never)).toThrow(ConfigError);
          try {
            createClassifier(config as never);
          } catch (error) {
            expect((error as ConfigError).issues).toStrictEqual(reference.error.issues.map(({ path, message }) => ({ path, message })));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
