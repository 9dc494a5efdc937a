import type Decimal from 'decimal.js';
import type * as z from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import { parseSession, parseSessions, sessionSchema } from '../../src/model/session';
import type { ChargingSession, ParseResult, SessionInput } from '../../src/model/session';
import type { AuthorizationStatus } from '../../src/model/token';
import { DOCUMENTED_SESSION } from '../support/sessions';

describe('ChargingSession', () => {
  it('holds exact energy or null, and Date instants', () => {
    expectTypeOf<ChargingSession['energyKWh']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<ChargingSession['startedAt']>().toEqualTypeOf<Date>();
    expectTypeOf<ChargingSession['endedAt']>().toEqualTypeOf<Date>();
    expectTypeOf<ChargingSession['id']>().toEqualTypeOf<string>();
  });

  it('always has an authorisation status once parsed (it defaults to Accepted)', () => {
    expectTypeOf<ChargingSession['token']['authorization']>().toEqualTypeOf<AuthorizationStatus>();
    expectTypeOf<'Accepted'>().toExtend<AuthorizationStatus>();
    expectTypeOf<'accepted'>().not.toExtend<AuthorizationStatus>();
  });

  it('is what sessionSchema outputs', () => {
    expectTypeOf<z.output<typeof sessionSchema>>().toEqualTypeOf<ChargingSession>();
  });
});

describe('parseSession', () => {
  it('takes anything and returns a result narrowed by success', () => {
    expectTypeOf(parseSession).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseSession).returns.toEqualTypeOf<ParseResult<ChargingSession>>();
    const result = parseSession({});
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<ChargingSession>();
      expectTypeOf(result.error).toEqualTypeOf<undefined>();
    } else {
      // zod's core error (the one zod/mini gives), not classic zod's subclass: issues and message, no format()/flatten() methods.
      expectTypeOf(result.error).toEqualTypeOf<z.core.$ZodError>();
      expectTypeOf(result.error.issues).toBeArray();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    }
  });

  it('takes an optional time zone option', () => {
    expectTypeOf(parseSession).toBeCallableWith({}, { timeZone: 'Europe/Brussels' });
    expectTypeOf(parseSession).toBeCallableWith({});
    // @ts-expect-error the time zone is a name, not an offset in minutes
    parseSession({}, { timeZone: 60 });
  });

  it('parses a batch into an array of the same results', () => {
    expectTypeOf(parseSessions).parameter(0).toEqualTypeOf<readonly unknown[]>();
    expectTypeOf(parseSessions).returns.toEqualTypeOf<ParseResult<ChargingSession>[]>();
  });
});

describe('SessionInput', () => {
  it('takes energy as a decimal string, a number, a Decimal or null, and requires it', () => {
    expectTypeOf<string>().toExtend<SessionInput['energyKWh']>();
    expectTypeOf<number>().toExtend<SessionInput['energyKWh']>();
    expectTypeOf<Decimal>().toExtend<SessionInput['energyKWh']>();
    expectTypeOf<null>().toExtend<SessionInput['energyKWh']>();
    expectTypeOf<undefined>().not.toExtend<SessionInput['energyKWh']>();
    expectTypeOf<SessionInput>().toHaveProperty('energyKWh');
    expectTypeOf<{ energyKWh?: string }>().not.toExtend<Pick<SessionInput, 'energyKWh'>>();
  });

  it('takes instants as ISO strings or Dates, not as epoch numbers', () => {
    expectTypeOf<string>().toExtend<SessionInput['startedAt']>();
    expectTypeOf<Date>().toExtend<SessionInput['startedAt']>();
    expectTypeOf<number>().not.toExtend<SessionInput['startedAt']>();
  });

  it('accepts the documented example as written', () => {
    const example = DOCUMENTED_SESSION;
    expectTypeOf(example).toExtend<SessionInput>();
    expectTypeOf({ ...example, energyKWh: 3.667 }).toExtend<SessionInput>();
    expectTypeOf({ ...example, energyKWh: null }).toExtend<SessionInput>();
    expectTypeOf({ ...example, token: { uid: '04A23B5C' } }).toExtend<SessionInput>();
    expectTypeOf({ ...example, token: { ...example.token, authorization: 'Maybe' as const } }).not.toExtend<SessionInput>();
  });
});
