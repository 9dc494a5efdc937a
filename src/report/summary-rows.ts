import { SESSION_TYPES } from '../classify/session-type.js';
import type { Money } from '../cost/money.js';
import { describe } from '../model/messages.js';
import { IssueList } from '../errors.js';
import { SUMMARY_COLUMNS, type SummaryColumn } from './columns.js';
import { toCsv } from './csv.js';
import { formatDuration, formatEnergy, formatMoney } from './format.js';
import { resolveLocale, type LocaleInput } from './locale.js';
import type { LocaleDefinition } from './locale-definition.js';
import { GROUP_FIELD, NO_USER, SUMMARY_GROUPS, type Summary, type SummaryGroup, type Totals, type TypedTotals } from './summarize.js';

/** One line of a summary's table, every figure as text in the locale; the keys of groupings not shown are "". */
export type SummaryRow = { readonly [C in SummaryColumn]: string };

/** Options of {@link summaryRows} and {@link summaryCsv}. */
export interface SummaryRowsOptions {
  /** Language of labels and figures: a BCP 47 tag ("fr-BE") or a locale definition; default `'en'`. */
  readonly locale?: LocaleInput;
  /** Rows per group of this grouping (the summary must have been made with it); default the whole summary. */
  readonly groupBy?: SummaryGroup;
}

/** The key columns each grouping shows. */
const GROUP_COLUMNS: Readonly<Record<SummaryGroup, readonly ('user' | 'chargePoint' | 'month')[]>> = {
  user: ['user'],
  chargePoint: ['chargePoint'],
  month: ['month'],
  userMonth: ['user', 'month'],
};

/**
 * A summary as a table a portal shows: per session type that has sessions,
 * a row in the summary's currency, followed by one row per other currency
 * its amounts are in (`otherCurrencies`: never converted, so never hidden);
 * then the total row and its other currencies. A row in another currency
 * carries that currency's session count and amounts only, since energy and
 * duration are in the main row. With `groupBy`, these rows repeat for each
 * group, in the summary's order, with the group's keys in the first columns
 * (sessions without a user under the locale's "(no user)").
 *
 * @param summary - a summary (or a merged one)
 * @param options - the language, and the grouping to show
 * @returns the rows, in order
 * @throws {ConfigError} when the locale resolves to no locale, or the summary has no totals for `groupBy`
 * @example
 * const total = summaryRows(summarize(assessed, { types: 'e-charging' })).at(-1)!;
 * [total.type, total.count, total.energyKWh, total.operationalBudget]; // => ['Total', '2', '42.662 kWh', '€24.67']
 */
export function summaryRows(summary: Summary, options: SummaryRowsOptions = {}): SummaryRow[] {
  const { locale, groupBy } = resolveRowsOptions(summary, options);
  return buildRows(summary, locale, groupBy);
}

/**
 * A summary's table as CSV (RFC 4180, CRLF, formula cells neutralised): a
 * header in the locale with the grouping's key columns only, then the rows
 * of {@link summaryRows}.
 *
 * @param summary - a summary (or a merged one)
 * @param options - the language, and the grouping to show
 * @returns the CSV text
 * @throws {ConfigError} as {@link summaryRows} does
 * @example
 * summaryCsv(summarize(assessed), { locale: 'fr' }).split('\r\n')[0]; // => 'Type,Devise,Sessions,Énergie,Sans relevé d’énergie,Durée,Budget opérationnel,Remboursement'
 */
export function summaryCsv(summary: Summary, options: SummaryRowsOptions = {}): string {
  const { locale, groupBy } = resolveRowsOptions(summary, options);
  const keys = groupBy === undefined ? [] : GROUP_COLUMNS[groupBy];
  const columns = SUMMARY_COLUMNS.filter((column) => !isKeyColumn(column) || keys.includes(column));
  const labels = locale.headers.summary;
  return toCsv(
    columns.map((column) => labels[column]),
    buildRows(summary, locale, groupBy).map((row) => columns.map((column) => row[column])),
  );
}

function isKeyColumn(column: SummaryColumn): column is 'user' | 'chargePoint' | 'month' {
  return column === 'user' || column === 'chargePoint' || column === 'month';
}

function resolveRowsOptions(summary: Summary, options: SummaryRowsOptions): { locale: LocaleDefinition; groupBy: SummaryGroup | undefined } {
  const problems = new IssueList();
  if (typeof summary !== 'object' || summary === null) problems.add(['summary'], `expected a summary, received ${describe(summary)}`);
  const { groupBy } = options;
  if (groupBy !== undefined && !SUMMARY_GROUPS.includes(groupBy)) {
    problems.add(['groupBy'], `unknown grouping ${describe(groupBy)}; expected one of ${SUMMARY_GROUPS.join(', ')}`);
  } else if (groupBy !== undefined && summary?.[GROUP_FIELD[groupBy]] === undefined) {
    problems.add(['groupBy'], `the summary has no totals per ${groupBy}; summarise with groupBy: ['${groupBy}']`);
  }
  problems.throwIfAny('arguments');
  return { locale: resolveLocale(options.locale), groupBy };
}

type Keys = Partial<Record<'user' | 'chargePoint' | 'month', string>>;

function buildRows(summary: Summary, locale: LocaleDefinition, groupBy: SummaryGroup | undefined): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const count = new Intl.NumberFormat(locale.tag, { maximumFractionDigits: 0 });
  const row = (keys: Keys, type: string, currency: string, figures: Partial<Record<SummaryColumn, string>>): SummaryRow => ({
    user: keys.user === undefined ? '' : keys.user === NO_USER ? locale.headers.summary.noUser : keys.user,
    chargePoint: keys.chargePoint ?? '',
    month: keys.month ?? '',
    type,
    currency,
    count: '',
    energyKWh: '',
    withoutEnergy: '',
    durationMs: '',
    operationalBudget: '',
    reimbursement: '',
    ...figures,
  });
  const money = (amount: Money) => formatMoney(amount.amount, amount.currency, locale);
  const addTotals = (keys: Keys, type: string, totals: Totals) => {
    rows.push(
      row(keys, type, summary.currency, {
        count: count.format(totals.count),
        energyKWh: formatEnergy(totals.energyKWh, locale),
        withoutEnergy: count.format(totals.withoutEnergy),
        durationMs: formatDuration(totals.durationMs),
        operationalBudget: money(totals.operationalBudget),
        reimbursement: money(totals.reimbursement),
      }),
    );
    for (const [currency, other] of Object.entries(totals.otherCurrencies)) {
      rows.push(row(keys, type, currency, { count: count.format(other.count), operationalBudget: money(other.operationalBudget), reimbursement: money(other.reimbursement) }));
    }
  };
  const addTyped = (keys: Keys, typed: TypedTotals) => {
    for (const type of SESSION_TYPES) {
      if (typed.byType[type].count > 0) addTotals(keys, locale.sessionTypes[type], typed.byType[type]);
    }
    addTotals(keys, locale.headers.summary.total, typed.total);
  };
  switch (groupBy) {
    case undefined:
      addTyped({}, summary);
      break;
    case 'userMonth':
      for (const [user, months] of Object.entries(summary.byUserMonth!)) {
        for (const [month, typed] of Object.entries(months)) addTyped({ user, month }, typed);
      }
      break;
    default:
      for (const [key, typed] of Object.entries(summary[GROUP_FIELD[groupBy]]!)) addTyped({ [GROUP_COLUMNS[groupBy][0]!]: key }, typed);
  }
  return rows;
}
