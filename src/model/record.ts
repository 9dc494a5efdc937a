import * as z from 'zod/mini';

/** An object literal (or one without a prototype), as zod's records take it: not an array, a `Date` or a class instance. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const constructor = (value as { constructor?: unknown }).constructor;
  if (typeof constructor !== 'function') return true;
  const prototype: unknown = constructor.prototype;
  return typeof prototype === 'object' && prototype !== null && Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

const keySchema = z.string();

/**
 * Zod schema for an object that maps string ids to values read by `value`:
 * it reads as `z.record(z.string(), value, { error })` does (the same value,
 * the same issues, paths and messages, and the same JSON Schema once
 * `classifierConfigJsonSchema` writes it), but is built from the object
 * schema every page already ships rather than from zod's record, which a
 * page that classifies would carry for this one map.
 *
 * @example
 * const stopReasons = stringRecord(stopReasonSchema, 'give stop reasons by session id');
 * stopReasons.safeParse({ 's-1': 'EVDisconnected' }).data; // => { 's-1': 'EVDisconnected' }
 * stopReasons.safeParse(['EVDisconnected']).error?.issues.map((issue) => issue.message); // => ['give stop reasons by session id']
 */
export function stringRecord<T extends z.core.$ZodType>(value: T, error: string) {
  // The symbol keys of the map being read: the object schema skips them, a record refuses each (after every string key's issues).
  let symbolKeys: symbol[] = [];
  return z.pipe(
    // The object schema takes any object but an array; a record only a plain one.
    z.transform((input: Record<string, z.input<T>>, ctx) => {
      if (!isPlainObject(input)) {
        // Refused, and left as given for the checks that run even so (as a record leaves it).
        ctx.issues.push({ expected: 'record', code: 'invalid_type', input, path: [], message: error });
        return input;
      }
      symbolKeys = Object.getOwnPropertySymbols(input).filter((key) => Object.prototype.propertyIsEnumerable.call(input, key));
      // Its own keys alone, as a record reads them: the object schema would also read inherited ones.
      return Object.fromEntries(Object.entries(input));
    }),
    z.catchall(z.object({}), value).check(
      z.superRefine(
        (_map, ctx) => {
          for (const key of symbolKeys) ctx.addIssue({ code: 'invalid_key', origin: 'record', issues: keySchema.safeParse(key).error!.issues, input: key, path: [key], message: error });
          symbolKeys = [];
        },
        { when: () => true },
      ),
    ),
  );
}
