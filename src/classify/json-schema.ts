import * as z from 'zod/mini';
import { numericSchema } from '../model/decimal.js';
import { classifierConfigSchema, DEFAULT_PRECEDENCE, precedencePairSchema } from './config.js';

/**
 * Descriptions laid over a generated JSON Schema, in its own shape: a
 * node's `description`, and the same for the nodes under its `properties`,
 * `items`, `additionalProperties` and `anyOf` members.
 */
interface Descriptions {
  readonly description?: string;
  readonly properties?: { readonly [field: string]: Descriptions };
  readonly items?: Descriptions;
  readonly additionalProperties?: Descriptions;
  readonly anyOf?: readonly Descriptions[];
}

const RATE: Descriptions = {
  properties: {
    from: { description: "In force from this local date (midnight in the schedule's time zone) or date-time, inclusive." },
    until: { description: 'In force until this local date or date-time, exclusive; left out, until the next rate starts.' },
    perKWh: { description: 'The price per kWh, a decimal ("0.2822"; a string keeps every digit), without VAT.' },
    currency: { description: 'ISO 4217 currency code, e.g. "EUR"; one per schedule.' },
  },
};

/** A rate or ceiling schedule, under `what` ("A rate schedule"). */
const schedule = (what: string): Descriptions => ({
  description: `${what}: rates in force from local dates.`,
  properties: {
    timeZone: { description: "IANA time zone that the rates' local dates are read in; default Europe/Brussels." },
    rates: { description: 'The rates, in any order; none overlapping, one currency.', items: RATE },
    allowGaps: { description: 'Whether the rates may leave gaps (sessions in a gap get no rate); default false.' },
  },
});

const TOKEN_SELECTOR_FIELDS: Descriptions['properties'] = {
  uids: { description: 'RFID UIDs (hex), compared without case or separators: "04:a2:3b" is "04A23B".' },
  contractIds: { description: 'Contract ids (EMAID, e.g. "NL-TST-C12345678-S"), compared without case or dashes.' },
  groupIds: { description: "Token group ids, e.g. the company cars' group." },
};

/**
 * The description of every field of the configuration: kept here, with the
 * JSON Schema that shows them, so that a page that only classifies does not
 * carry them.
 */
const DESCRIPTIONS: Descriptions = {
  description: "The configuration of a charging session classifier (JSON form). Every part is optional and defaults to the domain's rules.",
  properties: {
    validity: {
      description: "The validity rules: a session failing any is invalid. Every field is optional and defaults to the domain's rule.",
      properties: {
        energyKWh: {
          description: 'Inclusive bounds on the energy in kWh; a session outside them is invalid.',
          properties: {
            min: { description: 'The least energy (kWh) a valid session has, inclusive; default 0.' },
            max: { description: 'The most energy (kWh) a valid session has, inclusive; default 350.' },
          },
        },
        minDurationSeconds: { description: 'A session shorter than this (seconds) is invalid; exactly this long is valid; default 120.' },
        maxDurationSeconds: { description: 'A session longer than this (seconds) is invalid; null (the default): no maximum.' },
        requireEnergy: { description: 'Whether a session without a meter reading is invalid; default true.' },
        acceptedAuthorizations: { description: 'Authorisation statuses that count as accepted; every other status is a rejection; default ["Accepted"].' },
        lowEnergy: {
          description: 'Zero or very low consumption makes a session invalid; null (the default): off.',
          anyOf: [{ properties: { atMostKWh: { description: 'A session with at most this energy (kWh) is invalid.' } } }],
        },
        maxAveragePower: {
          description: "An average power (energy / duration) above the connector's makes a session invalid; null (the default): off.",
          anyOf: [
            {
              properties: {
                kW: { description: "The connector's power in kW, where the session does not say (maxPowerKW)." },
                tolerancePercent: { description: 'How far above the power (percent) is still plausible; default 10.' },
              },
            },
          ],
        },
        invalidStopReasons: { description: 'Stop reasons that make a session invalid (e.g. EmergencyStop, GroundFault); none by default.' },
        earliestStart: { description: 'A session that starts before this date-time (with an offset) is invalid; null (the default): off.' },
      },
    },
    matching: {
      description: 'How tokens are matched.',
      properties: {
        reversedUids: { description: 'Whether a UID also matches with its bytes reversed (readers disagree on byte order); default false.' },
        verifyContractIds: { description: 'Whether contract ids must carry a valid EMAID check character to be matched; default false.' },
      },
    },
    splitBilling: {
      description: 'How split billing licences are judged.',
      properties: {
        licenceCoverage: {
          description: 'When a session counts as run while a licence was active: at its start (default), over the whole session, or on any overlap.',
        },
      },
    },
    precedence: {
      description: 'The order of the split billing and whitelist matchers; default ["split-billing", "whitelist"]. Invalid always wins; normal is what remains.',
    },
    rateSchedules: { description: 'Named rate schedules that licences share, by id.', additionalProperties: schedule('A rate schedule') },
    ceilingSchedules: {
      description: "Named ceiling schedules that cap licences' rates, by id, e.g. one per Belgian region.",
      additionalProperties: schedule('A ceiling schedule'),
    },
    licences: {
      description: 'The split billing licences.',
      items: {
        description: 'A split billing licence: a home device whose sessions the employer reimburses per kWh.',
        properties: {
          id: { description: "The licence's id, unique among the licences." },
          employeeId: { description: 'The employee the licence reimburses, whose monthly statement lists its sessions.' },
          device: {
            description: 'The licensed device, by exactly one of chargePointId or serialNumber.',
            properties: {
              chargePointId: { description: "The home charging station's charge point id." },
              serialNumber: { description: "The portable charging cable's serial number, e.g. an NRGkick's." },
            },
          },
          status: { description: 'Only an active licence makes sessions split billing.' },
          validFrom: { description: 'Start of the validity period (inclusive): a local date (midnight in timeZone) or a date-time.' },
          validUntil: { description: 'End of the validity period (exclusive); null or left out, still valid.' },
          tokens: { description: "Only these tokens (the employee's own); left out, any token.", properties: TOKEN_SELECTOR_FIELDS },
          timeZone: { description: 'IANA time zone that local dates and rates are read in; default Europe/Brussels.' },
          rates: { description: 'The rate schedule: a list of rates, or the id of a schedule under rateSchedules.', anyOf: [{ items: RATE }] },
          allowRateGaps: { description: 'Whether the rate list may have gaps (sessions in a gap get no rate); default false.' },
          ceiling: {
            description: 'The legal ceiling(s) capping the rate: the id of a schedule under ceilingSchedules, or a list of ids (the lowest in force applies).',
          },
        },
      },
    },
    whitelist: {
      description: 'The whitelist entries.',
      items: {
        description: 'A whitelist entry: tokens that charge for free at some charge points.',
        properties: {
          id: { description: "The entry's id, unique among the whitelist entries." },
          tokens: { description: 'The tokens that charge for free.', properties: TOKEN_SELECTOR_FIELDS },
          chargePoints: {
            description: 'The charge points where they charge for free.',
            properties: {
              ids: { description: "Charge point ids (the EVSE's uid)." },
              locationIds: { description: 'Location (site) ids, e.g. a company site.' },
              operatorIds: { description: 'Charge point operator ids, e.g. "BE*MBF".' },
            },
          },
          validFrom: { description: 'Start of the validity period (inclusive): a local date (midnight in timeZone) or a date-time; left out, since always.' },
          validUntil: { description: 'End of the validity period (exclusive); null or left out, still valid.' },
          timeZone: { description: 'IANA time zone that local dates are read in; default Europe/Brussels.' },
        },
      },
    },
  },
};

/**
 * Lays `descriptions` over `node`, a generated JSON Schema, in place; a
 * description goes first among a node's members (after `$schema` and
 * `default`).
 *
 * @throws {Error} when `descriptions` names a member the schema does not have (a defect of the library).
 */
function layDescriptions(node: Record<string, unknown>, descriptions: Descriptions, path: string): void {
  const { description, ...below } = descriptions;
  if (description !== undefined) {
    const leading = Object.entries(node).filter(([key]) => key === '$schema' || key === 'default');
    rewrite(node, [...leading, ['description', description], ...Object.entries(node).filter(([key]) => key !== '$schema' && key !== 'default')]);
  }
  for (const [member, inner] of Object.entries(below)) {
    const described = node[member];
    if (typeof described !== 'object' || described === null) throw new Error(`the configuration's JSON Schema has no ${path}/${member} to describe`);
    if (member === 'items' || member === 'additionalProperties') layDescriptions(described as Record<string, unknown>, inner as Descriptions, `${path}/${member}`);
    else {
      for (const [key, innerDescriptions] of Object.entries(inner as Record<string, Descriptions>)) {
        const child = (described as Record<string, unknown>)[key];
        if (typeof child !== 'object' || child === null) throw new Error(`the configuration's JSON Schema has no ${path}/${member}/${key} to describe`);
        layDescriptions(child as Record<string, unknown>, innerDescriptions, `${path}/${member}/${key}`);
      }
    }
  }
}

/** A JSON Schema, as plain JSON. */
export type JsonSchema = { readonly [key: string]: unknown };

/** What a decimal written as a string looks like: "3.667", "-0.5", "1e3", blanks around it allowed. */
const DECIMAL_PATTERN = '^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*$';

/** One matcher of the precedence, in JSON Schema. */
const MATCHER_JSON_SCHEMA = { type: 'string', enum: DEFAULT_PRECEDENCE };

/** The precedence as the JSON Schema of the tuple it is read as: two matchers. */
const PRECEDENCE_JSON_SCHEMA = { type: 'array', prefixItems: [MATCHER_JSON_SCHEMA, MATCHER_JSON_SCHEMA], items: false, minItems: 2, maxItems: 2 };

/** Marks a member with no JSON form (a `Decimal`, a `Date`), removed afterwards. */
const NO_JSON_FORM = 'x-no-json-form';
/** Marks the number form of a decimal, removed afterwards; it keeps zod from folding the decimal's union into a list of types. */
const NUMBER_FORM = 'x-number-form';

/**
 * The JSON form of the configuration schema's input as JSON Schema (draft
 * 2020-12), with {@link DESCRIPTIONS} laid over it: the members that only
 * JavaScript can give (a `Decimal`, a `Date`) are left out, so a decimal is a
 * string or a number and a date a string.
 */
function jsonFormSchema(schema: z.core.$ZodType): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def;
      if (zodSchema === numericSchema) Object.assign(jsonSchema, { type: 'number', [NUMBER_FORM]: true });
      else if (def.type === 'custom' || def.type === 'date') jsonSchema[NO_JSON_FORM] = true;
      if (def.type === 'object' && def.catchall !== undefined && def.catchall._zod.def.type !== 'never') writeAsRecord(jsonSchema);
      if (zodSchema === precedencePairSchema) Object.assign(jsonSchema, PRECEDENCE_JSON_SCHEMA);
      // zod leaves out the default of a schema that transforms, whose input may differ from its output; the pair's does not.
      if (def.type === 'default' && def.innerType === precedencePairSchema) rewrite(jsonSchema, [['default', structuredClone(def.defaultValue)], ...Object.entries(jsonSchema)]);
    },
  });
  const simplified = simplify(generated) as Record<string, unknown>;
  layDescriptions(simplified, DESCRIPTIONS, '#');
  return simplified;
}

/** Replaces the members of `jsonSchema`, in place, by `entries` in their order. */
function rewrite(jsonSchema: Record<string, unknown>, entries: readonly (readonly [string, unknown])[]): void {
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  for (const [key, value] of entries) jsonSchema[key] = value;
}

/**
 * Writes the JSON Schema of a map read by `stringRecord` (an object with no
 * fields of its own and a schema for every other key) as that of a record of
 * string keys: `propertyNames` where the empty `properties` was.
 */
function writeAsRecord(jsonSchema: Record<string, unknown>): void {
  rewrite(jsonSchema, Object.entries(jsonSchema).map(([key, value]) => (key === 'properties' ? ['propertyNames', { type: 'string' }] : [key, value])));
}

/** Removes the members marked as having no JSON form, lifts a union left with one member, and gives decimal strings their pattern. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) result[key] = simplify(value);
  delete result[NUMBER_FORM];
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
