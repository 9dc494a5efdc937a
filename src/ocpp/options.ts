import * as z from 'zod';
import { ConfigError } from '../errors.js';
import { identifierSchema } from '../model/identifier.js';
import { objectError } from '../model/messages.js';
import { isValidTimeZone, unknownTimeZoneMessage } from '../model/time.js';
import { authorizationStatusSchema } from '../model/token.js';

/**
 * Zod schema for the options of `fromOcpp16` and `fromOcpp201`. An OCPP log
 * does not name its charge point (it is the connection's identity), so the
 * caller does.
 *
 * @example ocppOptionsSchema.parse({ chargePointId: 'CP-42' }).authorizationWithoutAnswer; // => 'Unknown'
 */
export const ocppOptionsSchema = z.strictObject(
  {
    /** The charge point (charging station) the log is from: its OCPP identity. */
    chargePointId: identifierSchema('charge point id'),
    /** The location (site) of the charge point, for whitelist entries and licences. */
    locationId: z.optional(identifierSchema('location id')),
    /** The operator (CPO) of the charge point. */
    operatorId: z.optional(identifierSchema('operator id')),
    /** IANA zone in which to read timestamps that carry no offset; without it they are refused. */
    timeZone: z
      .string({ error: 'timeZone is an IANA zone name such as "Europe/Brussels"' })
      .refine(isValidTimeZone, { error: (found) => unknownTimeZoneMessage(String(found.input)) })
      .optional(),
    /**
     * The token's authorisation when the log holds no answer that gives it
     * (default `Unknown`, a rejection by the default rules: a session is not
     * paid on an authorisation nobody saw). Each such session carries the
     * warning `authorization-unknown`.
     */
    authorizationWithoutAnswer: z._default(authorizationStatusSchema, 'Unknown'),
  },
  { error: objectError('OCPP options') },
);

/** The options as written. */
export type OcppOptionsInput = z.input<typeof ocppOptionsSchema>;
/** The options with defaults applied. */
export type OcppOptions = z.output<typeof ocppOptionsSchema>;

/** Reads the options, or throws one `ConfigError` listing every problem. */
export function readOptions(options: unknown): OcppOptions {
  const parsed = ocppOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map(({ path, message }) => ({ path, message })));
}
