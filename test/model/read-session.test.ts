/**
 * The fast path of reading a session gives exactly what the session schema
 * gives, for valid and invalid inputs alike: it reads the usual shapes
 * itself and hands everything else to the schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSessionQuickly } from '../../src/model/read-session';
import { createSessionSchema, sessionSchema } from '../../src/model/session';
import { invalidSessionInputArb, malformedSessionInputArb, sessionInputArb } from '../../src/testing';
import { DOCUMENTED_SESSION } from '../support/sessions';

const brussels = createSessionSchema({ timeZone: 'Europe/Brussels' });

/** Inputs of every kind: valid, invalid by the rules, malformed, with odd optional fields, and anything at all. */
const inputArb: fc.Arbitrary<unknown> = fc.oneof(
  sessionInputArb,
  invalidSessionInputArb.map((c) => c.input),
  malformedSessionInputArb.map((c) => c.input),
  fc.record({
    base: sessionInputArb,
    extra: fc.dictionary(fc.constantFrom('userId', 'authMethod', 'price', 'stopReason', 'homeChargingCompensation', 'other'), fc.oneof(fc.constant(undefined), fc.string(), fc.boolean(), fc.constantFrom('COMMAND', 'EmergencyStop', { inclVat: '2.44', currency: 'EUR' }, { exclVat: '-1', currency: 'EUR' }, { currency: 'EUR' }))),
  }).map(({ base, extra }) => ({ ...base, ...extra })),
  fc.anything({ withDate: true, withNullPrototype: true }),
);

describe('readSessionQuickly', () => {
  it('reads the documented session as the schema does', () => {
    expect(readSessionQuickly(DOCUMENTED_SESSION)).toStrictEqual(sessionSchema.parse(DOCUMENTED_SESSION));
  });

  it('leaves to the schema what it does not read itself', () => {
    expect(readSessionQuickly({ ...DOCUMENTED_SESSION, energyKWh: 'n/a' })).toBeUndefined();
    expect(readSessionQuickly({ ...DOCUMENTED_SESSION, energyKWh: undefined })).toBeUndefined();
    expect(readSessionQuickly(new (class Session {})())).toBeUndefined();
  });

  it('gives exactly what the schema gives whenever it reads an input, and reads every input the schema accepts with the usual shape', () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), (input, inBrussels) => {
        const schema = inBrussels ? brussels : sessionSchema;
        const quick = readSessionQuickly(input);
        const reference = schema.safeParse(input);
        if (quick !== undefined) {
          expect(reference.success).toBe(true);
          expect(quick).toStrictEqual(reference.data);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads every generated valid session itself', () => {
    fc.assert(
      fc.property(sessionInputArb, (input) => {
        expect(readSessionQuickly(input)).toStrictEqual(sessionSchema.parse(input));
      }),
    );
  });
});
