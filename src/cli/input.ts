import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One value of the input, with where it starts; or why the text there could not be read. */
export type InputRecord =
  | { readonly line: number; readonly value: unknown; readonly problem?: undefined }
  | { readonly line: number; readonly value?: undefined; readonly problem: string };

/** Reads one JSON text (JSON.parse, or a lossless reader for OCPP logs). */
export type JsonReader = (text: string) => unknown;

/** Whether a first line is an OCPP-J frame ([2, "id", ...]) rather than the start of a JSON array of messages. */
export type FrameTest = (firstLine: string) => boolean;

function read(text: string, line: number, parse: JsonReader): InputRecord {
  try {
    return { line, value: parse(text) };
  } catch (error) {
    return { line, problem: `not JSON: ${(error as Error).message}` };
  }
}

/**
 * The values of a file or of standard input, one at a time, each with its
 * line number: NDJSON (one value a line, blank lines skipped) or a JSON
 * array (its elements, each with the line it starts on). Which one is told
 * by the first character: `[` starts an array, unless `isFrame` says the
 * first line is a value of its own (an OCPP-J frame). Lines are read one by
 * one, so memory stays flat; an array written on a single line is that one
 * line in memory.
 */
export async function* readRecords(source: Readable, parse: JsonReader, isFrame: FrameTest = () => false): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let number = 0;
  let array: ArrayScanner | null = null;
  let mode: 'unknown' | 'ndjson' | 'array' = 'unknown';
  for await (const text of lines) {
    number += 1;
    if (mode === 'unknown') {
      const start = text.trimStart();
      if (start === '') continue;
      mode = start.startsWith('[') && !isFrame(text) ? 'array' : 'ndjson';
      if (mode === 'array') array = new ArrayScanner(parse);
    }
    if (array) yield* array.feed(text, number);
    else if (text.trim() !== '') yield read(text, number, parse);
  }
  if (array) yield* array.end(number);
}

/**
 * Splits a JSON array's text into its elements as the lines come, tracking
 * strings and nesting, so no element waits for the whole array.
 */
class ArrayScanner {
  #opened = false;
  #closed = false;
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** The element being read: its text so far and the line it starts on; null between elements. */
  #element: { parts: string[]; line: number } | null = null;

  constructor(private readonly parse: JsonReader) {}

  *feed(text: string, line: number): Generator<InputRecord> {
    let from = 0;
    for (let at = 0; at < text.length; at++) {
      const char = text[at]!;
      if (this.#element) {
        if (this.#inString) {
          if (this.#escaped) this.#escaped = false;
          else if (char === '\\') this.#escaped = true;
          else if (char === '"') this.#inString = false;
          continue;
        }
        if (char === '"') this.#inString = true;
        else if (char === '{' || char === '[') this.#depth += 1;
        else if ((char === '}' || char === ']') && this.#depth > 0) this.#depth -= 1;
        else if ((char === ',' || char === ']') && this.#depth === 0) {
          this.#element.parts.push(text.slice(from, at));
          yield this.#finish();
          if (char === ']') this.#closed = true;
        }
        continue;
      }
      if (char === ' ' || char === '\t' || char === '\r') continue;
      if (this.#closed) {
        yield { line, problem: `unexpected ${JSON.stringify(text.slice(at, at + 20))} after the end of the JSON array` };
        return;
      }
      if (!this.#opened) {
        this.#opened = char === '[';
        continue;
      }
      if (char === ']') this.#closed = true;
      else if (char !== ',') {
        this.#element = { parts: [], line };
        from = at;
        at -= 1; // read the element's first character as part of it
      }
    }
    if (this.#element) this.#element.parts.push(`${text.slice(from)}\n`);
  }

  *end(lastLine: number): Generator<InputRecord> {
    if (this.#element) {
      const { line } = this.#element;
      this.#element = null;
      yield { line, problem: `the JSON array is cut off: this element (and the array) is not closed by the end of the input (line ${lastLine})` };
    } else if (this.#opened && !this.#closed) {
      yield { line: lastLine, problem: 'the JSON array is not closed by the end of the input' };
    }
  }

  #finish(): InputRecord {
    const { parts, line } = this.#element!;
    this.#element = null;
    this.#depth = 0;
    return read(parts.join('').trim(), line, this.parse);
  }
}

/** An input file, or standard input for "-". */
export function openInput(path: string, stdin: Readable): Readable {
  return path === '-' ? stdin : createReadStream(path, { encoding: 'utf8' });
}
