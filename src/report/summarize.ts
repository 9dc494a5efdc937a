import type { Decimal } from 'decimal.js';
import type { AssessedSession, Assessment } from '../assess/assess.js';
import { SESSION_TYPES, type SessionType } from '../classify/session-type.js';
import { make, type Money } from '../cost/money.js';
import { IssueList, usageError } from '../errors.js';
import { Exact, MONEY_LIMITS, readDecimal } from '../model/decimal.js';
import { describe } from '../model/messages.js';
import { isCurrencyCode } from '../model/price.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, parseInstant, unknownTimeZoneMessage } from '../model/time.js';
import { monthOf } from './month.js';

/** Amounts that are not in the summary's currency: never converted, totalled in their own. */
export interface CurrencyTotals {
  /** How many sessions had a non-zero amount in this currency. */
  readonly count: number;
  readonly operationalBudget: Money;
  readonly reimbursement: Money;
}

/** Sums over a set of sessions. */
export interface Totals {
  readonly count: number;
  /** Energy of the sessions that have a reading. */
  readonly energyKWh: Decimal;
  /** How many sessions had no energy reading. */
  readonly withoutEnergy: number;
  /** Total duration in milliseconds; a session that ends before it starts counts as 0. */
  readonly durationMs: number;
  /** Sum of the sessions' rounded operational budget amounts in the summary's currency. */
  readonly operationalBudget: Money;
  /** Sum of the sessions' rounded reimbursements in the summary's currency. */
  readonly reimbursement: Money;
  /** Per other currency, the sessions whose amount is in it (none: `{}`); their count, energy and duration are in the totals above. */
  readonly otherCurrencies: Readonly<Record<string, CurrencyTotals>>;
}

/** Totals in all, and per session type (every type present, zero where none). */
export interface TypedTotals {
  readonly total: Totals;
  readonly byType: Readonly<Record<SessionType, Totals>>;
}

/**
 * What a summary can be grouped by, besides the session type: user, charge
 * point, month (of the local start, in the summary's time zone), and user
 * then month (`userMonth`: per user, that user's months).
 *
 * @example SUMMARY_GROUPS; // => ['user', 'chargePoint', 'month', 'userMonth']
 */
export const SUMMARY_GROUPS = ['user', 'chargePoint', 'month', 'userMonth'] as const;

/** One of {@link SUMMARY_GROUPS}. */
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

/**
 * Named type filters a portal shows, each a list of session types.
 * `'e-charging'` is the employer's charging expense on the charge card: the
 * normal (public) sessions, paid from the operational budget at the MSP's
 * price. Split billing is reimbursed apart (the monthly statements);
 * whitelisted and invalid sessions cost nothing.
 *
 * @example summarize(assessed, { types: 'e-charging' }).total.operationalBudget.amount.toString(); // => '24.67'
 */
export const TYPE_FILTERS = { 'e-charging': ['normal'] } as const satisfies Readonly<Record<string, readonly SessionType[]>>;

/** One of the names of {@link TYPE_FILTERS}. */
export type TypeFilter = keyof typeof TYPE_FILTERS;

/** Options of {@link summarize} and {@link createSummary}. */
export interface SummaryOptions {
  /** Only these types (the portal's type filter), as a list or a named filter of {@link TYPE_FILTERS}; default all four. */
  readonly types?: readonly SessionType[] | TypeFilter;
  /** Also group by user, by charge point, by month (in `timeZone`), by user then month. */
  readonly groupBy?: readonly SummaryGroup[];
  /** Zone of the months and of `from` / `until`, default Europe/Brussels. */
  readonly timeZone?: string;
  /**
   * Only sessions whose start is at or after this instant: a date ("2022-11-01",
   * local midnight in `timeZone`), a local date-time ("2022-11-01T06:00"), a
   * date-time with an offset, or a `Date`. Default: no lower bound.
   */
  readonly from?: string | Date;
  /** Only sessions whose start is before this instant (exclusive), read as `from` is. Default: no upper bound. */
  readonly until?: string | Date;
  /** Currency of the totals, default 'EUR'; amounts in other currencies are totalled apart, in `otherCurrencies`. */
  readonly currency?: string;
}

/** A summary: totals in all and per type, and per group when asked. Plain data: it survives a JSON round trip. */
export interface Summary extends TypedTotals {
  readonly currency: string;
  /** Inputs that could not be read (failed assessments added to the summary): counted, never dropped. */
  readonly unreadable: number;
  /** Per user id ("(no user)" when unknown), when grouped by user. */
  readonly byUser?: Readonly<Record<string, TypedTotals>>;
  /** Per charge point id, when grouped by charge point. */
  readonly byChargePoint?: Readonly<Record<string, TypedTotals>>;
  /** Per month of the session's start, "2022-11", when grouped by month. */
  readonly byMonth?: Readonly<Record<string, TypedTotals>>;
  /** Per user id, then per month of the session's start, when grouped by `userMonth`: `byUserMonth['u-1']['2022-11']`. */
  readonly byUserMonth?: Readonly<Record<string, Readonly<Record<string, TypedTotals>>>>;
}

/** An accumulating summary: add items one at a time (from a stream), then read the result. */
export interface SummaryBuilder {
  /** Adds an assessed session, or a failed assessment (counted as unreadable). */
  add(item: AssessedSession | Assessment): void;
  /** The summary of everything added so far; equal to `summarize` of the same items. */
  result(): Summary;
}

/**
 * The user key of sessions without a user id.
 *
 * @example NO_USER; // => '(no user)'
 */
export const NO_USER = '(no user)';

/** The summary's field that holds each grouping's totals. */
export const GROUP_FIELD = { user: 'byUser', chargePoint: 'byChargePoint', month: 'byMonth', userMonth: 'byUserMonth' } as const;

/** How many levels of keys a grouping has: one, or two for user then month. */
const GROUP_DEPTH: Readonly<Record<SummaryGroup, 1 | 2>> = { user: 1, chargePoint: 1, month: 1, userMonth: 2 };

/** Running sums per group key; a key of two levels (user, month) is held as its JSON text. */
class GroupSums {
  readonly #sums = new Map<string, { readonly path: readonly string[]; readonly sum: TypedSum }>();

  at(path: readonly string[]): TypedSum {
    const key = path.length === 1 ? path[0]! : JSON.stringify(path);
    let found = this.#sums.get(key);
    if (!found) this.#sums.set(key, (found = { path, sum: new TypedSum() }));
    return found.sum;
  }

  /** The totals per key, nested per level, every level's keys sorted. */
  result(currency: string): Record<string, unknown> {
    const byKey: Record<string, unknown> = {};
    const sorted = [...this.#sums.values()].sort((a, b) => comparePaths(a.path, b.path));
    for (const { path, sum } of sorted) {
      let level = byKey;
      for (const key of path.slice(0, -1)) level = (Object.hasOwn(level, key) ? level[key] : put(level, key, {})) as Record<string, unknown>;
      put(level, path.at(-1)!, sum.result(currency));
    }
    return byKey;
  }
}

/** Sets an own property, whatever the key ("__proto__" is a user id like any other). */
function put<T>(object: Record<string, unknown>, key: string, value: T): T {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/** Every totals of a grouping's nested keys, with its path of keys. */
function* groupLeaves(byKey: Readonly<Record<string, unknown>>, depth: number, path: readonly string[] = []): Generator<[readonly string[], TypedTotals]> {
  for (const [key, value] of Object.entries(byKey)) {
    if (depth === 1) yield [[...path, key], value as TypedTotals];
    else yield* groupLeaves(value as Record<string, unknown>, depth - 1, [...path, key]);
  }
}

/** Running sums of one set of sessions; amounts as exact decimals. */
class TotalsSum {
  count = 0;
  energyKWh: Decimal = new Exact(0);
  withoutEnergy = 0;
  durationMs = 0;
  operationalBudget: Decimal = new Exact(0);
  reimbursement: Decimal = new Exact(0);
  readonly other = new Map<string, { count: number; operationalBudget: Decimal; reimbursement: Decimal }>();

  add(item: AssessedSession, currency: string): void {
    const { session, cost } = item;
    this.count += 1;
    if (session.energyKWh === null) this.withoutEnergy += 1;
    else this.energyKWh = this.energyKWh.plus(session.energyKWh);
    const ms = session.endedAt.getTime() - session.startedAt.getTime();
    if (ms > 0) this.durationMs += ms;
    const { operationalBudget: budget, reimbursement } = cost;
    if (budget.currency === currency) this.operationalBudget = this.operationalBudget.plus(budget.amount);
    if (reimbursement.currency === currency) this.reimbursement = this.reimbursement.plus(reimbursement.amount);
    const foreign = budget.currency !== currency && !budget.amount.isZero() ? budget : reimbursement.currency !== currency && !reimbursement.amount.isZero() ? reimbursement : null;
    if (foreign) this.addOther(foreign.currency, 1, budget.currency === foreign.currency ? budget.amount : null, reimbursement.currency === foreign.currency ? reimbursement.amount : null);
  }

  addOther(currency: string, count: number, budget: Decimal | null, reimbursement: Decimal | null): void {
    let other = this.other.get(currency);
    if (!other) this.other.set(currency, (other = { count: 0, operationalBudget: new Exact(0), reimbursement: new Exact(0) }));
    other.count += count;
    if (budget) other.operationalBudget = other.operationalBudget.plus(budget);
    if (reimbursement) other.reimbursement = other.reimbursement.plus(reimbursement);
  }

  merge(totals: Totals, currency: string): void {
    this.count += totals.count;
    this.energyKWh = this.energyKWh.plus(totals.energyKWh);
    this.withoutEnergy += totals.withoutEnergy;
    this.durationMs += totals.durationMs;
    this.operationalBudget = this.operationalBudget.plus(totals.operationalBudget.amount);
    this.reimbursement = this.reimbursement.plus(totals.reimbursement.amount);
    for (const [other, sums] of Object.entries(totals.otherCurrencies)) {
      if (other !== currency) this.addOther(other, sums.count, sums.operationalBudget.amount, sums.reimbursement.amount);
    }
  }

  result(currency: string): Totals {
    const otherCurrencies: Record<string, CurrencyTotals> = {};
    for (const key of [...this.other.keys()].sort()) {
      const sums = this.other.get(key)!;
      otherCurrencies[key] = { count: sums.count, operationalBudget: make(sums.operationalBudget, key), reimbursement: make(sums.reimbursement, key) };
    }
    return {
      count: this.count,
      energyKWh: this.energyKWh,
      withoutEnergy: this.withoutEnergy,
      durationMs: this.durationMs,
      operationalBudget: make(this.operationalBudget, currency),
      reimbursement: make(this.reimbursement, currency),
      otherCurrencies,
    };
  }
}

/** Running sums in all and per type. */
class TypedSum {
  readonly total = new TotalsSum();
  readonly byType: Record<SessionType, TotalsSum> = { normal: new TotalsSum(), 'split-billing': new TotalsSum(), whitelist: new TotalsSum(), invalid: new TotalsSum() };

  add(item: AssessedSession, currency: string): void {
    this.total.add(item, currency);
    this.byType[item.cost.type].add(item, currency);
  }

  merge(totals: TypedTotals, currency: string): void {
    this.total.merge(totals.total, currency);
    for (const type of SESSION_TYPES) this.byType[type].merge(totals.byType[type], currency);
  }

  result(currency: string): TypedTotals {
    const byType = {} as Record<SessionType, Totals>;
    for (const type of SESSION_TYPES) byType[type] = this.byType[type].result(currency);
    return { total: this.total.result(currency), byType };
  }
}

interface ResolvedSummaryOptions {
  readonly types: ReadonlySet<SessionType>;
  readonly groupBy: readonly SummaryGroup[];
  readonly timeZone: string;
  readonly currency: string;
  /** The range of starts as numbers, half-open: [fromMs, untilMs). */
  readonly fromMs: number;
  readonly untilMs: number;
}

/**
 * Checks summary options before any work and throws one
 * {@link ConfigError} listing every problem.
 */
function resolveSummaryOptions(options: SummaryOptions): ResolvedSummaryOptions {
  const problems = new IssueList();
  if (typeof options !== 'object' || options === null) {
    problems.add([], `expected the options as an object, received ${describe(options)}`);
    problems.throwIfAny();
  }
  const { types = SESSION_TYPES, groupBy = [], timeZone = DEFAULT_TIME_ZONE, currency = 'EUR', from, until } = options;
  const list = <T>(value: unknown, known: readonly T[], name: string): T[] => {
    if (!Array.isArray(value)) {
      problems.add([name], `expected a list of ${known.join(', ')}, received ${describe(value)}`);
      return [];
    }
    const kept: T[] = [];
    for (let index = 0; index < value.length; index++) {
      const entry: unknown = value[index];
      if (known.includes(entry as T)) kept.push(entry as T);
      else problems.add([name, index], `unknown value ${describe(entry)}; expected one of ${known.join(', ')}`);
    }
    return kept;
  };
  let typeList: SessionType[];
  if (typeof types === 'string') {
    typeList = Object.hasOwn(TYPE_FILTERS, types) ? [...TYPE_FILTERS[types]] : [];
    if (typeList.length === 0) problems.add(['types'], `unknown type filter ${describe(types)}; give one of ${Object.keys(TYPE_FILTERS).join(', ')}, or a list of ${SESSION_TYPES.join(', ')}`);
  } else typeList = list(types, SESSION_TYPES, 'types');
  const groupList = list(groupBy, SUMMARY_GROUPS, 'groupBy');
  const zoneKnown = typeof timeZone === 'string' && isValidTimeZone(timeZone);
  if (!zoneKnown) problems.add(['timeZone'], unknownTimeZoneMessage(timeZone));
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    problems.add(['currency'], `invalid currency ${describe(currency)}: expected an ISO 4217 code of three uppercase letters, such as "EUR"`);
  }
  const bound = (value: unknown, name: 'from' | 'until'): number | null => {
    if (value === undefined) return null;
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value.getTime();
    } else if (typeof value === 'string') {
      if (!zoneKnown) return null; // read in a zone that is reported already
      const read = parseInstant(value, timeZone);
      if (read.ok) return read.instant.getTime();
      problems.add([name], read.reason);
      return null;
    }
    problems.add([name], `expected a date such as "2022-11-01", a date-time or a valid Date, received ${describe(value)}`);
    return null;
  };
  const fromMs = bound(from, 'from');
  const untilMs = bound(until, 'until');
  if (fromMs !== null && untilMs !== null && untilMs <= fromMs) {
    problems.add(['until'], 'until must be after from (the range is half-open: from inclusive, until exclusive)');
  }
  problems.throwIfAny();
  return { types: new Set(typeList), groupBy: SUMMARY_GROUPS.filter((group) => groupList.includes(group)), timeZone, currency, fromMs: fromMs ?? -Infinity, untilMs: untilMs ?? Infinity };
}

/** True for an object shaped like an assessed session (a programmer's list of them may hold anything). */
function isAssessed(item: unknown): item is AssessedSession {
  return typeof item === 'object' && item !== null && typeof (item as AssessedSession).session === 'object' && typeof (item as AssessedSession).cost === 'object';
}

/**
 * Starts a summary to which items are added one at a time, so a stream of a
 * million sessions is summarised in flat memory. `result()` equals
 * `summarize(allItemsAdded, options)`. Failed assessments may be added: they
 * are counted as `unreadable`.
 *
 * @example
 * const summary = createSummary({ groupBy: ['user'] });
 * for (const assessment of assessSessions(sampleSessions, createClassifier(sampleConfig))) summary.add(assessment);
 * summary.result().byType['split-billing'].reimbursement.amount.toString(); // => '7.32'
 * @throws {ConfigError} for bad options, at once; `add` throws it for an item that is not an assessment.
 */
export function createSummary(options: SummaryOptions = {}): SummaryBuilder {
  const { types, groupBy, timeZone, currency, fromMs, untilMs } = resolveSummaryOptions(options);
  const all = new TypedSum();
  const groups = groupBy.map((group) => ({ group, sums: new GroupSums() }));
  let unreadable = 0;
  let added = 0;
  const keyOf = (group: SummaryGroup, { session }: AssessedSession): readonly string[] => {
    switch (group) {
      case 'user':
        return [session.userId ?? NO_USER];
      case 'chargePoint':
        return [session.chargePoint.id];
      case 'month':
        return [monthOf(session.startedAt, timeZone)];
      case 'userMonth':
        return [session.userId ?? NO_USER, monthOf(session.startedAt, timeZone)];
    }
  };
  return {
    add(item) {
      const position = added++;
      if (!isAssessed(item)) {
        if (typeof item === 'object' && item !== null && (item as Assessment).success === false) {
          unreadable += 1;
          return;
        }
        throw usageError(['items', position], `expected an assessed session (or a failed assessment), received ${describe(item)}`);
      }
      if (!types.has(item.cost.type)) return;
      const start = item.session.startedAt.getTime();
      if (start < fromMs || start >= untilMs) return;
      all.add(item, currency);
      for (const { group, sums } of groups) sums.at(keyOf(group, item)).add(item, currency);
    },
    result() {
      return withGroups({ currency, unreadable, ...all.result(currency) }, groups, currency);
    },
  };
}

/** A summary with the totals of its groups added, every level's keys sorted. */
function withGroups(summary: Summary, groups: readonly { group: SummaryGroup; sums: GroupSums }[], currency: string): Summary {
  const result: Record<string, unknown> = { ...summary };
  for (const { group, sums } of groups) result[GROUP_FIELD[group]] = sums.result(currency);
  return result as unknown as Summary;
}

/**
 * Totals count, energy, duration, operational budget and reimbursement per
 * type and in total, optionally per user, charge point, month and user then
 * month, over the sessions whose local start is in [from, until). Totals are
 * sums of the per-session rounded amounts, so a total never disagrees with
 * its rows by a cent, and the per-type totals add up to the total exactly.
 * Amounts in another currency than the summary's are never converted nor
 * refused: they are totalled per currency in `otherCurrencies`.
 *
 * @example summarize(assessed).byType['split-billing'].reimbursement.amount.toString(); // => '7.32'
 * @throws {ConfigError} for bad options or a list that is not one of assessed sessions (a hole, another value), before any work.
 */
export function summarize(items: readonly (AssessedSession | Assessment)[], options: SummaryOptions = {}): Summary {
  const summary = createSummary(options);
  if (!Array.isArray(items)) throw usageError(['items'], `expected a list of assessed sessions, received ${describe(items)}`);
  const problems = new IssueList();
  for (let index = 0; index < items.length; index++) {
    if (!(index in items)) problems.add(['items', index], 'missing: the list has a hole here');
  }
  problems.throwIfAny('arguments');
  for (const item of items) summary.add(item);
  return summary.result();
}

/** A {@link Summary} as read back from JSON: decimals and amounts as strings. */
export type SummaryJson = unknown;

/**
 * Merges summaries computed apart (on worker threads, per partition, on
 * other machines) into the summary of all their sessions, exactly: merging
 * is associative and commutative, and a summary survives a JSON round trip,
 * so parts may be merged in any order and any grouping. Every part must have
 * been made with the same currency and grouping (the same options); merging
 * no parts gives an empty summary without groupings.
 *
 * @example
 * const [a, b] = [summarize(assessed.slice(0, 2)), summarize(assessed.slice(2))];
 * mergeSummaries([JSON.parse(JSON.stringify(a)), b]).total.count; // => assessed.length
 * @throws {ConfigError} when a part is not a summary or parts were made with different options.
 */
export function mergeSummaries(parts: readonly (Summary | SummaryJson)[], options: Pick<SummaryOptions, 'currency'> = {}): Summary {
  if (!Array.isArray(parts)) throw usageError(['parts'], `expected a list of summaries, received ${describe(parts)}`);
  const problems = new IssueList();
  const read = parts.map((part, index) => readSummary(part, problems, ['parts', index]));
  problems.throwIfAny('arguments');
  const summaries = read as Summary[];
  const currency = options.currency ?? summaries[0]?.currency ?? 'EUR';
  const grouped = (summary: Summary) => SUMMARY_GROUPS.filter((group) => summary[GROUP_FIELD[group]] !== undefined).join(',');
  summaries.forEach((summary, index) => {
    if (summary.currency !== currency) problems.add(['parts', index, 'currency'], `this summary is in ${summary.currency}, the others in ${currency}: summarise every part in one currency`);
    if (grouped(summary) !== grouped(summaries[0]!)) problems.add(['parts', index], `this summary is grouped by "${grouped(summary)}", the first by "${grouped(summaries[0]!)}": summarise every part with the same groupBy`);
  });
  problems.throwIfAny('arguments');
  const all = new TypedSum();
  let unreadable = 0;
  const groups = SUMMARY_GROUPS.filter((group) => summaries.length > 0 && summaries[0]![GROUP_FIELD[group]] !== undefined).map((group) => ({ group, sums: new GroupSums() }));
  for (const summary of summaries) {
    unreadable += summary.unreadable;
    all.merge(summary, currency);
    for (const { group, sums } of groups) {
      for (const [path, totals] of groupLeaves(summary[GROUP_FIELD[group]]!, GROUP_DEPTH[group])) sums.at(path).merge(totals, currency);
    }
  }
  return withGroups({ currency, unreadable, ...all.result(currency) }, groups, currency);
}

/** Reads a summary or its JSON form, noting what is malformed; `null` when it cannot be used. */
function readSummary(part: unknown, problems: IssueList, path: readonly PropertyKey[]): Summary | null {
  if (typeof part !== 'object' || part === null) {
    problems.add(path, `expected a summary, received ${describe(part)}`);
    return null;
  }
  const raw = part as Record<string, unknown>;
  const currency = raw['currency'];
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    problems.add([...path, 'currency'], `expected the summary's currency, received ${describe(currency)}`);
    return null;
  }
  const summary: Record<string, unknown> = { currency, unreadable: count(raw['unreadable'] ?? 0, problems, [...path, 'unreadable']), ...readTyped(raw, problems, path) };
  for (const group of SUMMARY_GROUPS) {
    const field = GROUP_FIELD[group];
    const byKey = raw[field];
    if (byKey === undefined) continue;
    if (typeof byKey !== 'object' || byKey === null) {
      problems.add([...path, field], `expected totals per ${group}, received ${describe(byKey)}`);
      continue;
    }
    summary[field] = readGroup(byKey as Record<string, unknown>, GROUP_DEPTH[group], problems, [...path, field]);
  }
  return summary as unknown as Summary;
}

/** Reads a grouping's totals, nested `depth` levels deep, noting what is malformed. */
function readGroup(byKey: Readonly<Record<string, unknown>>, depth: number, problems: IssueList, path: readonly PropertyKey[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(byKey).map(([key, value]) => {
      if (depth === 1) return [key, readTyped(value, problems, [...path, key])];
      if (typeof value !== 'object' || value === null) {
        problems.add([...path, key], `expected totals per month, received ${describe(value)}`);
        return [key, {}];
      }
      return [key, readGroup(value as Record<string, unknown>, depth - 1, problems, [...path, key])];
    }),
  );
}

function readTyped(value: unknown, problems: IssueList, path: readonly PropertyKey[]): TypedTotals {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const byTypeRaw = (typeof raw['byType'] === 'object' && raw['byType'] !== null ? raw['byType'] : {}) as Record<string, unknown>;
  const byType = {} as Record<SessionType, Totals>;
  for (const type of SESSION_TYPES) byType[type] = readTotals(byTypeRaw[type], problems, [...path, 'byType', type]);
  return { total: readTotals(raw['total'], problems, [...path, 'total']), byType };
}

function readTotals(value: unknown, problems: IssueList, path: readonly PropertyKey[]): Totals {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null) problems.add(path, `expected totals, received ${describe(value)}`);
  const otherRaw = (typeof raw['otherCurrencies'] === 'object' && raw['otherCurrencies'] !== null ? raw['otherCurrencies'] : {}) as Record<string, unknown>;
  const otherCurrencies: Record<string, CurrencyTotals> = {};
  for (const [currency, sums] of Object.entries(otherRaw)) {
    const s = (typeof sums === 'object' && sums !== null ? sums : {}) as Record<string, unknown>;
    const at = [...path, 'otherCurrencies', currency];
    otherCurrencies[currency] = { count: count(s['count'], problems, [...at, 'count']), operationalBudget: amount(s['operationalBudget'], problems, [...at, 'operationalBudget']), reimbursement: amount(s['reimbursement'], problems, [...at, 'reimbursement']) };
  }
  return {
    count: count(raw['count'], problems, [...path, 'count']),
    energyKWh: decimal(raw['energyKWh'], problems, [...path, 'energyKWh']),
    withoutEnergy: count(raw['withoutEnergy'], problems, [...path, 'withoutEnergy']),
    durationMs: count(raw['durationMs'], problems, [...path, 'durationMs']),
    operationalBudget: amount(raw['operationalBudget'], problems, [...path, 'operationalBudget']),
    reimbursement: amount(raw['reimbursement'], problems, [...path, 'reimbursement']),
    otherCurrencies,
  };
}

function count(value: unknown, problems: IssueList, path: readonly PropertyKey[]): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  problems.add(path, `expected a whole number, received ${describe(value)}`);
  return 0;
}

function decimal(value: unknown, problems: IssueList, path: readonly PropertyKey[]): Decimal {
  const read = readDecimal(value, MONEY_LIMITS);
  if (typeof read !== 'string') return read;
  problems.add(path, read);
  return new Exact(0);
}

function amount(value: unknown, problems: IssueList, path: readonly PropertyKey[]): Money {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const currency = raw['currency'];
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    problems.add([...path, 'currency'], `expected a currency code, received ${describe(currency)}`);
    return make(new Exact(0), 'EUR');
  }
  return make(decimal(raw['amount'], problems, [...path, 'amount']), currency);
}
