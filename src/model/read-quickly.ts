import type { Decimal } from 'decimal.js';
import { compareDecimals, readDecimal } from './decimal.js';

/*
 * The pieces of the fast paths that read sessions and configurations: plain
 * code for the shapes nearly always given, giving exactly what the schemas
 * give. Whatever they do not recognise as valid makes them give up, and the
 * schema reads the input instead, with every issue and its path.
 */

/** Thrown inside a fast path to hand the input to the schema. */
const GIVE_UP = Symbol('give up');

/** Fields of a plain object. */
export type Fields = Record<string, unknown>;

/** Hands the input to the schema. */
export function giveUp(): never {
  throw GIVE_UP;
}

/** What `read` gives for `input` (read with `options`), or `undefined` when it gave up. */
export function quickly<I, O, T>(read: (input: I, options: O) => T, input: I, options: O): T | undefined {
  try {
    return read(input, options);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

const ZERO = readDecimal(0) as Decimal;

/** A plain object (no class instance), as a schema reads it. */
export function object(value: unknown): Fields {
  if (typeof value !== 'object' || value === null) giveUp();
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) giveUp();
  return value as Fields;
}

/** A plain object with no field but `known` ones, as a strict object schema reads it. */
export function strictObject(value: unknown, known: ReadonlySet<string>): Fields {
  const source = object(value);
  for (const key in source) if (!known.has(key)) giveUp();
  return source;
}

/** Each item read by `read`, into a new list; a hole is read as `undefined`. */
export function list<T>(value: unknown, read: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) giveUp();
  const items = new Array<T>(value.length);
  for (let index = 0; index < value.length; index++) items[index] = read(value[index]);
  return items;
}

/** A non-empty identifier, trimmed. */
export function identifier(value: unknown): string {
  if (typeof value !== 'string') giveUp();
  const trimmed = value.trim();
  if (trimmed === '') giveUp();
  return trimmed;
}

export function decimal(value: unknown): Decimal {
  const read = readDecimal(value);
  if (typeof read === 'string') giveUp();
  return read;
}

export function nonNegative(value: unknown): Decimal {
  const read = decimal(value);
  if (compareDecimals(read, ZERO) < 0) giveUp();
  return read;
}

export function positive(value: unknown): Decimal {
  const read = decimal(value);
  if (compareDecimals(read, ZERO) <= 0) giveUp();
  return read;
}

export function member(value: unknown, set: ReadonlySet<unknown>): string {
  if (!set.has(value)) giveUp();
  return value as string;
}

export function flag(value: unknown): boolean {
  if (typeof value !== 'boolean') giveUp();
  return value;
}

/**
 * Sets `key` on `target` as a schema does for an optional field: read when
 * present, `undefined` kept when the key is there with no value, left out
 * otherwise.
 */
export function optional(target: Fields, source: Fields, key: string, read: (value: unknown) => unknown): void {
  const value = source[key];
  if (value !== undefined) target[key] = read(value);
  else if (key in source) target[key] = undefined;
}
