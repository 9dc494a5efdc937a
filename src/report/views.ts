import type { AssessedSession } from '../assess/assess.js';
import type { SessionType } from '../classify/session-type.js';
import { DEFAULT_TIME_ZONE, assertTimeZone } from '../model/time.js';
import { ACTIVITY_COLUMNS, CPO_COLUMNS } from './columns.js';
import { toCsv } from './csv.js';
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

/** The options with their defaults, checked once so a bad value fails even for an empty list. */
function resolveOptions(options: ViewOptions): { timeZone: string; locale: LocaleDefinition } {
  const locale = resolveLocale(options.locale);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  return { timeZone, locale };
}

function buildActivityRow({ session, classification, cost }: AssessedSession, { timeZone, locale }: { timeZone: string; locale: LocaleDefinition }): ActivityRow {
  const type = classification.type;
  const duration = formatDuration(session.endedAt.getTime() - session.startedAt.getTime());
  const priceKnown = type === 'normal' && !cost.flags.includes('price-missing');
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

function buildCpoRow({ session, classification, cost }: AssessedSession, { timeZone, locale }: { timeZone: string; locale: LocaleDefinition }): CpoRow {
  const type = classification.type;
  // Without a rate or an energy reading the reimbursement is unknown, not 0.
  const amountKnown = type === 'split-billing' && !cost.flags.includes('rate-missing') && !cost.flags.includes('energy-missing');
  return {
    sessionId: session.id,
    start: formatLocalDateTime(session.startedAt, timeZone, 'minute'),
    end: formatLocalDateTime(session.endedAt, timeZone, 'minute'),
    station: session.chargePoint.id,
    connector: session.chargePoint.connectorId ?? '',
    duration: formatDurationMinutes(session.endedAt.getTime() - session.startedAt.getTime(), locale),
    energy: session.energyKWh === null ? NONE : formatEnergy(session.energyKWh, locale),
    remuneration: amountKnown ? formatMoney(cost.reimbursement.amount, cost.reimbursement.currency, locale) : NONE,
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
 * @throws RangeError when the time zone is unknown; {ConfigError} when the locale resolves to no locale
 * @example
 * const [rel1] = assessSessions(sampleSessions, createClassifier(sampleConfig)); // the release's rel-1, assessed successfully
 * activityRow(rel1);
 * // { sessionId: 'rel-1', time: '2022-11-10 14:50:16', user: 'test-user', operator: 'BE*MBF',
 * //   description: '3.667 kWh – 0:15:02', type: 'split-billing', typeLabel: 'Split billing', priceInclVat: '–' }
 */
export function activityRow(item: AssessedSession, options: ViewOptions = {}): ActivityRow {
  return buildActivityRow(item, resolveOptions(options));
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
 * @throws RangeError when the time zone is unknown; {ConfigError} when the locale resolves to no locale
 * @example
 * cpoRow(rel1);
 * // { sessionId: 'rel-1', start: '2022-11-10 14:50', end: '2022-11-10 15:05', station: 'cp_test2', connector: '1',
 * //   duration: '15 minutes', energy: '3.667 kWh', remuneration: '€2.44', remunerationType: 'Split billing' }
 */
export function cpoRow(item: AssessedSession, options: ViewOptions = {}): CpoRow {
  return buildCpoRow(item, resolveOptions(options));
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
 * @throws RangeError when the time zone is unknown; {ConfigError} when the locale resolves to no locale
 * @example
 * activityCsv([rel1]);
 * // 'Session,Time,User,Operator,Description,Session type,Price (incl. VAT)\r\n'
 * // + 'rel-1,2022-11-10 14:50:16,test-user,BE*MBF,3.667 kWh – 0:15:02,Split billing,–\r\n'
 */
export function activityCsv(items: readonly AssessedSession[], options: ViewOptions = {}): string {
  const resolved = resolveOptions(options);
  const headers = resolved.locale.headers.activity;
  return toCsv(
    ACTIVITY_COLUMNS.map((column) => headers[column]),
    items.map((item) => {
      const row = buildActivityRow(item, resolved);
      return ACTIVITY_COLUMNS.map((column) => row[column]);
    }),
  );
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
 * @throws RangeError when the time zone is unknown; {ConfigError} when the locale resolves to no locale
 * @example
 * cpoCsv([rel1], { locale: 'nl' });
 * // 'Sessie,Start,Einde,Laadpaal,Connector,Duur,Energie,Vergoeding,Type vergoeding\r\n'
 * // + 'rel-1,2022-11-10 14:50,2022-11-10 15:05,cp_test2,1,15 minuten,"3,667 kWh","€ 2,44",Split billing\r\n'
 * // (Intl writes a non-breaking space after "€" in Dutch)
 */
export function cpoCsv(items: readonly AssessedSession[], options: ViewOptions = {}): string {
  const resolved = resolveOptions(options);
  const headers = resolved.locale.headers.cpo;
  return toCsv(
    CPO_COLUMNS.map((column) => headers[column]),
    items.map((item) => {
      const row = buildCpoRow(item, resolved);
      return CPO_COLUMNS.map((column) => row[column]);
    }),
  );
}
