import { Exact } from '../model/decimal.js';
import { describe } from '../model/messages.js';
import { issue, type LogPath } from './result.js';
import type * as z from 'zod';

/**
 * An OCPP log: OCPP-J frames in log order (`[2, id, action, payload]`,
 * `[3, id, payload]`, `[4, id, code, text, details]`) or
 * `{ action, payload, response? }` objects; as an array (or any iterable),
 * or as text: a JSON array of them, or NDJSON (one a line). Text is read
 * losslessly: a number that JSON.parse would round (a transactionId of
 * 9223372036854775807) is kept exact.
 */
export type OcppLog = string | Iterable<unknown>;

/** An answer to a call: its CALLRESULT payload, or its CALLERROR. */
export type Answer =
  | { readonly kind: 'result'; readonly index: number; readonly path: LogPath; readonly payload: unknown }
  | { readonly kind: 'error'; readonly index: number; readonly path: LogPath; readonly code: string; readonly text: string };

/** A call (a request) read from the log, with its answer when the log holds one. */
export interface Call {
  readonly index: number;
  readonly action: string;
  /** Where the payload is in the log. */
  readonly path: LogPath;
  readonly payload: unknown;
  answer?: Answer;
}

/** Something in the log that is not a call: unreadable, or an answer whose call is not in the log. */
export interface Stray {
  readonly index: number;
  readonly issue: z.core.$ZodIssue;
}

/** A log read into calls (with their answers) and strays, each with its index. */
export interface ReadLog {
  readonly calls: readonly Call[];
  readonly strays: readonly Stray[];
}

// A number's JSON text that a double cannot hold exactly is revived from this marker as an exact decimal.
const MARK = '\u0000exact:';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Whether a double holds the number written as `text` exactly. */
function fitsDouble(text: string): boolean {
  const digits = text.replace(/[eE].*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
  return digits.length <= 15 || new Exact(text).eq(new Exact(String(Number(text))));
}

/**
 * JSON.parse, but numbers a double would round come back as exact decimals
 * (`Decimal`), so a transactionId of 9223372036854775807 survives.
 *
 * @example
 * const frame = parseJsonExact('{"transactionId":9223372036854775807}') as { transactionId: unknown };
 * String(frame.transactionId); // => '9223372036854775807'
 * parseJsonExact('{'); // throws SyntaxError
 * @throws {SyntaxError} when the text is not JSON (the adapters report it instead).
 */
export function parseJsonExact(text: string): unknown {
  let out = '';
  let from = 0;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (char === '"') {
      // Skip the string, escapes included.
      for (at += 1; at < text.length && text[at] !== '"'; at += text[at] === '\\' ? 2 : 1);
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = at;
      const match = NUMBER.exec(text);
      if (!match) continue;
      const literal = match[0];
      if (!fitsDouble(literal)) {
        out += `${text.slice(from, at)}"\\u0000exact:${literal}"`;
        from = at + literal.length;
      }
      at += literal.length - 1;
    }
  }
  out += text.slice(from);
  return JSON.parse(out, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MARK) ? new Exact(value.slice(MARK.length)) : value,
  );
}

/** The log's messages, each with its index: the array's, or for NDJSON the line's (0-based). */
function messagesOf(log: OcppLog): { messages: [number, unknown][]; strays: Stray[] } {
  if (typeof log !== 'string') {
    if (isIterable(log)) return { messages: Array.from(log, (message, index) => [index, message]), strays: [] };
    const expected = 'expected a log: an array of OCPP-J frames or { action, payload } objects, or their text';
    return { messages: [], strays: [{ index: 0, issue: issue('message-unreadable', `${expected}, received ${describe(log)}`, []) }] };
  }
  const whole = tryParse(log);
  if (whole.ok && Array.isArray(whole.value) && !isFrame(whole.value)) {
    return { messages: whole.value.map((message, index) => [index, message]), strays: [] };
  }
  if (whole.ok) return { messages: [[0, whole.value]], strays: [] };
  const messages: [number, unknown][] = [];
  const strays: Stray[] = [];
  log.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = tryParse(line);
    if (parsed.ok) messages.push([index, parsed.value]);
    else strays.push({ index, issue: issue('message-unreadable', `line ${index + 1} is not JSON: ${parsed.reason}`, [index]) });
  });
  return { messages, strays };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: parseJsonExact(text) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** A frame, not a list of frames: its first element is the message type. */
const isFrame = (value: readonly unknown[]) => value.length > 0 && (typeof value[0] === 'number' || value[0] instanceof Exact);

const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isMessageId = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

/**
 * Reads a log into calls, each with its answer (a CALLRESULT or CALLERROR
 * matched by message id, or an object's `response`), and strays. Never throws.
 */
export function readLog(log: OcppLog): ReadLog {
  const { messages, strays } = messagesOf(log);
  const calls: Call[] = [];
  // Calls waiting for their answer, by message id (the latest call with an id wins).
  const waiting = new Map<string, Call>();
  for (const [index, message] of messages) {
    if (isRecord(message) && typeof message.action === 'string') {
      const call: Call = { index, action: message.action, path: [index, 'payload'], payload: message.payload };
      if (message.response !== undefined) call.answer = { kind: 'result', index, path: [index, 'response'], payload: message.response };
      calls.push(call);
      continue;
    }
    if (Array.isArray(message) && isMessageId(message[1])) {
      const [type, id] = message;
      if (type === 2 && typeof message[2] === 'string') {
        const call: Call = { index, action: message[2], path: [index, 3], payload: message[3] };
        calls.push(call);
        waiting.set(String(id), call);
        continue;
      }
      if (type === 3 || type === 4) {
        const call = waiting.get(String(id));
        if (call === undefined) {
          strays.push({ index, issue: issue('answer-without-call', `an answer (message id ${describe(id)}) whose call is not in the log`, [index]) });
        } else {
          waiting.delete(String(id));
          call.answer =
            type === 3
              ? { kind: 'result', index, path: [index, 2], payload: message[2] }
              : { kind: 'error', index, path: [index], code: String(message[2]), text: String(message[3] ?? '') };
        }
        continue;
      }
    }
    strays.push({
      index,
      issue: issue(
        'message-unreadable',
        `expected an OCPP-J frame ([2, id, action, payload], [3, id, payload] or [4, id, code, text, details]) or { action, payload, response? }, received ${describe(message)}`,
        [index],
      ),
    });
  }
  strays.sort((a, b) => a.index - b.index);
  return { calls, strays };
}
