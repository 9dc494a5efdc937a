import * as z from 'zod';
import type { ChargingSession } from '../model/session.js';
import type { ReadResult, ReadWarning } from '../model/read-result.js';

/**
 * Warning codes of the OCPP adapters: something read that looks wrong, never
 * silently repaired. Stable strings, part of the contract.
 *
 * @example OCPP_WARNING_CODES.includes('meter-zero-placeholder'); // => true
 */
export const OCPP_WARNING_CODES = [
  /** The log holds no answer with the token's authorisation; the default (`authorizationWithoutAnswer`) was used. */
  'authorization-unknown',
  /** An answer could not be read (not the shape the specification gives); it was taken as missing. */
  'answer-unreadable',
  /** A CALLERROR answered one of the transaction's messages. */
  'call-error',
  /** 1.6: the log lacks the answer giving the start its id; the stop was paired with the only open start. */
  'paired-without-answer',
  /** A transactionId beyond JavaScript's safe integers, already rounded when the log was parsed; pass the log as text. */
  'transaction-id-imprecise',
  /** The idTag / idToken had spaces around it. */
  'id-tag-whitespace',
  /** The transaction was stopped with another token than the one it started with. */
  'stop-token-differs',
  /** The stop's timestamp is before the start's. */
  'stop-before-start',
  /** A meter register reading decreases during the transaction. */
  'meter-decreased',
  /** A reading of -1, a charger's "unknown"; where it is the first or last reading, the energy is unknown. */
  'meter-sentinel',
  /** 2.0.1: a register reading of 0 at the start of an offline transaction, a placeholder: the energy is unknown. */
  'meter-zero-placeholder',
  /** The register starts at 0 and then rises: a new meter, or a placeholder; check before paying. */
  'meter-starts-at-zero',
  /** 1.6: meter readings (MeterValues, transactionData) contradict meterStart or meterStop. */
  'meter-readings-contradict',
  /** 2.0.1: fewer than two register readings at the outlet: the energy is unknown. */
  'meter-readings-missing',
  /** 2.0.1: the first reading is not a Transaction.Begin one, or the last not a Transaction.End one. */
  'meter-boundary-uncertain',
  /** A register reading in a unit that is not Wh or kWh, or unreadable; the energy is unknown (1.6: the reading is not checked). */
  'meter-unit-unknown',
  /** 2.0.1: the events' seqNo leave a gap: events may be missing from the log. */
  'seq-no-gap',
  /** 2.0.1: two events of the transaction share a seqNo. */
  'seq-no-duplicate',
] as const;

/** One of {@link OCPP_WARNING_CODES}. */
export type OcppWarningCode = (typeof OCPP_WARNING_CODES)[number];

/** A warning of the OCPP adapters. */
export type OcppWarning = ReadWarning<OcppWarningCode>;

/**
 * Codes of what makes a transaction unreadable, in each failed result's
 * issues as `params.code`. Stable strings, part of the contract.
 * @example OCPP_ISSUE_CODES.includes('transaction-not-ended'); // => true
 */
export const OCPP_ISSUE_CODES = [
  /** The message is not an OCPP-J frame nor an `{ action, payload }` object, or the text is not JSON. */
  'message-unreadable',
  /** A message's payload is not what the specification gives (the issue's path says where). */
  'payload-invalid',
  /** An answer (CALLRESULT, CALLERROR) whose call is not in the log. */
  'answer-without-call',
  /** A message of the other OCPP version. */
  'wrong-version',
  /** The transaction has no stop (1.6 StopTransaction, 2.0.1 Ended event) in the log: not finished, or cut off. */
  'transaction-not-ended',
  /** The transaction's start (1.6 StartTransaction, 2.0.1 Started event) is not in the log. */
  'transaction-not-started',
  /** 1.6: a stop that several open transactions could own; none is guessed. */
  'stop-ambiguous',
  /** The assembled session is refused by the session schema (the issue's path is the session's). */
  'session-invalid',
] as const;

/** One of {@link OCPP_ISSUE_CODES}. */
export type OcppIssueCode = (typeof OCPP_ISSUE_CODES)[number];

/**
 * One result per transaction found in a log (and one per message that
 * belongs to no complete transaction): the session or the issues, the
 * warnings, the `transactionId` as a string (`null` when the log never gave
 * one) and the indexes in the log of the messages it was read from.
 */
export type OcppResult = ReadResult<ChargingSession, OcppWarningCode> & {
  readonly transactionId: string | null;
  readonly messages: readonly number[];
};

/** A path in the log: the message's index, then where in it. */
export type LogPath = readonly PropertyKey[];

/** A zod issue with a stable code in `params.code`. */
export function issue(code: OcppIssueCode, message: string, path: LogPath): z.core.$ZodIssue {
  return { code: 'custom', message, path: [...path], input: undefined, params: { code } };
}

/** The issues of a failed zod parse, moved under `path` and tagged `payload-invalid`. */
export function payloadIssues(error: z.ZodError, path: LogPath, what: string): z.core.$ZodIssue[] {
  return error.issues.map((found) =>
    issue('payload-invalid', `${what}: ${found.message}`, [...path, ...found.path]),
  );
}

/** A failed result. */
export function failure(
  transactionId: string | null,
  messages: readonly number[],
  issues: z.core.$ZodIssue[],
  warnings: readonly OcppWarning[] = [],
): OcppResult {
  return { success: false, error: new z.ZodError(issues), warnings, transactionId, messages };
}
