/**
 * The columns of the activity view and its export, in order: fields of an `ActivityRow`.
 *
 * @example ACTIVITY_COLUMNS.map((column) => LOCALE_DEFINITIONS.en.headers.activity[column]).join(); // => 'Session,Time,User,Operator,Description,Session type,Price (incl. VAT)'
 */
export const ACTIVITY_COLUMNS = ['sessionId', 'time', 'user', 'operator', 'description', 'typeLabel', 'priceInclVat'] as const;

/**
 * The columns of the CPO view and its export, in order: fields of a `CpoRow`.
 *
 * @example CPO_COLUMNS.map((column) => LOCALE_DEFINITIONS.nl.headers.cpo[column]).join(); // => 'Sessie,Start,Einde,Laadpaal,Connector,Duur,Energie,Vergoeding,Type vergoeding'
 */
export const CPO_COLUMNS = ['sessionId', 'start', 'end', 'station', 'connector', 'duration', 'energy', 'remuneration', 'remunerationType'] as const;

/**
 * The columns of a reimbursement statement's export, in order.
 *
 * @example STATEMENT_COLUMNS.map((column) => LOCALE_DEFINITIONS.en.headers.statement[column]).join(); // => 'Employee,Session,Start,End,Licence,Energy,Rate,Amount'
 */
export const STATEMENT_COLUMNS = ['employeeId', 'sessionId', 'start', 'end', 'licenceId', 'energy', 'rate', 'amount'] as const;

/**
 * What a summary's table names: its groupings, the figures of its totals, the total row and sessions without a user.
 *
 * @example SUMMARY_LABELS.slice(0, 4); // => ['type', 'user', 'chargePoint', 'month']
 */
export const SUMMARY_LABELS = [
  'type',
  'user',
  'chargePoint',
  'month',
  'count',
  'energyKWh',
  'withoutEnergy',
  'durationMs',
  'operationalBudget',
  'reimbursement',
  'total',
  'noUser',
] as const;

/** A column of the activity view. */
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];
/** A column of the CPO view. */
export type CpoColumn = (typeof CPO_COLUMNS)[number];
/** A column of a statement's export. */
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];
/** A label of a summary's table. */
export type SummaryLabel = (typeof SUMMARY_LABELS)[number];
