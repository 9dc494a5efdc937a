import type { ZodSafeParseResult } from 'zod';
import { ZodRealError } from 'zod';
import * as z from 'zod/mini';
import { _safeParse } from 'zod/v4/core';

/**
 * A copy of `schema` that carries `description` (in zod's global registry,
 * where JSON Schema generation reads it), as zod's `.describe()` does; the
 * schema itself is left as it is, so a shared schema can be described
 * differently where it is used.
 *
 * @example withDescription(sessionSchema, 'A session as a backend sends it.') === sessionSchema; // => false
 */
export function withDescription<T extends z.core.$ZodType>(schema: T, description: string): T {
  const copy = z.clone(schema);
  z.globalRegistry.add(copy, { description });
  return copy;
}

const safeParseWithZodError = _safeParse(ZodRealError);

/**
 * Parses `input` with `schema` without throwing, as zod's `safeParse` does,
 * giving a failure as a `ZodError` (with `format()` and `flatten()`) whatever
 * build of zod the schema was made with.
 *
 * @example safeParse(sessionSchema, {}).error?.name; // => 'ZodError'
 */
export function safeParse<T extends z.core.$ZodType>(schema: T, input: unknown): ZodSafeParseResult<z.output<T>> {
  return safeParseWithZodError(schema, input) as ZodSafeParseResult<z.output<T>>;
}
