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

/** The fields of an object schema's shape, which a strict object reads. */
export function keysOf(shape: object): ReadonlySet<string> {
  return new Set(Object.keys(shape));
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
  // Identifiers nearly always start and end with a visible ASCII character: nothing to trim.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return value;
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

/** A reader of one of `values`, as an enum schema reads it. */
export function oneOf(values: readonly string[]): (value: unknown) => string {
  const set: ReadonlySet<unknown> = new Set(values);
  return (value) => {
    if (!set.has(value)) giveUp();
    return value as string;
  };
}

export function flag(value: unknown): boolean {
  if (typeof value !== 'boolean') giveUp();
  return value;
}

/** Marks a field that must be there: left out, the fast path gives up. */
export const REQUIRED: unique symbol = Symbol('required');

/**
 * One field of an object a fast path reads: its key, its reader, and what a
 * field left out gives: {@link REQUIRED} gives up, `undefined` leaves it out
 * (an optional field), anything else is its default.
 */
export interface Field {
  readonly key: string;
  readonly read: (value: unknown) => unknown;
  readonly missing: unknown;
}

/** A {@link Field}: optional unless `missing` says otherwise. */
export const field = (key: string, read: (value: unknown) => unknown, missing?: unknown): Field => ({ key, read, missing });

/**
 * The fields of `value`, each read by its reader, into a new object in the
 * schema's key order (see {@link present} for a key given as `undefined`).
 */
export function fields(value: unknown, shape: readonly Field[]): Fields {
  const source = object(value);
  const out: Fields = {};
  for (let index = 0; index < shape.length; index++) {
    const { key, read, missing } = shape[index]!;
    const item = source[key];
    if (present(source, key, item)) out[key] = read(item);
    else if (missing === REQUIRED) giveUp();
    else if (missing !== undefined) out[key] = missing;
  }
  return out;
}

/**
 * Whether an optional field is there: `false` when it is left out. A key
 * present with the value `undefined`, which a schema keeps, is rare enough
 * to leave to the schema.
 */
export function present(source: Fields, key: string, value: unknown): boolean {
  if (value !== undefined) return true;
  if (Object.hasOwn(source, key)) giveUp();
  return false;
}

/**
 * Sets `key` on `target` as a schema does for an optional field that is
 * there; leaves it out otherwise. The configuration's readers store field by
 * field with it: a hundred thousand licences are read faster by named stores
 * than through {@link fields}' table.
 */
export function optional(target: Fields, source: Fields, key: string, read: (value: unknown) => unknown): void {
  const value = source[key];
  if (present(source, key, value)) target[key] = read(value);
}
