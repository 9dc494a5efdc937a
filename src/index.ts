// The public API of charging-sessions, in one screen.

// Model: sessions as a backend sends them, and as the library reads them.
export { parseSession, parseSessions, sessionSchema, createSessionSchema, AUTH_METHODS } from './model/session.js';
export type { ChargingSession, SessionInput, ParseOptions, ParseResult } from './model/session.js';
export { AUTHORIZATION_STATUSES, TOKEN_TYPES } from './model/token.js';
export type { AuthorizationStatus, TokenType, Token, TokenInput } from './model/token.js';
export type { ChargePoint, ChargePointInput } from './model/charge-point.js';
export type { Price, PriceInput } from './model/price.js';
export { STOP_REASONS, stopReasonSchema, type StopReason } from './model/stop-reason.js';
export type { DecimalInput } from './model/decimal.js';
export type { Period } from './model/period.js';
export type { ReadResult, ReadWarning } from './model/read-result.js';
export { ConfigError, type ConfigIssue } from './errors.js';

// Validity rules.
export { checkValidity, VALIDITY_RULES, type ValidityRule } from './rules/rules.js';
export { validityConfigSchema, type ValidityConfig, type ValidityConfigInput } from './rules/config.js';

// Matchers: tokens, whitelist entries, split billing licences.
export { normaliseUid, normaliseContractId, reverseUidBytes } from './matchers/normalise.js';
export { emaidCheckCharacter, isValidEmaid } from './matchers/emaid.js';
export { whitelistEntrySchema, type WhitelistEntry, type WhitelistEntryInput } from './matchers/whitelist.js';
export { licenceSchema, LICENCE_STATUSES, LICENCE_COVERAGES } from './matchers/licence.js';
export type { Licence, LicenceInput, LicenceCoverage } from './matchers/licence.js';
export type { TokenSelector, ChargePointSelector } from './matchers/selectors.js';

// Classification.
export { createClassifier, checkClassifyOptions, homeChargingCompensationFor, type Classifier, type ClassifyOptions } from './classify/classifier.js';
export { classifierConfigSchema, parseClassifierConfig, defaultConfig } from './classify/config.js';
export type { ClassifierConfig, ClassifierConfigInput } from './classify/config.js';
export { classifierConfigJsonSchema, type JsonSchema } from './classify/json-schema.js';
export type { Classification } from './classify/classification.js';
export { SESSION_TYPES, type SessionType } from './classify/session-type.js';
export { INVALID_REASON_CODES, VALID_REASON_CODES, type Reason, type ReasonCode, type InvalidReasonCode } from './rules/reason.js';

// Cost: money, rounding, rate schedules.
export { money, zeroMoney, addMoney, sumMoney, compareMoney, isZeroMoney, CurrencyMismatchError, type Money } from './cost/money.js';
export { roundMoney, minorUnitDigits, findMinorUnitDigits, ROUNDING_MODES, type RoundingMode } from './cost/rounding.js';
export { rateAt, type Rate, type RateSchedule, type RateInput } from './matchers/rate-schedule.js';
export { attributeCost, checkCostOptions, type CostAttribution, type CostOptions, type CostFlag, type Party, type Budget } from './cost/attribute-cost.js';
export type { RateBasis, PriceBasis } from './cost/attribute-cost.js';
export { capRate, type Ceiling, type CeilingBasis, type CappedRate } from './matchers/ceiling.js';

// The whole pipeline for a batch: read, classify, price; one result per input.
export { assessSessions, assessStream, type AssessedSession, type Assessment, type AssessOptions, type SessionSource } from './assess/assess.js';

// Reporting: formatting and labels.
export { formatDuration, formatDurationMinutes, formatEnergy, formatMoney, formatLocalDateTime, LOCALES, type Locale } from './report/format.js';
export { sessionTypeLabel } from './report/labels.js';
export { toCsv } from './report/csv.js';
export { activityRow, cpoRow, activityCsv, cpoCsv, activityView, cpoView, type ActivityRow, type CpoRow, type View, type ViewOptions } from './report/views.js';
export { summarize, createSummary, mergeSummaries, NO_USER, SUMMARY_GROUPS, TYPE_FILTERS } from './report/summarize.js';
export type { Summary, SummaryBuilder, SummaryGroup, SummaryOptions, Totals, TypedTotals, CurrencyTotals, TypeFilter } from './report/summarize.js';
export { summaryRows, summaryCsv, type SummaryRow, type SummaryRowsOptions } from './report/summary-rows.js';

// In the user's language: locales as BCP 47 tags, definitions a user can add, explanations of reasons.
export { LOCALE_DEFINITIONS, resolveLocale, isLocale, type LocaleInput } from './report/locale.js';
export type { LocaleDefinition, ReasonFigures, ReasonExplanations } from './report/locale-definition.js';
export { ACTIVITY_COLUMNS, CPO_COLUMNS, STATEMENT_COLUMNS, SUMMARY_COLUMNS, SUMMARY_LABELS } from './report/columns.js';
export type { ActivityColumn, CpoColumn, StatementColumn, SummaryColumn, SummaryLabel } from './report/columns.js';
export { explainReason, type ExplainOptions } from './report/explain.js';
export { LICENCE_MISMATCHES, type LicenceMismatch } from './matchers/licence.js';

// Monthly reimbursement statements: the payment request of each employee.
export { reimbursementStatements, statementRows, statementCsv } from './report/statements.js';
export type { ReimbursementStatement, StatementLine, StatementOptions, StatementRow, StatementViewOptions } from './report/statements.js';
