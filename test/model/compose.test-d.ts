import type Decimal from 'decimal.js';
import * as z from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import { decimalSchema } from '../../src/model/decimal';
import type { ChargingSession, SessionInput } from '../../src/model/session';
import { sessionSchema } from '../../src/model/session';

describe("the exported schemas inside a user's zod 4 schema", () => {
  it('keep their input and output types', () => {
    const envelope = z.object({ session: sessionSchema, amount: z.optional(decimalSchema) });
    expectTypeOf<z.output<typeof envelope>['session']>().toEqualTypeOf<ChargingSession>();
    expectTypeOf<z.input<typeof envelope>['session']>().toEqualTypeOf<SessionInput>();
    expectTypeOf<z.output<typeof envelope>['amount']>().toEqualTypeOf<Decimal | undefined>();
    expectTypeOf(envelope.parse({}).session.startedAt).toEqualTypeOf<Date>();
  });
});
