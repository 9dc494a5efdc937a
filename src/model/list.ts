import * as z from 'zod/mini';

/**
 * A schema's output typed read-only, without zod's `.readonly()`, which
 * freezes its input even when that input failed (and so throws on a typed
 * array given where a list is expected). The classifier freezes its
 * configuration itself.
 */
export function readonlyOutput<T extends z.ZodMiniType>(schema: T): z.ZodMiniReadonly<T> {
  return schema as unknown as z.ZodMiniReadonly<T>;
}
