import type { Decimal } from 'decimal.js';
import type { AssessedSession } from '../assess/assess.js';
import type { CostFlag } from '../cost/attribute-cost.js';
import { addMoney, zeroMoney, type Money } from '../cost/money.js';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { Exact } from '../model/decimal.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, unknownTimeZoneMessage, utcMillis, zonedWallTimeToInstant } from '../model/time.js';
import { STATEMENT_COLUMNS, type StatementColumn } from './columns.js';
import { toCsv } from './csv.js';
import { formatEnergy, formatLocalDateTime, formatMoney } from './format.js';
import { resolveLocale, type LocaleInput } from './locale.js';
import type { LocaleDefinition } from './locale-definition.js';

/** What a statement shows where there is no figure: an en dash, as the views do. */
const NONE = '–';

/** Options of {@link reimbursementStatements}. */
export interface StatementOptions {
  /** The calendar month, "2022-11". */
  readonly month: string;
  /** IANA time zone of the month: a session belongs to the month of its local start; default Europe/Brussels. */
  readonly timeZone?: string;
}

/** One split billing session on a statement. */
export interface StatementLine {
  readonly sessionId: string;
  /** The licence that made it split billing. */
  readonly licenceId: string;
  readonly startedAt: Date;
  readonly endedAt: Date;
  /** The energy reimbursed; `null` without a meter reading. */
  readonly energyKWh: Decimal | null;
  /** The rate in force at the session's start, and its period (until exclusive, `null` = open); `null` where no rate applied. */
  readonly ratePerKWh: Decimal | null;
  readonly rateFrom: Date | null;
  readonly rateUntil: Date | null;
  /** energy x rate, rounded to the cent as the cost attribution did; `null` when unknown (the flags say why). */
  readonly amount: Money | null;
  /** The cost attribution's flags, e.g. `rate-missing`. */
  readonly flags: readonly CostFlag[];
}

/**
 * An employee's monthly payment request for home charging: the month's split
 * billing sessions on the licences that name the employee, and their total,
 * without VAT.
 */
export interface ReimbursementStatement {
  /** The licences' `employeeId`; `null` for a licence that names no employee (one statement per such licence). */
  readonly employeeId: string | null;
  /** The licences whose sessions the statement lists, sorted. */
  readonly licenceIds: readonly string[];
  /** The month, "2022-11", and its time zone. */
  readonly month: string;
  readonly timeZone: string;
  /** The month's first instant (inclusive) and the next month's (exclusive). */
  readonly from: Date;
  readonly until: Date;
  /** The currency of the licences' rates. */
  readonly currency: string;
  /** The sessions, in the order of the items given. */
  readonly lines: readonly StatementLine[];
  /** Energy of the lines that have a reading. */
  readonly energyKWh: Decimal;
  /** The sum of the lines' amounts, to the cent (lines of unknown amount add nothing; see `flags`). */
  readonly total: Money;
  /** Every flag of the lines, once each: a statement with `rate-missing` or `energy-missing` lines needs attention before it is paid. */
  readonly flags: readonly CostFlag[];
}

const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The monthly reimbursement statements: one per employee (and currency) for a
 * calendar month in a time zone, listing each split billing session whose
 * local start falls in that month with its energy, rate, the rate's period
 * and its amount, and the total without VAT. Sessions are grouped by their
 * licence's `employeeId`; the sessions of a licence that names no employee
 * get a statement of their own (`employeeId: null`), never someone else's.
 * Statements come sorted by employee id, those without an employee last (by
 * licence id); lines keep the order of `items`. The total is the sum of the
 * lines' rounded amounts, so it equals the sum of the rows to the cent.
 *
 * @param items - assessed sessions; only split billing ones are listed
 * @param options - the month ("2022-11") and its time zone (default Europe/Brussels)
 * @returns the statements, none when nobody is to be reimbursed that month
 * @throws {ConfigError} listing every bad option (a month that is not "YYYY-MM", an unknown time zone), even for no items
 * @example
 * const [statement] = reimbursementStatements(assessed, { month: '2022-11', timeZone: 'Europe/Brussels' });
 * statement.lines.map((line) => line.amount?.amount.toString()); // => ['2.44', '4.88']
 * statement.total.amount.toString(); // => '7.32'
 */
export function reimbursementStatements(items: readonly AssessedSession[], options: StatementOptions): ReimbursementStatement[] {
  const { month, timeZone, from, until } = resolveStatementOptions(options);
  const groups = new Map<string, { employeeId: string | null; currency: string; licenceIds: Set<string>; lines: StatementLine[] }>();
  for (const { session, classification, cost } of items) {
    if (classification.type !== 'split-billing') continue;
    const start = session.startedAt.getTime();
    if (start < from.getTime() || start >= until.getTime()) continue;
    const { licence } = classification;
    const employeeId = licence.employeeId ?? null;
    const currency = licence.rates.currency;
    const key = JSON.stringify(employeeId === null ? ['licence', licence.id, currency] : ['employee', employeeId, currency]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { employeeId, currency, licenceIds: new Set(), lines: [] }));
    group.licenceIds.add(licence.id);
    const basis = cost.basis?.kind === 'rate' ? cost.basis : null;
    group.lines.push({
      sessionId: session.id,
      licenceId: licence.id,
      startedAt: session.startedAt,
      endedAt: session.endedAt,
      energyKWh: session.energyKWh,
      ratePerKWh: basis?.ratePerKWh ?? null,
      rateFrom: basis?.rateFrom ?? null,
      rateUntil: basis?.rateUntil ?? null,
      amount: basis ? cost.reimbursement : null,
      flags: cost.flags,
    });
  }
  return [...groups.values()]
    .map(({ employeeId, currency, licenceIds, lines }): ReimbursementStatement => {
      let energyKWh: Decimal = new Exact(0);
      let total = zeroMoney(currency);
      const flags = new Set<CostFlag>();
      for (const line of lines) {
        if (line.energyKWh !== null) energyKWh = energyKWh.plus(line.energyKWh);
        if (line.amount !== null) total = addMoney(total, line.amount);
        for (const flag of line.flags) flags.add(flag);
      }
      return { employeeId, licenceIds: [...licenceIds].sort(), month, timeZone, from, until, currency, lines, energyKWh, total, flags: [...flags] };
    })
    .sort(compareStatements);
}

function compareStatements(a: ReimbursementStatement, b: ReimbursementStatement): number {
  const key = (s: ReimbursementStatement) => [s.employeeId === null ? 1 : 0, s.employeeId ?? s.licenceIds[0] ?? '', s.currency] as const;
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i += 1) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

/** The month's bounds as instants, after checking every option. */
function resolveStatementOptions(given: StatementOptions): { month: string; timeZone: string; from: Date; until: Date } {
  const options: Partial<StatementOptions> = given ?? {};
  const issues: ConfigIssue[] = [];
  const match = typeof options.month === 'string' ? MONTH.exec(options.month) : null;
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12) {
    issues.push({ path: ['month'], message: `expected a calendar month such as "2022-11", received ${JSON.stringify(options.month) ?? 'nothing'}` });
  }
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) issues.push({ path: ['timeZone'], message: unknownTimeZoneMessage(timeZone) });
  if (issues.length > 0) throw new ConfigError(issues);
  const firstInstant = (y: number, m: number) =>
    zonedWallTimeToInstant(utcMillis(y, m, 1), timeZone, 'shift')!;
  const from = firstInstant(year, monthNumber);
  const until = monthNumber === 12 ? firstInstant(year + 1, 1) : firstInstant(year, monthNumber + 1);
  return { month: match![0], timeZone, from, until };
}

/** A statement's line, or its total, as text in the locale, ready to show or export. */
export type StatementRow = { readonly [C in StatementColumn]: string };

/** Options of {@link statementRows} and {@link statementCsv}. */
export interface StatementViewOptions {
  /** Language of headers and figures: a BCP 47 tag ("fr-BE") or a locale definition; default `'en'`. */
  readonly locale?: LocaleInput;
}

/**
 * A statement as a portal shows it: one row per line, then the total row,
 * every figure as text in the locale. Start and end are local, to the
 * minute, in the statement's time zone; the rate keeps all its digits
 * ("€0.6654/kWh"); an unknown figure is "–". The total row names the total
 * in `sessionId` and carries the total energy and amount.
 *
 * @param statement - one of {@link reimbursementStatements}' statements
 * @param options - the language
 * @returns the rows, the total last
 * @throws {ConfigError} when the locale resolves to no locale
 * @example
 * const [statement] = reimbursementStatements(assessed, { month: '2022-11', timeZone: 'Europe/Brussels' });
 * const total = statementRows(statement!, { locale: 'nl-BE' }).at(-1);
 * [total?.sessionId, total?.energy, total?.amount]; // => ['Totaal', '11,001 kWh', '€\u00a07,32']
 */
export function statementRows(statement: ReimbursementStatement, options: StatementViewOptions = {}): StatementRow[] {
  return buildRows(statement, resolveLocale(options.locale));
}

function buildRows(statement: ReimbursementStatement, locale: LocaleDefinition): StatementRow[] {
  const { currency, timeZone } = statement;
  const employeeId = statement.employeeId ?? '';
  const rows = statement.lines.map(
    (line): StatementRow => ({
      employeeId,
      sessionId: line.sessionId,
      start: formatLocalDateTime(line.startedAt, timeZone, 'minute'),
      end: formatLocalDateTime(line.endedAt, timeZone, 'minute'),
      licenceId: line.licenceId,
      energy: line.energyKWh === null ? NONE : formatEnergy(line.energyKWh, locale),
      rate: line.ratePerKWh === null ? NONE : formatRate(line.ratePerKWh, currency, locale),
      amount: line.amount === null ? NONE : formatMoney(line.amount.amount, line.amount.currency, locale),
    }),
  );
  const total: StatementRow = {
    employeeId,
    sessionId: locale.headers.statement.total,
    start: '',
    end: '',
    licenceId: '',
    energy: formatEnergy(statement.energyKWh, locale),
    rate: '',
    amount: formatMoney(statement.total.amount, currency, locale),
  };
  return [...rows, total];
}

/**
 * A statement as CSV (RFC 4180, CRLF, formula cells neutralised): a header in
 * the locale (Employee, Session, Start, End, Licence, Energy, Rate, Amount in
 * English), then the rows of {@link statementRows}, the total last.
 *
 * @param statement - one of {@link reimbursementStatements}' statements
 * @param options - the language
 * @returns the CSV text
 * @throws {ConfigError} when the locale resolves to no locale
 * @example
 * const [statement] = reimbursementStatements(assessed, { month: '2022-11', timeZone: 'Europe/Brussels' });
 * const lines = statementCsv(statement!).split('\r\n');
 * lines[0]; // => 'Employee,Session,Start,End,Licence,Energy,Rate,Amount'
 * lines[1]; // => 'test-user,rel-1,2022-11-10 14:50,2022-11-10 15:05,lic-home-42,3.667 kWh,€0.6654/kWh,€2.44'
 * lines[3]; // => 'test-user,Total,,,,11.001 kWh,,€7.32'
 */
export function statementCsv(statement: ReimbursementStatement, options: StatementViewOptions = {}): string {
  const locale = resolveLocale(options.locale);
  const headers = locale.headers.statement;
  return toCsv(
    STATEMENT_COLUMNS.map((column) => headers[column]),
    buildRows(statement, locale).map((row) => STATEMENT_COLUMNS.map((column) => row[column])),
  );
}

/** A rate per kWh in the currency, with all its digits ("€0.6654/kWh"). */
function formatRate(perKWh: Decimal, currency: string, locale: LocaleDefinition): string {
  const number = new Intl.NumberFormat(locale.tag, { style: 'currency', currency, maximumFractionDigits: 20 });
  // Intl.NumberFormat reads a decimal string exactly (ES2023, Node 20).
  return `${number.format(perKWh.toFixed() as unknown as number)}/kWh`;
}
