import * as z from 'zod/mini';
import { identifierSchema, optionalIdentifierSchema } from './identifier.js';
import { describe, objectError } from './messages.js';

/**
 * Authorisation statuses a charge point or backend reports for a token:
 * OCPP 1.6 (Accepted, Blocked, Expired, Invalid, ConcurrentTx) plus those
 * OCPP 2.0.1 adds (NoCredit, NotAllowedTypeEVSE, NotAtThisLocation,
 * NotAtThisTime, Unknown).
 * @example AUTHORIZATION_STATUSES.includes('Blocked'); // => true
 */
export const AUTHORIZATION_STATUSES = [
  'Accepted',
  'Blocked',
  'ConcurrentTx',
  'Expired',
  'Invalid',
  'NoCredit',
  'NotAllowedTypeEVSE',
  'NotAtThisLocation',
  'NotAtThisTime',
  'Unknown',
] as const;

/** One of {@link AUTHORIZATION_STATUSES}. */
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/**
 * OCPI 2.2.1 token types.
 *
 * @example TOKEN_TYPES; // => ['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID']
 */
export const TOKEN_TYPES = ['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID'] as const;

/** One of {@link TOKEN_TYPES}. */
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Zod schema for an authorisation status; an unknown value is refused with the list of accepted ones. */
export const authorizationStatusSchema = z.enum(AUTHORIZATION_STATUSES, {
  error: (issue) => `unknown authorisation status ${describe(issue.input)}; expected one of ${AUTHORIZATION_STATUSES.join(', ')}`,
});

/**
 * Zod schema for the token (charge card, app or key) a session was started
 * with. `authorization` defaults to `Accepted`: a CDR exists only for an
 * authorised session, so a backend that omits it reports an accepted one.
 */
export const tokenSchema = z.object({
  /** The token's UID as read (an RFID UID in hex, or an app user's id). */
  uid: identifierSchema('token UID'),
  /** The contract id (EMAID), e.g. "NL-TST-C12345678-S". */
  contractId: optionalIdentifierSchema('contract id'),
  /** The token group (OCPI `group_id`), e.g. a fleet. */
  groupId: optionalIdentifierSchema('group id'),
  type: z.optional(
    z.enum(TOKEN_TYPES, { error: (issue) => `unknown token type ${describe(issue.input)}; expected one of ${TOKEN_TYPES.join(', ')}` }),
  ),
  authorization: z._default(authorizationStatusSchema, 'Accepted'),
}, { error: objectError('token') });

/** The token as written in JSON. */
export type TokenInput = z.input<typeof tokenSchema>;
/** The parsed token. */
export type Token = z.output<typeof tokenSchema>;
