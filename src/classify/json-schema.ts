import * as z from 'zod/mini';
import { describeSchemas } from '../model/schema.js';
import { classifierConfigSchema, DEFAULT_PRECEDENCE, precedencePairSchema } from './config.js';

/**
 * The description of every field of the configuration, by the key its schema
 * was given with `withDescription`: kept here, so that a page that only
 * classifies does not carry them.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'validity.energyKWh.min': 'The least energy (kWh) a valid session has, inclusive; default 0.',
  'validity.energyKWh.max': 'The most energy (kWh) a valid session has, inclusive; default 350.',
  'validity.energyKWh': 'Inclusive bounds on the energy in kWh; a session outside them is invalid.',
  'validity.minDurationSeconds': 'A session shorter than this (seconds) is invalid; exactly this long is valid; default 120.',
  'validity.maxDurationSeconds': 'A session longer than this (seconds) is invalid; null (the default): no maximum.',
  'validity.requireEnergy': 'Whether a session without a meter reading is invalid; default true.',
  'validity.acceptedAuthorizations': 'Authorisation statuses that count as accepted; every other status is a rejection; default ["Accepted"].',
  'validity.lowEnergy.atMostKWh': 'A session with at most this energy (kWh) is invalid.',
  'validity.lowEnergy': 'Zero or very low consumption makes a session invalid; null (the default): off.',
  'validity.maxAveragePower.kW': "The connector's power in kW, where the session does not say (maxPowerKW).",
  'validity.maxAveragePower.tolerancePercent': 'How far above the power (percent) is still plausible; default 10.',
  'validity.maxAveragePower': "An average power (energy / duration) above the connector's makes a session invalid; null (the default): off.",
  'validity.invalidStopReasons': 'Stop reasons that make a session invalid (e.g. EmergencyStop, GroundFault); none by default.',
  'validity.earliestStart': 'A session that starts before this date-time (with an offset) is invalid; null (the default): off.',
  'validity': "The validity rules: a session failing any is invalid. Every field is optional and defaults to the domain's rule.",
  'rateSchedule.timeZone': "IANA time zone that the rates' local dates are read in; default Europe/Brussels.",
  'rateSchedule.rates': 'The rates, in any order; none overlapping, one currency.',
  'rateSchedule.allowGaps': 'Whether the rates may leave gaps (sessions in a gap get no rate); default false.',
  'rateSchedules.value': 'A rate schedule: rates in force from local dates.',
  'ceilingSchedules.value': 'A ceiling schedule: rates in force from local dates.',
  'config.matching.reversedUids': 'Whether a UID also matches with its bytes reversed (readers disagree on byte order); default false.',
  'config.matching.verifyContractIds': 'Whether contract ids must carry a valid EMAID check character to be matched; default false.',
  'config.matching': 'How tokens are matched.',
  'config.splitBilling.licenceCoverage': 'When a session counts as run while a licence was active: at its start (default), over the whole session, or on any overlap.',
  'config.splitBilling': 'How split billing licences are judged.',
  'config.precedence': 'The order of the split billing and whitelist matchers; default ["split-billing", "whitelist"]. Invalid always wins; normal is what remains.',
  'config.rateSchedules': 'Named rate schedules that licences share, by id.',
  'config.ceilingSchedules': "Named ceiling schedules that cap licences' rates, by id, e.g. one per Belgian region.",
  'config.licences.item': 'A split billing licence: a home device whose sessions the employer reimburses per kWh.',
  'config.licences': 'The split billing licences.',
  'config.whitelist.item': 'A whitelist entry: tokens that charge for free at some charge points.',
  'config.whitelist': 'The whitelist entries.',
  'config': "The configuration of a charging session classifier (JSON form). Every part is optional and defaults to the domain's rules.",
  'licence.device.chargePointId': "The home charging station's charge point id.",
  'licence.device.serialNumber': "The portable charging cable's serial number, e.g. an NRGkick's.",
  'licence.device': 'The licensed device, by exactly one of chargePointId or serialNumber.',
  'licence.id': "The licence's id, unique among the licences.",
  'licence.employeeId': 'The employee the licence reimburses, whose monthly statement lists its sessions.',
  'licence.status': 'Only an active licence makes sessions split billing.',
  'licence.validFrom': 'Start of the validity period (inclusive): a local date (midnight in timeZone) or a date-time.',
  'licence.validUntil': 'End of the validity period (exclusive); null or left out, still valid.',
  'licence.tokens': "Only these tokens (the employee's own); left out, any token.",
  'licence.timeZone': 'IANA time zone that local dates and rates are read in; default Europe/Brussels.',
  'licence.rates': 'The rate schedule: a list of rates, or the id of a schedule under rateSchedules.',
  'licence.allowRateGaps': 'Whether the rate list may have gaps (sessions in a gap get no rate); default false.',
  'licence.ceiling': 'The legal ceiling(s) capping the rate: the id of a schedule under ceilingSchedules, or a list of ids (the lowest in force applies).',
  'rate.from': "In force from this local date (midnight in the schedule's time zone) or date-time, inclusive.",
  'rate.until': 'In force until this local date or date-time, exclusive; left out, until the next rate starts.',
  'rate.perKWh': 'The price per kWh, a decimal ("0.2822"; a string keeps every digit), without VAT.',
  'rate.currency': 'ISO 4217 currency code, e.g. "EUR"; one per schedule.',
  'tokenSelector.uids': 'RFID UIDs (hex), compared without case or separators: "04:a2:3b" is "04A23B".',
  'tokenSelector.contractIds': 'Contract ids (EMAID, e.g. "NL-TST-C12345678-S"), compared without case or dashes.',
  'tokenSelector.groupIds': "Token group ids, e.g. the company cars' group.",
  'tokenSelector': 'Which tokens: any token whose UID, contract id or group is listed; at least one identifier.',
  'chargePointSelector.ids': "Charge point ids (the EVSE's uid).",
  'chargePointSelector.locationIds': 'Location (site) ids, e.g. a company site.',
  'chargePointSelector.operatorIds': 'Charge point operator ids, e.g. "BE*MBF".',
  'chargePointSelector': 'Which charge points: any charge point whose id, location or operator is listed; at least one identifier.',
  'whitelistEntry.id': "The entry's id, unique among the whitelist entries.",
  'whitelistEntry.tokens': 'The tokens that charge for free.',
  'whitelistEntry.chargePoints': 'The charge points where they charge for free.',
  'whitelistEntry.validFrom': 'Start of the validity period (inclusive): a local date (midnight in timeZone) or a date-time; left out, since always.',
  'whitelistEntry.validUntil': 'End of the validity period (exclusive); null or left out, still valid.',
  'whitelistEntry.timeZone': 'IANA time zone that local dates are read in; default Europe/Brussels.',
};

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

/**
 * The JSON form of a zod schema's input as JSON Schema (draft 2020-12): the
 * members that only JavaScript can give (a `Decimal`, a `Date`) are left
 * out, so a decimal is a string or a number and a date a string.
 */
function jsonFormSchema(schema: z.core.$ZodType): JsonSchema {
  describeSchemas(DESCRIPTIONS);
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def;
      if (def.type === 'custom' || def.type === 'date') jsonSchema[NO_JSON_FORM] = true;
      if (def.type === 'object' && def.catchall !== undefined && def.catchall._zod.def.type !== 'never') writeAsRecord(jsonSchema);
      if (zodSchema === precedencePairSchema) Object.assign(jsonSchema, PRECEDENCE_JSON_SCHEMA);
      // zod leaves out the default of a schema that transforms, whose input may differ from its output; the pair's does not.
      if (def.type === 'default' && def.innerType === precedencePairSchema) rewrite(jsonSchema, [['default', structuredClone(def.defaultValue)], ...Object.entries(jsonSchema)]);
    },
  });
  return simplify(generated) as JsonSchema;
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
