import * as z from 'zod/mini';
import { classifierConfigSchema } from './config.js';

/** A JSON Schema, as plain JSON. */
export type JsonSchema = { readonly [key: string]: unknown };

/** What a decimal written as a string looks like: "3.667", "-0.5", "1e3", blanks around it allowed. */
const DECIMAL_PATTERN = '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*$';

/** Marks a member with no JSON form (a `Decimal`, a `Date`), removed afterwards. */
const NO_JSON_FORM = 'x-no-json-form';

/**
 * The JSON form of a zod schema's input as JSON Schema (draft 2020-12): the
 * members that only JavaScript can give (a `Decimal`, a `Date`) are left
 * out, so a decimal is a string or a number and a date a string.
 */
function jsonFormSchema(schema: z.core.$ZodType): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const { type } = zodSchema._zod.def;
      if (type === 'custom' || type === 'date') jsonSchema[NO_JSON_FORM] = true;
    },
  });
  return simplify(generated) as JsonSchema;
}

/** Removes the members marked as having no JSON form, lifts a union left with one member, and gives decimal strings their pattern. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) result[key] = simplify(value);
  const anyOf = result['anyOf'];
  if (!Array.isArray(anyOf)) return result;
  const kept = (anyOf as Record<string, unknown>[]).filter((member) => member[NO_JSON_FORM] !== true);
  const types = kept.map((member) => member['type']);
  if (types.length === 2 && types.includes('string') && types.includes('number')) {
    const text = kept.find((member) => member['type'] === 'string')!;
    text['pattern'] = DECIMAL_PATTERN;
  }
  delete result['anyOf'];
  return kept.length === 1 ? { ...kept[0], ...result } : { ...result, anyOf: kept };
}

/**
 * The JSON Schema (draft 2020-12) of the classifier configuration's JSON
 * form, with a description for every field, so that a portal's
 * configuration editor can validate a configuration and render its form.
 * Generated from the library's zod schemas, so it never drifts from them.
 * Every configuration `createClassifier` accepts (in JSON form: decimals as
 * strings or numbers, dates as strings) is valid for it; the checks across
 * fields (rate periods that overlap, a schedule id that is not defined, a
 * minimum above its maximum, an unknown time zone) are `createClassifier`'s
 * to report, with their paths.
 *
 * @example
 * classifierConfigJsonSchema.$schema; // => 'https://json-schema.org/draft/2020-12/schema'
 * classifierConfigJsonSchema.properties.licences.description; // => 'The split billing licences.'
 */
export const classifierConfigJsonSchema = /* @__PURE__ */ jsonFormSchema(classifierConfigSchema) as JsonSchema & {
  readonly $schema: string;
  readonly properties: { readonly [field: string]: JsonSchema & { readonly description: string } };
};
