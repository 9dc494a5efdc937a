import { readonlyOutput } from '../model/list.js';
import * as z from 'zod/mini';
import { resolvedObject, zonedInput } from '../model/resolved-object.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../model/time.js';
import { buildRateSchedule, isReadRate, rateInputSchema, type RateSchedule } from '../matchers/rate-schedule.js';
import { ConfigError } from '../errors.js';
import { isValidEmaid } from '../matchers/emaid.js';
import { LICENCE_COVERAGES, licenceSchema, type Licence } from '../matchers/licence.js';
import { whitelistEntrySchema } from '../matchers/whitelist.js';
import { identifierSchema } from '../model/identifier.js';
import { objectError } from '../model/messages.js';
import { stringRecord } from '../model/record.js';
import { timeZoneSchema } from '../model/period.js';
import { validityConfigSchema } from '../rules/config.js';
import { readConfigQuickly, type ConfigHead } from './read-config.js';
import { keysOf } from '../model/read-quickly.js';
import type { ParseResult } from '../model/session.js';

/** The two matchers whose order is configurable: split billing first by default. */
export const DEFAULT_PRECEDENCE = ['split-billing', 'whitelist'] as const;

const PRECEDENCE_ERROR = 'precedence is ["split-billing", "whitelist"] or ["whitelist", "split-billing"]';

type Matcher = (typeof DEFAULT_PRECEDENCE)[number];

/**
 * The two matchers in order, each once, read as `z.tuple([z.enum(DEFAULT_PRECEDENCE),
 * z.enum(DEFAULT_PRECEDENCE)], { error: PRECEDENCE_ERROR })` reads them (the
 * same value, issues and issue fields), without zod's tuple, which a page
 * that classifies would carry for this one pair. The configuration's JSON
 * Schema writes it as that tuple.
 *
 * @example
 * precedencePairSchema.safeParse(['whitelist', 'split-billing']).data; // => ['whitelist', 'split-billing']
 * precedencePairSchema.safeParse(['whitelist']).error?.issues.map((issue) => issue.code); // => ['too_small']
 */
export const precedencePairSchema = z.transform((input: [Matcher, Matcher], ctx): [Matcher, Matcher] => {
  const given: unknown = input;
  if (!Array.isArray(given)) {
    ctx.issues.push({ expected: 'tuple', code: 'invalid_type', input: given, path: [], message: PRECEDENCE_ERROR });
    return input;
  }
  if (given.length < 2) {
    ctx.issues.push({ code: 'too_small', minimum: 2, inclusive: true, input: given, origin: 'array', path: [], message: PRECEDENCE_ERROR });
    return [] as unknown as [Matcher, Matcher];
  }
  if (given.length > 2) ctx.issues.push({ code: 'too_big', maximum: 2, inclusive: true, input: given, origin: 'array', path: [], message: PRECEDENCE_ERROR });
  for (let index = 0; index < 2; index++) {
    const matcher: unknown = given[index];
    if (!DEFAULT_PRECEDENCE.includes(matcher as Matcher)) {
      ctx.issues.push({ code: 'invalid_value', values: [...DEFAULT_PRECEDENCE], input: matcher, path: [index], message: PRECEDENCE_ERROR });
    }
  }
  return [given[0], given[1]] as [Matcher, Matcher];
}).check(z.refine(([first, second]) => first !== second, { error: 'precedence names split-billing and whitelist once each' }));

const precedenceSchema = z._default(readonlyOutput(precedencePairSchema), [...DEFAULT_PRECEDENCE]);

const rateScheduleSchema = resolvedObject(
  z.strictObject(
    {
      timeZone: timeZoneSchema,
      rates: readonlyOutput(z.array(rateInputSchema, { error: 'give the rates as a list' })),
      allowGaps: z._default(z.boolean({ error: 'allowGaps must be true or false' }), false),
    },
    { error: objectError('rate schedule') },
  ),
  (raw, ctx) => {
    const timeZone = raw['timeZone'] === undefined ? DEFAULT_TIME_ZONE : raw['timeZone'];
    const rates = raw['rates'];
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone) || !Array.isArray(rates) || !rates.every(isReadRate)) return null;
    return buildRateSchedule(rates, timeZone, raw['allowGaps'] === true, ctx, ['rates']);
  },
  (_schedule, built) => built!,
);

/**
 * Named schedules (rate schedules, ceiling schedules). Ids are read as
 * written and compared trimmed, so two ids that are the same once trimmed
 * (" be-fl " and "be-fl") are refused, never one silently replacing the other.
 */
function namedSchedulesSchema(field: 'rateSchedules' | 'ceilingSchedules', what: string) {
  return z.pipe(
    stringRecord(rateScheduleSchema, `${field} maps ids to ${what}s`).check(
      z.superRefine((schedules, ctx) => {
        const seen = new Map<string, string>();
        for (const id of Object.keys(schedules)) {
          const trimmed = id.trim();
          const other = seen.get(trimmed);
          if (trimmed === '') ctx.addIssue({ code: 'custom', path: [id], message: `a ${what} id is empty` });
          else if (other !== undefined) {
            ctx.addIssue({ code: 'custom', path: [id], message: `the ${what} ids ${JSON.stringify(other)} and ${JSON.stringify(id)} are the same once trimmed; give each schedule its own id` });
          } else seen.set(trimmed, id);
        }
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null }),
    ),
    z.transform((schedules: Record<string, RateSchedule>) => Object.fromEntries(Object.entries(schedules).map(([id, schedule]) => [id.trim(), schedule]))),
  );
}

/** Runs a list check even when some items failed, so one error lists every problem. */
const everyTime = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/** A list check: no two items share an id. */
function uniqueIds(list: string) {
  return (items: readonly unknown[], ctx: z.core.$RefinementCtx) => {
    const seen = new Map<unknown, number>();
    items.forEach((item, index) => {
      const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id ${JSON.stringify(id)} (also at ${list}[${first}])` });
    });
  };
}

/** The configuration's fields, before the checks across them. */
const classifierConfigObjectSchema = z.strictObject(
  {
    validity: z.prefault(validityConfigSchema, {}),
    matching: z.prefault(
      z.strictObject(
        {
          reversedUids: z._default(z.boolean({ error: 'reversedUids must be true or false' }), false),
          verifyContractIds: z._default(z.boolean({ error: 'verifyContractIds must be true or false' }), false),
        },
        { error: objectError('matching options') },
      ),
      {},
    ),
    splitBilling: z.prefault(
      z.strictObject(
        {
          licenceCoverage: z._default(z.enum(LICENCE_COVERAGES, { error: `licenceCoverage is one of ${LICENCE_COVERAGES.join(', ')}` }), 'start'),
        },
        { error: objectError('split billing options') },
      ),
      {},
    ),
    precedence: precedenceSchema,
    /** Named rate schedules that licences can share, e.g. an employer's agreed price. */
    rateSchedules: z._default(namedSchedulesSchema('rateSchedules', 'rate schedule'), {}),
    /** Named ceiling schedules that cap licences' rates, e.g. a Belgian region's quarterly maximum home charging rate. */
    ceilingSchedules: z._default(namedSchedulesSchema('ceilingSchedules', 'ceiling schedule'), {}),
    licences: z._default(
      readonlyOutput(
        z.array(licenceSchema, { error: 'licences is a list' }).check(z.superRefine(uniqueIds('licences'), everyTime)),
      ),
      [],
    ),
    whitelist: z._default(
      readonlyOutput(
        z.array(whitelistEntrySchema, { error: 'whitelist is a list' }).check(z.superRefine(uniqueIds('whitelist'), everyTime)),
      ),
      [],
    ),
  },
  { error: objectError('classifier configuration') },
);

/**
 * Zod schema for the whole classifier configuration, JSON form, so it can
 * live in a database and be edited in a portal. Every part is optional and
 * defaults to the domain's rules.
 * @example classifierConfigSchema.safeParse(sampleConfig).success; // => true
 */
export const classifierConfigSchema = z.pipe(
  classifierConfigObjectSchema.check(
    z.superRefine((config, ctx) => checkReferences(config, ctx), {
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  ),
  z.transform(({ rateSchedules, ceilingSchedules, licences, ...config }: z.output<typeof classifierConfigObjectSchema>) => ({
    ...config,
    licences: licences.map(({ ceiling, ...licence }): Licence => ({
      ...licence,
      rates: (typeof licence.rates === 'string' ? rateSchedules[licence.rates] : licence.rates) as RateSchedule,
      ...(ceiling === undefined ? {} : { ceiling: (typeof ceiling === 'string' ? [ceiling] : ceiling).map((id) => ({ id, schedule: ceilingSchedules[id]! })) }),
    })),
  })),
);

/**
 * Checks across parts of the configuration: licences that name an unknown
 * rate or ceiling schedule, or a ceiling in another currency than their
 * rates, and (with `verifyContractIds`) contract ids whose EMAID check
 * character is wrong. Runs even when other parts failed, so one error lists
 * every problem; it reads the configuration defensively for that reason.
 */
function checkReferences(config: unknown, ctx: z.core.$RefinementCtx): void {
  const { rateSchedules, ceilingSchedules, licences, whitelist, matching } = config as Record<string, unknown>;
  const schedules = named(rateSchedules);
  const scheduleIds = Object.keys(schedules);
  const ceilingsById = new Map(Object.entries(named(ceilingSchedules)).map(([id, schedule]) => [id.trim(), schedule]));
  const ceilingIds = [...ceilingsById.keys()];
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  items(licences).forEach((item, index) => {
    const { rates, ceiling } = item;
    if (typeof rates === 'string' && !scheduleIds.includes(rates)) {
      issue(['licences', index, 'rates'], `no rate schedule ${JSON.stringify(rates)}; define it under rateSchedules (known: ${scheduleIds.join(', ') || 'none'})`);
    }
    const rateCurrency = currencyOf(typeof rates === 'string' ? schedules[rates] : rates);
    (typeof ceiling === 'string' ? [ceiling] : items(ceiling)).forEach((id: unknown, at) => {
      if (typeof id !== 'string' || id.trim() === '') return; // reported by the licence's schema
      const path = typeof ceiling === 'string' ? ['licences', index, 'ceiling'] : ['licences', index, 'ceiling', at];
      const schedule = ceilingsById.get(id.trim());
      const ceilingCurrency = currencyOf(schedule);
      if (schedule === undefined) {
        issue(path, `no ceiling schedule ${JSON.stringify(id)}; define it under ceilingSchedules (known: ${ceilingIds.join(', ') || 'none'})`);
      } else if (typeof rateCurrency === 'string' && typeof ceilingCurrency === 'string' && rateCurrency !== ceilingCurrency) {
        issue(path, `the ceiling schedule ${JSON.stringify(id)} is in ${ceilingCurrency}, the licence's rates in ${rateCurrency}: a ceiling caps rates of its own currency`);
      }
    });
  });
  if ((matching as { verifyContractIds?: unknown } | undefined)?.verifyContractIds !== true) return;
  for (const [list, name] of [[licences, 'licences'], [whitelist, 'whitelist']] as const) {
    items(list).forEach((item, index) => {
      items((item.tokens as { contractIds?: unknown } | undefined)?.contractIds).forEach((contractId, at) => {
        if (typeof contractId === 'string' && !isValidEmaid(contractId)) {
          issue([name, index, 'tokens', 'contractIds', at], `${JSON.stringify(contractId)} is not an EMAID with a valid check character (verifyContractIds is on)`);
        }
      });
    });
  }
}

/** Named schedules as read so far: an empty map when they cannot be read (reported elsewhere). */
function named(schedules: unknown): Record<string, unknown> {
  return typeof schedules === 'object' && schedules !== null ? (schedules as Record<string, unknown>) : {};
}

/** The items of a list as read so far, each an object (`{}` for a missing one); none when it is not a list (reported elsewhere). */
function items(list: unknown): Record<string, unknown>[] {
  return (Array.isArray(list) ? list : []).map((item) => (item ?? {}) as Record<string, unknown>);
}

/** The currency of rates as written (a list) or of a schedule already built; `undefined` when it cannot be read (reported elsewhere). */
function currencyOf(rates: unknown): unknown {
  if (Array.isArray(rates)) return (rates[0] as { currency?: unknown } | undefined)?.currency;
  const schedule = named(rates) as { currency?: unknown; rates?: unknown };
  return typeof schedule.currency === 'string' ? schedule.currency : Array.isArray(schedule.rates) ? currencyOf(schedule.rates) : undefined;
}

/** The classifier configuration as written (JSON form); every part optional. */
export type ClassifierConfigInput = z.input<typeof classifierConfigSchema>;

/** The classifier configuration, validated, with defaults applied. */
export type ClassifierConfig = z.output<typeof classifierConfigSchema>;

const CONFIG_KEYS = /* @__PURE__ */ keysOf(classifierConfigObjectSchema.shape);

/** The fields other than licences and whitelist, read by the schema, for the fast path. */
function readHead(rest: Readonly<Record<string, unknown>>): ConfigHead | undefined {
  const read = classifierConfigObjectSchema.safeParse(rest);
  return read.success ? read.data : undefined;
}

/**
 * The configuration read by the fast path, exactly as the schema reads it,
 * or `undefined` when the schema must read it (to say what is wrong, or for
 * a shape the fast path does not know).
 *
 * @example
 * readClassifierConfigQuickly(sampleConfig) !== undefined; // => true
 * readClassifierConfigQuickly({ licences: 'none' }) === undefined; // => true
 */
export function readClassifierConfigQuickly(input: unknown): ClassifierConfig | undefined {
  return readConfigQuickly(input, CONFIG_KEYS, readHead) as ClassifierConfig | undefined;
}

/**
 * Validates a configuration. Unlike `createClassifier` it never throws: a
 * portal can show every problem next to its field.
 * @example
 * parseClassifierConfig(sampleConfig).success; // => true
 * parseClassifierConfig({ validity: { minDurationSeconds: -1 } }).error?.issues.map((issue) => issue.path); // => [['validity', 'minDurationSeconds']]
 */
export function parseClassifierConfig(input: unknown): ParseResult<ClassifierConfig> {
  const quick = readClassifierConfigQuickly(input);
  return quick !== undefined ? { success: true, data: quick } : (classifierConfigSchema.safeParse(input) as ParseResult<ClassifierConfig>);
}

/**
 * Validates a configuration, throwing one {@link ConfigError} that lists every
 * problem with its path.
 *
 * @throws {ConfigError} when the configuration cannot be used.
 */
export function resolveClassifierConfig(input: unknown): ClassifierConfig {
  const quick = readClassifierConfigQuickly(input);
  if (quick !== undefined) return quick;
  const result = classifierConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map(({ path, message }) => ({ path, message })));
}

/**
 * The defaults: energy within [0, 350] kWh inclusive, at least 120 seconds,
 * energy required, only `Accepted` accepted, no optional rule, split billing
 * before whitelist, no licence and no whitelist entry.
 * @example
 * defaultConfig.validity.energyKWh; // => { min: '0', max: '350' }
 * defaultConfig.precedence; // => ['split-billing', 'whitelist']
 */
export const defaultConfig: ClassifierConfig = /* @__PURE__ */ resolveClassifierConfig({});
