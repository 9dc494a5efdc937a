import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier';
import { classifierConfigJsonSchema } from '../../src/classify/json-schema';
import { ConfigError } from '../../src/errors';
import { sampleConfig } from '../../src/sample';
import { classifierConfigInputArb } from '../../src/testing';
import { paths, replaced } from '../support/changes';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(classifierConfigJsonSchema);

/** Whether createClassifier accepts a configuration (a ConfigError: no; anything else thrown fails the test). */
function accepted(config: unknown): boolean {
  try {
    createClassifier(config as never);
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

/** Every object schema's fields, with their paths, anywhere in the schema. */
function fields(schema: unknown, path: string[] = []): { path: string; field: Record<string, unknown> }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: { path: string; field: Record<string, unknown> }[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, field] of Object.entries(value)) found.push({ path: [...path, name].join('.'), field: field as Record<string, unknown> }, ...fields(field, [...path, name]));
    } else found.push(...fields(value, key === 'items' || key === 'additionalProperties' || key === 'anyOf' ? path : [...path, key]));
  }
  return found;
}

describe('classifierConfigJsonSchema', () => {
  it('is a draft 2020-12 schema that a strict validator compiles, describing the configuration', () => {
    expect(classifierConfigJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(classifierConfigJsonSchema['description']).toMatch(/configuration of a charging session classifier/);
    expect(Object.keys(classifierConfigJsonSchema.properties)).toEqual([
      'validity',
      'matching',
      'splitBilling',
      'precedence',
      'rateSchedules',
      'ceilingSchedules',
      'licences',
      'whitelist',
    ]);
  });

  it('describes every field', () => {
    const all = fields(classifierConfigJsonSchema);
    expect(all.length).toBeGreaterThan(50);
    const undescribed = all.filter(({ field }) => typeof field['description'] !== 'string' || field['description'] === '').map(({ path }) => path);
    expect(undescribed).toEqual([]);
  });

  it('has no member that takes anything: decimals are strings or numbers, dates strings', () => {
    const anything = (node: unknown): boolean =>
      typeof node === 'object' && node !== null && (Object.values(node).some(anything) || (Array.isArray((node as { anyOf?: unknown }).anyOf) && (node as { anyOf: object[] }).anyOf.some((m) => Object.keys(m).length === 0)));
    expect(anything(classifierConfigJsonSchema)).toBe(false);
    const perKWh = (classifierConfigJsonSchema.properties['rateSchedules'] as unknown as { additionalProperties: { properties: { rates: { items: { properties: { perKWh: unknown } } } } } }).additionalProperties.properties.rates.items.properties.perKWh;
    expect(perKWh).toMatchObject({ anyOf: [{ type: 'string', pattern: expect.any(String) }, { type: 'number' }] });
  });

  it('writes the named schedules as records of string keys', () => {
    for (const field of ['rateSchedules', 'ceilingSchedules']) {
      const map = classifierConfigJsonSchema.properties[field]!;
      expect(Object.keys(map)).toEqual(['description', 'type', 'propertyNames', 'additionalProperties']);
      expect(map).toMatchObject({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'object', additionalProperties: false } });
    }
  });

  it('writes the precedence as a pair of the two matchers, with its default', () => {
    const matcher = { type: 'string', enum: ['split-billing', 'whitelist'] };
    expect(classifierConfigJsonSchema.properties['precedence']).toEqual({
      default: ['split-billing', 'whitelist'],
      description: expect.stringMatching(/^The order of the split billing and whitelist matchers/),
      type: 'array',
      prefixItems: [matcher, matcher],
      items: false,
      minItems: 2,
      maxItems: 2,
    });
    expect(validate({ precedence: ['whitelist', 'split-billing', 'whitelist'] })).toBe(false);
  });

  it('validates the sample configuration, the empty one, and a configuration with ceilings', () => {
    expect(validate(JSON.parse(JSON.stringify(sampleConfig)))).toBe(true);
    expect(validate({})).toBe(true);
    const capped = {
      ceilingSchedules: { 'be-flanders': { rates: [{ from: '2025-01-01', until: '2025-04-01', perKWh: '0.2822', currency: 'EUR' }] } },
      licences: [{ id: 'l', device: { serialNumber: 'NRG-1' }, status: 'active', validFrom: '2025-01-01', rates: [{ from: '2025-01-01', perKWh: 0.3, currency: 'EUR' }], ceiling: ['be-flanders'] }],
    };
    expect(validate(capped)).toBe(true);
    expect(accepted(capped)).toBe(true);
  });

  it('refuses what no classifier accepts, at the field', () => {
    const refused = (config: unknown) => {
      expect(accepted(config)).toBe(false);
      expect(validate(config)).toBe(false);
      return validate.errors?.map((error) => error.instancePath);
    };
    expect(refused({ validity: { minDurationSeconds: 'two minutes' } })).toContain('/validity/minDurationSeconds');
    expect(refused({ licences: [{ id: 'l', device: { chargePointId: 'cp' }, status: 'paused', validFrom: '2022-01-01', rates: 'r' }] })).toContain('/licences/0/status');
    expect(refused({ whitelist: [{ id: 'w', tokens: { uids: ['AA'] } }] })).toContain('/whitelist/0');
    expect(refused({ precedence: ['whitelist'] })).toContain('/precedence');
    expect(refused({ matching: { reversedUids: true, fuzzy: true } })).toContain('/matching');
    expect(refused({ licences: [{ id: '', device: { chargePointId: 'cp' }, status: 'active', validFrom: '2022-01-01', rates: 'r', ceiling: [] }] })).toEqual(
      expect.arrayContaining(['/licences/0/id', '/licences/0/ceiling']),
    );
  });

  it('leaves checks across fields to createClassifier', () => {
    const overlapping = { rateSchedules: { r: { rates: [{ from: '2022-01-01', until: '2023-01-01', perKWh: '1', currency: 'EUR' }, { from: '2022-06-01', perKWh: '1', currency: 'EUR' }] } } };
    expect(validate(overlapping)).toBe(true);
    expect(accepted(overlapping)).toBe(false);
  });
});

describe('properties', () => {
  it('every generated configuration is accepted by createClassifier and valid for the schema', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, (config) => {
        const json = JSON.parse(JSON.stringify(config)) as unknown;
        expect(accepted(json)).toBe(true);
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      }),
    );
  });

  it('every configuration createClassifier accepts is valid for the schema, however a generated one is changed', () => {
    const changeArb = fc.record({ pick: fc.nat(), replacement: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('0', ' 1.5 ', '2022-11-01', 'Europe/Brussels', 'EUR', 'active', [], {})) });
    fc.assert(
      fc.property(classifierConfigInputArb, fc.array(changeArb, { minLength: 1, maxLength: 3 }), (config, changes) => {
        let json = JSON.parse(JSON.stringify(config)) as unknown;
        for (const { pick, replacement } of changes) {
          const all = paths(json).slice(1); // the root stays an object: createClassifier() with no configuration is a default, not a JSON form
          if (all.length === 0) continue;
          json = replaced(json, all[pick % all.length]!, replacement);
        }
        if (accepted(json)) expect(validate(json), `${JSON.stringify(json)}\n${JSON.stringify(validate.errors)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
