/**
 * Changing generated JSON in place: every path of a value, and a copy with
 * the value at one path replaced, so a test can turn valid data into every
 * kind of invalid data.
 */

/** Every path in a JSON value, the root's (`[]`) first. */
export function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  return [at, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...at, Array.isArray(value) ? Number(key) : key]))];
}

/** A copy of `value` with the value at `path` replaced (or removed when `replacement` is undefined). */
export function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}
