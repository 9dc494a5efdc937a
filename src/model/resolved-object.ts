import * as z from 'zod/mini';

/** Where a check reports issues. */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }): void;
}

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

/**
 * An object schema whose cross-field work (reading dates in the object's own
 * time zone, building a rate schedule) runs even when other fields failed, so
 * that one error lists every problem. `resolve` reads the object defensively
 * (a failed field holds what was given) and reports its issues; `build` gets
 * its result once the whole object is valid.
 */
export function resolvedObject<S extends z.ZodMiniType, R, O>(
  schema: S,
  resolve: (value: Readonly<Record<string, unknown>>, ctx: IssueSink) => R,
  build: (value: z.output<S>, resolved: R) => O,
) {
  // zod runs an object's checks and then, when they pass, its transform, with no other object of this
  // schema in between: the last object resolved is the one being built.
  let lastValue: unknown = null;
  let lastResult: R | undefined;
  const ignore: IssueSink = { addIssue: () => undefined };
  return z.pipe(
    schema.check(
      z.superRefine(
        (value, ctx) => {
          lastResult = resolve(value as Record<string, unknown>, ctx as unknown as IssueSink);
          lastValue = value;
        },
        { when: isObject },
      ),
    ),
    z.transform((value: z.output<S>) => build(value, value === lastValue ? (lastResult as R) : resolve(value as Record<string, unknown>, ignore))),
  );
}

/** A configured date or date-time as given, or `undefined` when it is not one (its own issue is reported elsewhere). */
export function zonedInput(value: unknown): string | Date | undefined {
  return typeof value === 'string' || value instanceof Date ? value : undefined;
}
