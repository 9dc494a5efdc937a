import type { AssessedSession } from '../assess/assess.js';
import type { SessionType } from '../classify/session-type.js';
import type { CostAttribution, CostFlag } from '../cost/attribute-cost.js';
import { ConfigError, IssueList, usageError } from '../errors.js';
import { describe } from '../model/messages.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, unknownTimeZoneMessage } from '../model/time.js';
import { ACTIVITY_COLUMNS, CPO_COLUMNS } from './columns.js';
import { csvRecord } from './csv.js';
import { formatDuration, formatDurationMinutes, formatEnergy, formatLocalDateTime, formatMoney } from './format.js';
import { sessionTypeLabel } from './labels.js';
import { resolveLocale, type LocaleInput } from './locale.js';
import type { LocaleDefinition } from './locale-definition.js';

/** What a view shows where there is no figure: an en dash. */
const NONE = '–';

/** How the views are shown: the wall clock's time zone and the language. */
export interface ViewOptions {
  /** IANA time zone of the times shown; default Europe/Brussels. */
  readonly timeZone?: string;
  /** Language of labels, numbers and column headers: a BCP 47 tag ("fr-BE") or a locale definition; default `'en'`. */
  readonly locale?: LocaleInput;
}

/**
 * A session as the driver and employer portals list it. Every figure is
 * already text, ready to show or export.
 */
export interface ActivityRow {
  readonly sessionId: string;
  /** Local start to the second, e.g. "2022-11-10 14:50:16". */
  readonly time: string;
  /** The driver's user id, or "" when unknown. */
  readonly user: string;
  /** The charge point's operator id, or "" when unknown. */
  readonly operator: string;
  /** Energy and duration, "3.667 kWh – 0:15:02"; the duration alone ("0:00:49") without a meter reading. */
  readonly description: string;
  readonly type: SessionType;
  /** The type's label in the view's language, e.g. "Split billing". */
  readonly typeLabel: string;
  /** The operational budget figure of a normal session with a known price, e.g. "€19.54"; "–" otherwise. */
  readonly priceInclVat: string;
}

/** A session as the charge point operator's back office lists it. */
export interface CpoRow {
  readonly sessionId: string;
  /** Local start to the minute, e.g. "2022-11-10 14:50". */
  readonly start: string;
  /** Local end to the minute, e.g. "2022-11-10 15:05". */
  readonly end: string;
  /** The charge point's id. */
  readonly station: string;
  /** The connector's id, or "" when unknown. */
  readonly connector: string;
  /** Whole minutes, e.g. "15 minutes". */
  readonly duration: string;
  /** E.g. "3.667 kWh"; "–" without a meter reading. */
  readonly energy: string;
  /** The host's reimbursement for a split billing session with a known amount, e.g. "€2.44"; "–" otherwise. */
  readonly remuneration: string;
  /** The session type's label in the view's language, e.g. "Split billing". */
  readonly remunerationType: string;
}

/** The options with their defaults, checked once so a bad value fails even for an empty list, listing every problem. */
/** View options checked, with their defaults. */
interface ResolvedViewOptions {
  readonly timeZone: string;
  readonly locale: LocaleDefinition;
}

/** The options when none are given, and what they resolve to, checked once. */
const NO_OPTIONS: ViewOptions = Object.freeze({});
let defaults: ResolvedViewOptions | undefined;

function resolveOptions(options: ViewOptions): ResolvedViewOptions {
  if (options === NO_OPTIONS) return (defaults ??= checkOptions(options));
  return checkOptions(options);
}

function checkOptions(options: ViewOptions): ResolvedViewOptions {
  const problems = new IssueList();
  if (typeof options !== 'object' || options === null) {
    problems.add([], `expected the options as an object, received ${describe(options)}`);
    problems.throwIfAny();
  }
  let locale: LocaleDefinition | undefined;
  try {
    locale = resolveLocale(options.locale);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const issue of error.issues) problems.add(issue.path, issue.message);
  }
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) problems.add(['timeZone'], unknownTimeZoneMessage(timeZone));
  problems.throwIfAny();
  return { timeZone, locale: locale! };
}

/** Checks a list of assessed sessions before any row is written: an array, no holes, every item an assessed session. */
function checkItems(items: readonly AssessedSession[]): void {
  if (!Array.isArray(items)) throw usageError(['items'], `expected a list of assessed sessions, received ${describe(items)}`);
  const problems = new IssueList();
  for (let index = 0; index < items.length; index++) {
    if (!(index in items)) problems.add(['items', index], 'missing: the list has a hole here');
    else if (!isAssessedSession(items[index])) problems.add(['items', index], `expected an assessed session, received ${describe(items[index])}`);
  }
  problems.throwIfAny('arguments');
}

function isAssessedSession(item: unknown): boolean {
  return typeof item === 'object' && item !== null && typeof (item as AssessedSession).session === 'object' && typeof (item as AssessedSession).cost === 'object' && typeof (item as AssessedSession).classification === 'object';
}

/** Flags that leave a figure unknown: the view shows "–", never a 0 that would read as free. */
const UNKNOWN_AMOUNT: ReadonlySet<CostFlag> = new Set(['price-missing', 'rate-missing', 'energy-missing', 'currency-unknown', 'ceiling-missing']);
const amountKnown = (cost: CostAttribution) => !cost.flags.some((flag) => UNKNOWN_AMOUNT.has(flag));

function buildActivityRow({ session, classification, cost }: AssessedSession, { timeZone, locale }: ResolvedViewOptions): ActivityRow {
  const type = classification.type;
  const duration = formatDuration(session.endedAt.getTime() - session.startedAt.getTime());
  const priceKnown = type === 'normal' && amountKnown(cost);
  return {
    sessionId: session.id,
    time: formatLocalDateTime(session.startedAt, timeZone),
    user: session.userId ?? '',
    operator: session.chargePoint.operatorId ?? '',
    description: session.energyKWh === null ? duration : `${formatEnergy(session.energyKWh, locale)} ${NONE} ${duration}`,
    type,
    typeLabel: sessionTypeLabel(type, locale),
    priceInclVat: priceKnown ? formatMoney(cost.operationalBudget.amount, cost.operationalBudget.currency, locale) : NONE,
  };
}

function buildCpoRow({ session, classification, cost }: AssessedSession, { timeZone, locale }: ResolvedViewOptions): CpoRow {
  const type = classification.type;
  // Without a rate or an energy reading the reimbursement is unknown, not 0.
  const reimbursementKnown = type === 'split-billing' && amountKnown(cost);
  return {
    sessionId: session.id,
    start: formatLocalDateTime(session.startedAt, timeZone, 'minute'),
    end: formatLocalDateTime(session.endedAt, timeZone, 'minute'),
    station: session.chargePoint.id,
    connector: session.chargePoint.connectorId ?? '',
    duration: formatDurationMinutes(session.endedAt.getTime() - session.startedAt.getTime(), locale),
    energy: session.energyKWh === null ? NONE : formatEnergy(session.energyKWh, locale),
    remuneration: reimbursementKnown ? formatMoney(cost.reimbursement.amount, cost.reimbursement.currency, locale) : NONE,
    remunerationType: sessionTypeLabel(type, locale),
  };
}

/**
 * The driver/employer activity row of an assessed session: local start time,
 * user, operator, "energy – duration", the type and its label, and the price
 * incl. VAT (the operational budget figure) for a normal session whose price
 * is known, "–" for every other session.
 *
 * @param item - a session with its classification and cost
 * @param options - time zone (default Europe/Brussels) and language (default English)
 * @returns the row, every figure as text
 * @throws {ConfigError} when the locale or time zone is unknown, or `item` is not an assessed session
 * @example
 * const row = activityRow(assessed[0]); // the release's rel-1
 * [row.time, row.user, row.operator, row.description]; // => ['2022-11-10 14:50:16', 'test-user', 'BE*MBF', '3.667 kWh – 0:15:02']
 * [row.type, row.typeLabel, row.priceInclVat]; // => ['split-billing', 'Split billing', '–']
 */
export function activityRow(item: AssessedSession, options: ViewOptions = NO_OPTIONS): ActivityRow {
  const resolved = resolveOptions(options);
  if (!isAssessedSession(item)) throw usageError(['item'], `expected an assessed session, received ${describe(item)}`);
  return buildActivityRow(item, resolved);
}

/**
 * The charge point operator's back-office row of an assessed session: start
 * and end to the minute (local), station, connector, duration in whole
 * minutes, energy, the host's remuneration for a split billing session ("–"
 * otherwise, and where the amount is unknown for want of a rate or an energy
 * reading) and the remuneration type.
 *
 * @param item - a session with its classification and cost
 * @param options - time zone (default Europe/Brussels) and language (default English)
 * @returns the row, every figure as text
 * @throws {ConfigError} when the locale or time zone is unknown, or `item` is not an assessed session
 * @example
 * const row = cpoRow(assessed[0]); // the release's rel-1
 * [row.start, row.end, row.station, row.connector]; // => ['2022-11-10 14:50', '2022-11-10 15:05', 'cp_test2', '1']
 * [row.duration, row.energy, row.remuneration, row.remunerationType]; // => ['15 minutes', '3.667 kWh', '€2.44', 'Split billing']
 */
export function cpoRow(item: AssessedSession, options: ViewOptions = NO_OPTIONS): CpoRow {
  const resolved = resolveOptions(options);
  if (!isAssessedSession(item)) throw usageError(['item'], `expected an assessed session, received ${describe(item)}`);
  return buildCpoRow(item, resolved);
}

/**
 * The activity view as CSV (RFC 4180, CRLF, formula cells neutralised): a
 * header in the view's language (Session, Time, User, Operator, Description,
 * Session type, Price (incl. VAT) in English), then one record per item, in
 * order.
 *
 * @param items - assessed sessions, in the order to list them
 * @param options - time zone (default Europe/Brussels) and language (default English)
 * @returns the CSV text
 * @throws {ConfigError} when the locale or time zone is unknown, or `items` is not a list of assessed sessions (a hole, another value)
 * @example
 * const lines = activityCsv([assessed[0]]).split('\r\n');
 * lines[0]; // => 'Session,Time,User,Operator,Description,Session type,Price (incl. VAT)'
 * lines[1]; // => 'rel-1,2022-11-10 14:50:16,test-user,BE*MBF,3.667 kWh – 0:15:02,Split billing,–'
 */
export function activityCsv(items: readonly AssessedSession[], options: ViewOptions = NO_OPTIONS): string {
  const view = activityView(options);
  checkItems(items);
  let text = view.csvHeader;
  for (const item of items) text += view.csvRow(item);
  return text;
}

/**
 * The CPO view as CSV (RFC 4180, CRLF, formula cells neutralised): a header
 * in the view's language (Session, Start, End, Station, Connector, Duration,
 * Energy, Remuneration, Remuneration type in English), then one record per
 * item, in order.
 *
 * @param items - assessed sessions, in the order to list them
 * @param options - time zone (default Europe/Brussels) and language (default English)
 * @returns the CSV text
 * @throws {ConfigError} when the locale or time zone is unknown, or `items` is not a list of assessed sessions (a hole, another value)
 * @example
 * const lines = cpoCsv([assessed[0]], { locale: 'nl' }).split('\r\n');
 * lines[0]; // => 'Sessie,Start,Einde,Laadpaal,Connector,Duur,Energie,Vergoeding,Type vergoeding'
 * lines[1]; // => 'rel-1,2022-11-10 14:50,2022-11-10 15:05,cp_test2,1,15 minuten,"3,667 kWh","€\u00a02,44",Split billing'
 */
export function cpoCsv(items: readonly AssessedSession[], options: ViewOptions = NO_OPTIONS): string {
  const view = cpoView(options);
  checkItems(items);
  let text = view.csvHeader;
  for (const item of items) text += view.csvRow(item);
  return text;
}

/**
 * A view prepared for one set of options (checked once): rows and CSV
 * records produced one at a time, so an export of a year streams in flat
 * memory.
 */
export interface View<Row> {
  /** The column headers in the view's language, in order. */
  readonly headers: readonly string[];
  /** The CSV header record, with its CRLF. */
  readonly csvHeader: string;
  /** The row of one assessed session. */
  row(item: AssessedSession): Row;
  /** The CSV record of one assessed session, with its CRLF (RFC 4180, formula cells neutralised). */
  csvRow(item: AssessedSession): string;
}

function view<Row, Column extends keyof Row & string>(
  resolved: ResolvedViewOptions,
  columns: readonly Column[],
  names: Readonly<Record<Column, string>>,
  build: (item: AssessedSession, resolved: ResolvedViewOptions) => Row,
  cells: (row: Row) => readonly string[],
): View<Row> {
  const headers = columns.map((column) => names[column]);
  const row = (item: AssessedSession): Row => {
    if (!isAssessedSession(item)) throw usageError(['item'], `expected an assessed session, received ${describe(item)}`);
    return build(item, resolved);
  };
  return {
    headers,
    csvHeader: csvRecord(headers),
    row,
    csvRow: (item) => csvRecord(cells(row(item))),
  };
}

/**
 * A row's cells in the order of its view's columns (ACTIVITY_COLUMNS,
 * CPO_COLUMNS), each field read by name: a lookup by a column name held in a
 * variable costs more than the cell it reads.
 */
const activityCells = (row: ActivityRow): readonly string[] => [row.sessionId, row.time, row.user, row.operator, row.description, row.typeLabel, row.priceInclVat];
const cpoCells = (row: CpoRow): readonly string[] => [
  row.sessionId,
  row.start,
  row.end,
  row.station,
  row.connector,
  row.duration,
  row.energy,
  row.remuneration,
  row.remunerationType,
];

/**
 * The activity view prepared once for its options: its headers, and each
 * row or CSV record on demand, to stream an export.
 *
 * @example
 * const view = activityView({ locale: 'fr' });
 * view.headers[1]; // => 'Date et heure'
 * view.csvRow(assessed[0]!); // => 'rel-1,2022-11-10 14:50:16,test-user,BE*MBF,"3,667 kWh – 0:15:02",Split billing,–\r\n'
 * @throws {ConfigError} when the locale or time zone is unknown
 */
export function activityView(options: ViewOptions = NO_OPTIONS): View<ActivityRow> {
  const resolved = resolveOptions(options);
  return view(resolved, ACTIVITY_COLUMNS, resolved.locale.headers.activity, buildActivityRow, activityCells);
}

/**
 * The CPO view prepared once for its options: its headers, and each row or
 * CSV record on demand, to stream an export.
 *
 * @example
 * const view = cpoView();
 * view.csvHeader; // => 'Session,Start,End,Station,Connector,Duration,Energy,Remuneration,Remuneration type\r\n'
 * view.row(assessed[0]!).remuneration; // => '€2.44'
 * @throws {ConfigError} when the locale or time zone is unknown
 */
export function cpoView(options: ViewOptions = NO_OPTIONS): View<CpoRow> {
  const resolved = resolveOptions(options);
  return view(resolved, CPO_COLUMNS, resolved.locale.headers.cpo, buildCpoRow, cpoCells);
}
