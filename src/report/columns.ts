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
 * What a summary's table names: its groupings, the figures of its totals, the total row, sessions without a user and the currency column.
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
  'currency',
] as const;

/**
 * The columns of a summary's table and export, in order: the grouping's keys
 * (only those of the grouping shown), the type, the currency, then the
 * figures. Fields of a `SummaryRow`.
 *
 * @example SUMMARY_COLUMNS.slice(3, 6); // => ['type', 'currency', 'count']
 */
export const SUMMARY_COLUMNS = ['user', 'chargePoint', 'month', 'type', 'currency', 'count', 'energyKWh', 'withoutEnergy', 'durationMs', 'operationalBudget', 'reimbursement'] as const;

/** A column of the activity view. */
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];
/** A column of the CPO view. */
export type CpoColumn = (typeof CPO_COLUMNS)[number];
/** A column of a statement's export. */
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];
/** A column of a summary's table. */
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];
/** A label of a summary's table. */
export type SummaryLabel = (typeof SUMMARY_LABELS)[number];
