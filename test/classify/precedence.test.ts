import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECEDENCE, precedencePairSchema } from '../../src/classify/config';

const PRECEDENCE_ERROR = 'precedence is ["split-billing", "whitelist"] or ["whitelist", "split-billing"]';

/** The precedence as zod's tuple reads it: the reference the pair schema is held to. */
const tuple = z
  .tuple([z.enum(DEFAULT_PRECEDENCE, { error: PRECEDENCE_ERROR }), z.enum(DEFAULT_PRECEDENCE, { error: PRECEDENCE_ERROR })], { error: PRECEDENCE_ERROR })
  .check(z.refine(([first, second]) => first !== second, { error: 'precedence names split-billing and whitelist once each' }));

/** What a parse gives, comparable: the value, or every issue with its fields in order (as `error.message` shows them). */
function outcome(schema: z.core.$ZodType, input: unknown) {
  const read = z.safeParse(schema, input);
  return read.success ? { data: read.data } : { issues: read.error.issues, message: read.error.message };
}

describe('precedencePairSchema', () => {
  it('reads the two orders, as a new pair', () => {
    const given = ['whitelist', 'split-billing'];
    const read = precedencePairSchema.parse(given);
    expect(read).toEqual(given);
    expect(read).not.toBe(given);
    expect(precedencePairSchema.parse([...DEFAULT_PRECEDENCE])).toEqual(DEFAULT_PRECEDENCE);
  });

  it('refuses everything else as the tuple does, with the same issues', () => {
    const refused = [undefined, null, 'whitelist', {}, [], ['whitelist'], ['whitelist', 'whitelist'], ['normal', 'whitelist'], ['whitelist', 'split-billing', 'normal'], [, 'whitelist'], new Array(3)];
    for (const input of refused) {
      const read = outcome(precedencePairSchema, input);
      expect(read.issues).toBeDefined();
      expect(read).toEqual(outcome(tuple, input));
    }
    expect(outcome(precedencePairSchema, ['normal', 'whitelist', 'x']).issues?.map(({ code, path }) => [code, path])).toEqual([
      ['too_big', []],
      ['invalid_value', [0]],
    ]);
  });

  describe('properties', () => {
    const matcher = fc.oneof(fc.constantFrom(...DEFAULT_PRECEDENCE), fc.anything());
    it('gives the value and the issues the tuple gives, for any input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.array(matcher, { maxLength: 4 }), fc.array(fc.constantFrom(...DEFAULT_PRECEDENCE), { maxLength: 3 })), (input) => {
          expect(outcome(precedencePairSchema, input)).toEqual(outcome(tuple, input));
        }),
        { numRuns: 500 },
      );
    });
  });
});
