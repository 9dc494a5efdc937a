import type { ZodError } from 'zod';

/**
 * Something an adapter read but that looks wrong: a stable `code` to act on,
 * a message a person can read, and where it was found. Warnings never change
 * what was read; nothing is silently repaired.
 */
export interface ReadWarning<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  /** Where in the input, as in a zod issue's path. */
  readonly path?: readonly PropertyKey[];
}

/**
 * What an adapter gives for one object it reads: the value, or every issue
 * with its path (as `parseSession` gives them), and in both cases the
 * warnings.
 */
export type ReadResult<T, Code extends string = string> =
  | { readonly success: true; readonly data: T; readonly error?: undefined; readonly warnings: readonly ReadWarning<Code>[] }
  | { readonly success: false; readonly data?: undefined; readonly error: ZodError; readonly warnings: readonly ReadWarning<Code>[] };
