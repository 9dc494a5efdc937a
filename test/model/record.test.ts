import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { stringRecord } from '../../src/model/record';

const MESSAGE = 'amounts maps ids to amounts';
/** A value schema with issues of its own, a default and a transform, as a rate schedule has. */
const amount = z.pipe(z.union([z.number(), z.string().check(z.minLength(1))]), z.transform(String));
const readByRecord = z.record(z.string(), amount, { error: MESSAGE });
const readByMap = stringRecord(amount, MESSAGE);

/** What a parse gives, comparable: the value, or every issue with its fields in order (as `error.message` shows them). */
function outcome(schema: z.core.$ZodType, input: unknown) {
  const read = z.safeParse(schema, input);
  return read.success ? { data: read.data } : { issues: read.error.issues, message: read.error.message };
}

const sym = Symbol('id');
class Amounts {
  a = 1;
}

describe('stringRecord', () => {
  it('reads maps as z.record(z.string(), value) does', () => {
    expect(outcome(readByMap, { a: 1, b: 'x' })).toEqual({ data: { a: '1', b: 'x' } });
    expect(outcome(readByMap, { a: 1, b: '', c: true })).toEqual(outcome(readByRecord, { a: 1, b: '', c: true }));
    expect(outcome(readByMap, {})).toEqual({ data: {} });
  });

  it('refuses what is not a plain object with the message given, as a record does', () => {
    for (const input of [undefined, null, 1, 'a', [], [1], new Date(0), new Map([['a', 1]]), new Amounts()]) {
      const read = outcome(readByMap, input);
      expect(read).toEqual(outcome(readByRecord, input));
      expect(read.issues).toEqual([{ expected: 'record', code: 'invalid_type', path: [], message: MESSAGE }]);
    }
    expect(outcome(readByMap, Object.assign(Object.create(null), { a: 1 }))).toEqual({ data: { a: '1' } });
  });

  it('refuses symbol keys after the string keys, and skips an own __proto__ and inherited keys, as a record does', () => {
    for (const input of [{ [sym]: 1 }, { a: '', [sym]: 1, b: 2 }, JSON.parse('{"__proto__": 1, "a": 2}'), Object.create({ inherited: 'x' }, { own: { value: 1, enumerable: true } })]) {
      expect(outcome(readByMap, input)).toEqual(outcome(readByRecord, input));
    }
    expect(outcome(readByMap, { a: '', [sym]: 1 }).issues?.map(({ path }) => path)).toEqual([['a'], [sym]]);
  });

  it('keeps a refused map as given for the checks that run even so', () => {
    const seen: unknown[] = [];
    const watched = z.object({ map: readByMap }).check(z.superRefine(({ map }) => void seen.push(map), { when: () => true }));
    const given = new Date(0);
    z.safeParse(watched, { map: given });
    expect(seen).toEqual([given]);
  });

  describe('properties', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '0', '10', ' a '));
    const input = fc.oneof(
      fc.anything(),
      fc.dictionary(key, fc.oneof(fc.integer(), fc.string(), fc.anything())),
      fc.dictionary(key, fc.integer()).map((map) => ({ ...map, [sym]: 1 })),
      fc.dictionary(key, fc.integer(), { noNullPrototype: false }),
    );

    it('gives the value and the issues z.record gives, for any input', () => {
      fc.assert(fc.property(input, (value) => {
          expect(outcome(readByMap, value)).toEqual(outcome(readByRecord, value));
        }), { numRuns: 500 });
    });
  });
});
