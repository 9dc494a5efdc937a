import type * as z from 'zod';
import type { Classification } from '../classify/classification.js';
import type { Classifier, ClassifyOptions } from '../classify/classifier.js';
import { checkClassifyOptions } from '../classify/classifier.js';
import { attributeCost, checkCostOptions, type CostAttribution, type CostOptions } from '../cost/attribute-cost.js';
import { ConfigError, IssueList, usageError } from '../errors.js';
import { describe } from '../model/messages.js';
import { readWith, schemaFor, type ChargingSession, type ParseOptions } from '../model/session.js';

/** A session with its type and its cost: what every view and summary is built from. */
export interface AssessedSession {
  readonly session: ChargingSession;
  readonly classification: Classification;
  readonly cost: CostAttribution;
}

/** One input's outcome: assessed, or why it could not be read (nothing is dropped). */
export type Assessment =
  | ({ readonly success: true; readonly index: number } & AssessedSession)
  | { readonly success: false; readonly index: number; readonly input: unknown; readonly error: z.core.$ZodError };

/** Options of {@link assessSessions} and {@link assessStream}: how to read, classify and price. */
export interface AssessOptions extends ParseOptions, ClassifyOptions, CostOptions {}

/** A source of session inputs: an array, any iterable or async iterable (a generator, a Node stream in object mode), or a web `ReadableStream`. */
export type SessionSource = Iterable<unknown> | AsyncIterable<unknown> | ReadableStream<unknown>;

/** Assesses one input at a position; built once per batch or stream, with every option checked. */
type Assess = (input: unknown, index: number) => Assessment;

/**
 * Checks everything a batch needs before any work: the classifier, and the
 * options of reading, classifying and pricing, listing every problem in one
 * {@link ConfigError}.
 */
function assessor(classifier: Classifier, options: AssessOptions): Assess {
  const problems = new IssueList();
  if (typeof classifier !== 'object' || classifier === null || typeof classifier.classify !== 'function') {
    problems.add(['classifier'], `expected a classifier made by createClassifier, received ${describe(classifier)}`);
  }
  if (typeof options !== 'object' || options === null) problems.add(['options'], `expected the options as an object, received ${describe(options)}`);
  problems.throwIfAny('arguments');
  const collect = (check: () => unknown) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const issue of error.issues) problems.add(['options', ...issue.path], issue.message);
    }
  };
  let schema: ReturnType<typeof schemaFor> | undefined;
  collect(() => (schema = schemaFor(options)));
  collect(() => checkClassifyOptions(options));
  collect(() => checkCostOptions(options));
  problems.throwIfAny('options');
  const read = schema!;
  return (input, index) => {
    const parsed = readWith(read, input);
    if (!parsed.success) return { success: false, index, input, error: parsed.error };
    const session = parsed.data;
    const classification = classifier.classify(session, options);
    return { success: true, index, session, classification, cost: attributeCost(session, classification, options) };
  };
}

/**
 * Reads, classifies and prices a batch of sessions as a backend sends them:
 * one result per input, in the same order, each either assessed or carrying
 * every parse issue with its path. Never throws on bad data; a hole in a
 * sparse array is a missing session.
 *
 * @example
 * const assessments = assessSessions(sampleSessions, createClassifier(sampleConfig));
 * assessments.slice(0, 5).map((a) => a.success && a.classification.type); // => ['split-billing', 'whitelist', 'whitelist', 'split-billing', 'invalid']
 * assessSessions([{ id: 'broken' }], classifier).map((a) => a.success); // => [false]
 * @throws {ConfigError} before any work, for a list that is not an array, a bad classifier or bad options (every problem listed).
 */
export function assessSessions(inputs: readonly unknown[], classifier: Classifier, options: AssessOptions = {}): Assessment[] {
  if (!Array.isArray(inputs)) throw usageError(['inputs'], `expected an array of sessions, received ${describe(inputs)}; for other sources use assessStream`);
  const assess = assessor(classifier, options);
  const results = new Array<Assessment>(inputs.length);
  for (let index = 0; index < inputs.length; index++) results[index] = assess(inputs[index], index);
  return results;
}

/**
 * Assesses a stream of sessions lazily: one {@link Assessment} per input, in
 * order, so a month or a year of sessions passes in flat memory. From an
 * array or any iterable it gives an iterator (usable with `for...of` and
 * `for await...of`); from an async iterable (a Node stream in object mode, an
 * async generator, a database cursor) or a web `ReadableStream` it gives an
 * async iterator. Feed the assessments to {@link createSummary} or a view's
 * row functions to export as you go.
 *
 * @example
 * const types: (string | false)[] = [];
 * for (const a of assessStream(sampleSessions, createClassifier(sampleConfig))) types.push(a.success && a.cost.type);
 * types.length; // => sampleSessions.length
 * types[0]; // => 'split-billing'
 * @throws {ConfigError} at once (before the first input is read), for a source that is not iterable, a bad classifier or bad options.
 */
export function assessStream(source: Iterable<unknown>, classifier: Classifier, options?: AssessOptions): IterableIterator<Assessment>;
export function assessStream(source: AsyncIterable<unknown> | ReadableStream<unknown>, classifier: Classifier, options?: AssessOptions): AsyncIterableIterator<Assessment>;
export function assessStream(source: SessionSource, classifier: Classifier, options?: AssessOptions): IterableIterator<Assessment> | AsyncIterableIterator<Assessment>;
export function assessStream(source: SessionSource, classifier: Classifier, options: AssessOptions = {}): IterableIterator<Assessment> | AsyncIterableIterator<Assessment> {
  const kind = sourceKind(source);
  if (kind === null) {
    throw usageError(['source'], `expected an iterable or async iterable of sessions (an array, a generator, a stream), received ${describe(source)}`);
  }
  const assess = assessor(classifier, options);
  if (kind === 'sync') return assessEach(source as Iterable<unknown>, assess);
  if (kind === 'async') return assessEachAsync(source as AsyncIterable<unknown>, assess);
  return assessEachAsync(readStream(source as ReadableStream<unknown>), assess);
}

function sourceKind(source: unknown): 'sync' | 'async' | 'reader' | null {
  if (typeof source !== 'object' || source === null) return null; // a string is iterable, but one character is no session
  if (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return 'async';
  if (typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function') return 'sync';
  if (typeof (source as ReadableStream<unknown>).getReader === 'function') return 'reader';
  return null;
}

function* assessEach(source: Iterable<unknown>, assess: Assess): IterableIterator<Assessment> {
  let index = 0;
  for (const input of source) yield assess(input, index++);
}

async function* assessEachAsync(source: AsyncIterable<unknown>, assess: Assess): AsyncIterableIterator<Assessment> {
  let index = 0;
  for await (const input of source) yield assess(input, index++);
}

/** A web ReadableStream as an async iterable, for runtimes whose streams are not async iterable themselves. */
async function* readStream(stream: ReadableStream<unknown>): AsyncIterableIterator<unknown> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
