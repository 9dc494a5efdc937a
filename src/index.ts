// The public API of charging-sessions, in one screen.

// Model: sessions as a backend sends them, and as the library reads them.
export { parseSession, parseSessions, sessionSchema, createSessionSchema, AUTH_METHODS } from './model/session';
export type { ChargingSession, SessionInput, ParseOptions, ParseResult } from './model/session';
export { AUTHORIZATION_STATUSES, TOKEN_TYPES } from './model/token';
export type { AuthorizationStatus, TokenType, Token, TokenInput } from './model/token';
export type { ChargePoint, ChargePointInput } from './model/charge-point';
export type { Price, PriceInput } from './model/price';
export type { DecimalInput } from './model/decimal';
export type { Period } from './model/period';
export { ConfigError, type ConfigIssue } from './errors';

// Validity rules.
export { checkValidity, VALIDITY_RULES, type ValidityRule } from './rules/rules';
export { validityConfigSchema, type ValidityConfig, type ValidityConfigInput } from './rules/config';

// Matchers: tokens, whitelist entries, split billing licences.
export { normaliseUid, normaliseContractId, reverseUidBytes } from './matchers/normalise';
export { emaidCheckCharacter, isValidEmaid } from './matchers/emaid';
export { whitelistEntrySchema, type WhitelistEntry, type WhitelistEntryInput } from './matchers/whitelist';
export { licenceSchema, LICENCE_STATUSES, LICENCE_COVERAGES } from './matchers/licence';
export type { Licence, LicenceInput, LicenceCoverage } from './matchers/licence';
export type { TokenSelector, ChargePointSelector } from './matchers/selectors';

// Classification.
export { createClassifier, type Classifier, type ClassifyOptions } from './classify/classifier';
export { classifierConfigSchema, parseClassifierConfig, defaultConfig } from './classify/config';
export type { ClassifierConfig, ClassifierConfigInput } from './classify/config';
export type { Classification } from './classify/classification';
export { SESSION_TYPES, type SessionType } from './classify/session-type';
export { INVALID_REASON_CODES, VALID_REASON_CODES, type Reason, type ReasonCode, type InvalidReasonCode } from './classify/reason';

// Cost: money, rounding, rate schedules.
export { money, zeroMoney, addMoney, sumMoney, compareMoney, isZeroMoney, CurrencyMismatchError, type Money } from './cost/money';
export { roundMoney, minorUnitDigits, ROUNDING_MODES, type RoundingMode } from './cost/rounding';
export { rateAt, type Rate, type RateSchedule, type RateInput } from './cost/rate-schedule';
export { attributeCost, type CostAttribution, type CostOptions, type CostFlag, type Party, type Budget } from './cost/attribute-cost';
export type { RateBasis, PriceBasis } from './cost/attribute-cost';

// The whole pipeline for a batch: read, classify, price; one result per input.
export { assessSessions, type AssessedSession, type Assessment, type AssessOptions } from './assess';

// Reporting: formatting and labels.
export { formatDuration, formatDurationMinutes, formatEnergy, formatMoney, formatLocalDateTime, LOCALES, type Locale } from './report/format';
export { sessionTypeLabel } from './report/labels';
export { toCsv } from './report/csv';
export { activityRow, cpoRow, activityCsv, cpoCsv, type ActivityRow, type CpoRow, type ViewOptions } from './report/views';
export { summarize, NO_USER, type Summary, type SummaryOptions, type Totals, type TypedTotals } from './report/summarize';
