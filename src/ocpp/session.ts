import type { createSessionSchema } from '../model/session.js';
import { parseInstant } from '../model/time.js';
import type { Answer, Call } from './log.js';
import type { OcppOptions } from './options.js';
import { failure, issue, type LogPath, type OcppResult, type OcppWarning } from './result.js';

/** The session schema the adapters read with, built once per log in the options' time zone. */
export type SessionSchema = ReturnType<typeof createSessionSchema>;

/** What the adapters know of a transaction once its messages are read. */
export interface Assembled {
  readonly transactionId: string;
  readonly messages: readonly number[];
  readonly warnings: readonly OcppWarning[];
  /** The session as the OCPP data gives it, read by the session schema. */
  readonly input: unknown;
}

/**
 * Reads the assembled session input with the session schema (in the
 * options' time zone), so that the adapters read sessions as `parseSession`
 * does; a refusal keeps the session's paths.
 */
export function sessionResult({ transactionId, messages, warnings, input }: Assembled, schema: SessionSchema): OcppResult {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data, warnings, transactionId, messages };
  return failure(
    transactionId,
    messages,
    parsed.error.issues.map((found) => issue('session-invalid', found.message, found.path)),
    warnings,
  );
}

/** The session id: the charge point's id and the transaction's, e.g. "CP-42:1706601047". */
export const sessionId = (options: OcppOptions, transactionId: string) => `${options.chargePointId}:${transactionId}`;

/** The charge point part of a session. */
export const chargePointOf = (options: OcppOptions, connectorId: number | undefined) => ({
  id: options.chargePointId,
  ...(connectorId === undefined ? {} : { connectorId: String(connectorId) }),
  ...(options.locationId === undefined ? {} : { locationId: options.locationId }),
  ...(options.operatorId === undefined ? {} : { operatorId: options.operatorId }),
});

/** The indexes in the log of a call and its answer. */
export const indexesOf = (call: Call): number[] => (call.answer === undefined || call.answer.index === call.index ? [call.index] : [call.index, call.answer.index]);

/** A warning for a CALLERROR answering one of the transaction's messages. */
export function callErrorWarnings(action: string, answer: Answer | undefined): OcppWarning[] {
  if (answer?.kind !== 'error') return [];
  return [{
    code: 'call-error',
    message: `the backend answered the ${action} with a CALLERROR (${answer.code}${answer.text === '' ? '' : `: ${answer.text}`})`,
    path: answer.path,
  }];
}

/** The instant of a timestamp in milliseconds, or NaN when it cannot be read. */
export function instantMs(timestamp: string, options: OcppOptions): number {
  const parsed = parseInstant(timestamp, options.timeZone);
  return parsed.ok ? parsed.instant.getTime() : Number.NaN;
}

/** The stop-before-start warning, when both timestamps are read and the stop comes first. */
export function stopBeforeStart(started: string, ended: string, options: OcppOptions, path: LogPath): OcppWarning[] {
  return instantMs(ended, options) < instantMs(started, options)
    ? [{ code: 'stop-before-start', message: `the transaction stops (${ended}) before it starts (${started}); the validity rules judge it`, path }]
    : [];
}

/** Warnings about the token: spaces around it, or a stop with another token than the start's (OCPP compares tokens without case). */
export function tokenWarnings(started: string, startPath: LogPath, stopped: string | undefined, stopPath: LogPath): OcppWarning[] {
  const warnings: OcppWarning[] = [];
  if (started !== started.trim()) {
    warnings.push({ code: 'id-tag-whitespace', message: `the token ${JSON.stringify(started)} has spaces around it; it is read without them`, path: startPath });
  }
  if (stopped !== undefined && stopped.trim().toUpperCase() !== started.trim().toUpperCase()) {
    warnings.push({
      code: 'stop-token-differs',
      message: `the transaction was stopped with the token ${JSON.stringify(stopped)}, not ${JSON.stringify(started)} it started with; the session keeps the start's`,
      path: stopPath,
    });
  }
  return warnings;
}

/** The warning for an authorisation the log does not give. */
export const authorizationUnknown = (options: OcppOptions, why: string, path: LogPath): OcppWarning => ({
  code: 'authorization-unknown',
  message: `${why}; the token's authorisation is taken as ${options.authorizationWithoutAnswer} (option authorizationWithoutAnswer)`,
  path,
});
