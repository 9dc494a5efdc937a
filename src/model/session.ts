import * as z from 'zod/mini';
import { $ZodRealError } from 'zod/v4/core';
import { ConfigError, usageError } from '../errors.js';
import { decimalSchema } from './decimal.js';
import { describe, objectError } from './messages.js';
import { chargePointSchema } from './charge-point.js';
import { identifierSchema, optionalIdentifierSchema } from './identifier.js';
import { instantSchema } from './instant.js';
import { priceSchema } from './price.js';
import { stopReasonSchema } from './stop-reason.js';
import { isValidTimeZone, unknownTimeZoneMessage } from './time.js';
import { tokenSchema } from './token.js';
import { readSessionQuickly } from './read-session.js';

/**
 * How the session was authorised (OCPI `auth_method`); WHITELIST says how, not that it was free.
 *
 * @example AUTH_METHODS; // => ['AUTH_REQUEST', 'COMMAND', 'WHITELIST']
 */
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
 * @example
 * const brussels = createSessionSchema({ timeZone: 'Europe/Brussels' });
 * brussels.safeParse({ ...sampleSessions[0], startedAt: '2022-11-10T14:50:16' }).success; // => true
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
    energyKWh: z.nullable(decimalSchema),
    token: tokenSchema,
    chargePoint: chargePointSchema,
    userId: optionalIdentifierSchema('user id'),
    authMethod: z.optional(
      z.enum(AUTH_METHODS, { error: (issue) => `unknown auth method ${describe(issue.input)}; expected one of ${AUTH_METHODS.join(', ')}` }),
    ),
    /** The MSP's price, when known. */
    price: z.optional(priceSchema),
    /** Why the session stopped (OCPP 1.6 `reason`, 2.0.1 `stoppedReason`), when known. */
    stopReason: z.optional(stopReasonSchema),
    /**
     * What the CPO's CDR says (OCPI 2.2.1 `home_charging_compensation`): the
     * driver is to be compensated for this session's energy as home charging.
     * The type is still decided by the configuration; a disagreement is noted.
     */
    homeChargingCompensation: z.optional(z.boolean({ error: 'homeChargingCompensation must be true or false' })),
  }, { error: objectError('session') });
}

/**
 * Zod schema for a session as a backend sends it (timestamps with offsets),
 * for composing into larger schemas. Unknown fields are dropped.
 * @example
 * sessionSchema.parse(sampleSessions[0]).energyKWh?.toString(); // => '3.667'
 * sessionSchema.safeParse({ ...sampleSessions[0], startedAt: '2022-11-10T14:50:16' }).success; // => false
 */
export const sessionSchema = createSessionSchema();

/** A session as written in JSON. */
export type SessionInput = z.input<typeof sessionSchema>;

/** A parsed session: `Date` instants, `Decimal` energy (or `null`: no reading). */
export type ChargingSession = z.output<typeof sessionSchema>;

/** The outcome of parsing: the value, or every issue with its path and message. */
export type ParseResult<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: z.core.$ZodError };

/**
 * Reads one session. Never throws on bad input, not even on a hostile object
 * (a throwing getter, a Proxy): each problem becomes an issue with the
 * field's path and a message a person can act on.
 *
 * @example
 * const read = parseSession({ id: 's-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00',
 *   energyKWh: '3.667', token: { uid: '04A23B5C' }, chargePoint: { id: 'cp_test2' } });
 * read.success && read.data.energyKWh?.toString(); // => '3.667'
 * parseSession({ id: 's-1' }).success; // => false
 * @throws {ConfigError} only when `options.timeZone` is not a known zone (a programmer's error).
 */
export function parseSession(input: unknown, options?: ParseOptions): ParseResult<ChargingSession> {
  return readWith(schemaFor(options), input);
}

/**
 * Reads a batch: one result per input, in the same order, nothing dropped
 * (a hole in a sparse array is read as a missing session).
 *
 * @example parseSessions([sampleSessions[0], { id: 'broken' }]).map((r) => r.success); // => [true, false]
 * @throws {ConfigError} when `inputs` is not an array, or `options.timeZone` is not a known zone.
 */
export function parseSessions(inputs: readonly unknown[], options?: ParseOptions): ParseResult<ChargingSession>[] {
  if (!Array.isArray(inputs)) {
    throw usageError(['inputs'], `expected an array of sessions, received ${describe(inputs)}; wrap a single session in [ ]`);
  }
  const schema = schemaFor(options);
  // A for loop, not map: map skips the holes of a sparse array, which would drop inputs.
  const results = new Array<ParseResult<ChargingSession>>(inputs.length);
  for (let index = 0; index < inputs.length; index++) results[index] = readWith(schema, inputs[index]);
  return results;
}

type SessionSchema = ReturnType<typeof createSessionSchema>;

/** Schemas per time zone, built once each. */
const schemas = new Map<string, SessionSchema>();

/**
 * The session schema for `options`, built once per time zone.
 *
 * @throws {ConfigError} when the options are not an object or `timeZone` is unknown.
 */
export function schemaFor(options: ParseOptions | undefined): SessionSchema {
  if (options === undefined) return sessionSchema;
  if (typeof options !== 'object' || options === null) throw usageError(['options'], `expected the options as an object, received ${describe(options)}`);
  const { timeZone } = options;
  if (timeZone === undefined) return sessionSchema;
  let schema = schemas.get(timeZone);
  if (!schema) {
    schema = createSessionSchema({ timeZone });
    schemas.set(timeZone, schema);
  }
  return schema;
}

/**
 * Reads `input` with `schema`, through the fast path when the input has the
 * usual shape; whatever the input does (a getter that throws, a Proxy), the
 * answer is a result.
 */
export function readWith(schema: SessionSchema, input: unknown): ParseResult<ChargingSession> {
  try {
    const quick = readSessionQuickly(input);
    if (quick !== undefined) return { success: true, data: quick as ChargingSession };
    return schema.safeParse(input) as ParseResult<ChargingSession>;
  } catch (error) {
    return { success: false, error: new $ZodRealError([{ code: 'custom', path: [], message: `the session could not be read: ${errorText(error)}`, input: undefined }]) };
  }
}

/** The message of something thrown, read without trusting it. */
function errorText(error: unknown): string {
  try {
    const message = error instanceof Error ? error.message : String(error);
    return message.length > 200 ? `${message.slice(0, 200)}…` : message;
  } catch {
    return 'reading it threw an error';
  }
}
