/** The columns of the activity view and its export, in order: fields of an `ActivityRow`. */
export const ACTIVITY_COLUMNS = ['sessionId', 'time', 'user', 'operator', 'description', 'typeLabel', 'priceInclVat'] as const;

/** The columns of the CPO view and its export, in order: fields of a `CpoRow`. */
export const CPO_COLUMNS = ['sessionId', 'start', 'end', 'station', 'connector', 'duration', 'energy', 'remuneration', 'remunerationType'] as const;

/** The columns of a reimbursement statement's export, in order. */
export const STATEMENT_COLUMNS = ['employeeId', 'sessionId', 'start', 'end', 'licenceId', 'energy', 'rate', 'amount'] as const;

/** What a summary's table names: its groupings, the figures of its totals, the total row, sessions without a user and the currency column. */
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
