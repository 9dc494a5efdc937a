import * as z from 'zod/mini';

/** The schemas given a description, each with the key of its text. */
const described: (readonly [schema: z.core.$ZodType, key: string])[] = [];

/**
 * A copy of `schema` to be described by the text under `key` once
 * {@link describeSchemas} runs, as zod's `.describe()` would describe it: the
 * texts live with the JSON Schema that shows them, not with every page that
 * parses. The schema itself is left as it is, so a shared schema can be
 * described differently where it is used.
 *
 * @example withDescription(sessionSchema, 'session') === sessionSchema; // => false
 */
export function withDescription<T extends z.core.$ZodType>(schema: T, key: string): T {
  const copy = z.clone(schema);
  described.push([copy, key]);
  return copy;
}

/**
 * Gives every schema made by {@link withDescription} its description from
 * `descriptions` (in zod's global registry, where JSON Schema generation reads
 * it).
 *
 * @throws {Error} when a key has no description (a defect of the library).
 * @example describeSchemas({}); // throws Error
 */
export function describeSchemas(descriptions: Readonly<Record<string, string>>): void {
  for (const [schema, key] of described) {
    const description = descriptions[key];
    if (description === undefined) throw new Error(`no description for the schema described as ${JSON.stringify(key)}`);
    z.globalRegistry.add(schema, { description });
  }
}
