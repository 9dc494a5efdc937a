import type * as z from 'zod';
import type { Classification } from '../classify/classification.js';
import type { Classifier, ClassifyOptions } from '../classify/classifier.js';
import { attributeCost, type CostAttribution, type CostOptions } from '../cost/attribute-cost.js';
import { parseSessions, type ChargingSession, type ParseOptions } from '../model/session.js';

/** A session with its type and its cost: what every view and summary is built from. */
export interface AssessedSession {
  readonly session: ChargingSession;
  readonly classification: Classification;
  readonly cost: CostAttribution;
}

/** One input's outcome: assessed, or why it could not be read (nothing is dropped). */
export type Assessment =
  | ({ readonly success: true; readonly index: number } & AssessedSession)
  | { readonly success: false; readonly index: number; readonly input: unknown; readonly error: z.ZodError };

/** Options of {@link assessSessions}. */
export interface AssessOptions extends ParseOptions, ClassifyOptions, CostOptions {}

/**
 * Reads, classifies and prices a batch of sessions as a backend sends them:
 * one result per input, in the same order, each either assessed or carrying
 * every parse issue with its path. Never throws on bad input.
 *
 * @example
 * assessSessions(sampleSessions, createClassifier(sampleConfig)).map((a) => a.success && a.classification.type);
 * // ['split-billing', 'whitelist', 'whitelist', 'split-billing', 'invalid', ...]
 * @throws {ConfigError} only for an unknown `timeZone` option; {RangeError} for an unknown rounding mode or currency.
 */
export function assessSessions(inputs: readonly unknown[], classifier: Classifier, options: AssessOptions = {}): Assessment[] {
  return parseSessions(inputs, options).map((parsed, index): Assessment => {
    if (!parsed.success) return { success: false, index, input: inputs[index], error: parsed.error };
    const session = parsed.data;
    const classification = classifier.classify(session, options);
    return { success: true, index, session, classification, cost: attributeCost(session, classification, options) };
  });
}
