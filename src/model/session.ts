import * as z from 'zod';
import { ConfigError } from '../errors.js';
import { decimalSchema } from './decimal.js';
import { describe, objectError } from './messages.js';
import { chargePointSchema } from './charge-point.js';
import { identifierSchema, optionalIdentifierSchema } from './identifier.js';
import { instantSchema } from './instant.js';
import { priceSchema } from './price.js';
import { stopReasonSchema } from './stop-reason.js';
import { isValidTimeZone, unknownTimeZoneMessage } from './time.js';
import { tokenSchema } from './token.js';

/** How the session was authorised (OCPI `auth_method`); WHITELIST says how, not that it was free. */
export const AUTH_METHODS = ['AUTH_REQUEST', 'COMMAND', 'WHITELIST'] as const;

/** Options for reading sessions. */
export interface ParseOptions {
  /** IANA zone in which to read timestamps that carry no offset; without it they are refused. */
  readonly timeZone?: string;
}

/**
 * Builds the session schema; with a `timeZone`, timestamps without an offset
 * are read as local times there.
 *
 * @throws {ConfigError} when `timeZone` is not a known IANA zone.
 */
export function createSessionSchema(options: ParseOptions = {}) {
  const { timeZone } = options;
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new ConfigError([{ path: ['timeZone'], message: unknownTimeZoneMessage(timeZone) }]);
  }
  const instant = instantSchema(timeZone);
  return z.object({
    id: identifierSchema('session id'),
    startedAt: instant,
    endedAt: instant,
    /** Energy delivered in kWh; `null` when there is no meter reading. */
    energyKWh: decimalSchema.nullable(),
    token: tokenSchema,
    chargePoint: chargePointSchema,
    userId: optionalIdentifierSchema('user id'),
    authMethod: z
      .enum(AUTH_METHODS, { error: (issue) => `unknown auth method ${describe(issue.input)}; expected one of ${AUTH_METHODS.join(', ')}` })
      .optional(),
    /** The MSP's price, when known. */
    price: priceSchema.optional(),
    /** Why the session stopped (OCPP 1.6 `reason`, 2.0.1 `stoppedReason`), when known. */
    stopReason: stopReasonSchema.optional(),
    /**
     * What the CPO's CDR says (OCPI 2.2.1 `home_charging_compensation`): the
     * driver is to be compensated for this session's energy as home charging.
     * The type is still decided by the configuration; a disagreement is noted.
     */
    homeChargingCompensation: z.boolean({ error: 'homeChargingCompensation must be true or false' }).optional(),
  }, { error: objectError('session') });
}

/**
 * Zod schema for a session as a backend sends it (timestamps with offsets),
 * for composing into larger schemas. Unknown fields are dropped.
 */
export const sessionSchema = createSessionSchema();

/** A session as written in JSON. */
export type SessionInput = z.input<typeof sessionSchema>;

/** A parsed session: `Date` instants, `Decimal` energy (or `null`: no reading). */
export type ChargingSession = z.output<typeof sessionSchema>;

/** The outcome of parsing: the value, or every issue with its path and message. */
export type ParseResult<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: z.ZodError };

/**
 * Reads one session. Never throws on bad input: each problem becomes an issue
 * with the field's path and a message a person can act on.
 *
 * @example
 * parseSession({ id: 's-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00',
 *   energyKWh: '3.667', token: { uid: '04A23B5C' }, chargePoint: { id: 'cp_test2' } }).success; // true
 * @throws {ConfigError} only when `options.timeZone` is not a known zone.
 */
export function parseSession(input: unknown, options?: ParseOptions): ParseResult<ChargingSession> {
  return schemaFor(options).safeParse(input);
}

/**
 * Reads a batch: one result per input, in the same order, nothing dropped.
 *
 * @throws {ConfigError} only when `options.timeZone` is not a known zone.
 */
export function parseSessions(inputs: readonly unknown[], options?: ParseOptions): ParseResult<ChargingSession>[] {
  const schema = schemaFor(options);
  // Array.from, not map: map skips the holes of a sparse array, which would drop inputs.
  return Array.from(inputs, (input) => schema.safeParse(input));
}

function schemaFor(options: ParseOptions | undefined) {
  return options?.timeZone === undefined ? sessionSchema : createSessionSchema(options);
}
