/**
 * OCPP adapters: transactions from OCPP 1.6 and 2.0.1 message logs, as
 * sessions the classifier reads. Import as `charging-sessions/ocpp`; the
 * core never imports it.
 * @packageDocumentation
 */
export { fromOcpp16 } from './from-ocpp16.js';
export { fromOcpp201 } from './from-ocpp201.js';
export { parseJsonExact, type OcppLog } from './log.js';
export { ocppOptionsSchema, type OcppOptions, type OcppOptionsInput } from './options.js';
export { OCPP_WARNING_CODES, OCPP_ISSUE_CODES, type OcppWarningCode, type OcppIssueCode, type OcppWarning, type OcppResult } from './result.js';
export { sampledValueSchema, meterValueSchema, type SampledValue, type MeterValue } from './sampled-value.js';
export {
  transactionId16Schema,
  wattHoursSchema,
  idTagInfoSchema,
  startTransactionRequestSchema,
  startTransactionResponseSchema,
  meterValuesRequestSchema,
  stopTransactionRequestSchema,
  stopTransactionResponseSchema,
  type StartTransactionRequest,
  type StopTransactionRequest,
  type MeterValuesRequest,
} from './ocpp16-schemas.js';
export {
  TRANSACTION_EVENT_TYPES,
  idTokenSchema,
  idTokenInfoSchema,
  transactionEventRequestSchema,
  transactionEventResponseSchema,
  type TransactionEventRequest,
  type TransactionEventResponse,
} from './ocpp201-schemas.js';
