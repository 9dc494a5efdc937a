/**
 * OCPP logs written from the specifications (OCPP 1.6 JSON schemas, OCPP
 * 2.0.1 TransactionEventRequest/Response), for the adapters' tests.
 */
import type { OcppResult } from '../../src/ocpp';

/** A 1.6 CALL frame. */
export const call = (id: string, action: string, payload: unknown) => [2, id, action, payload];
/** A CALLRESULT frame. */
export const result = (id: string, payload: unknown) => [3, id, payload];
/** A CALLERROR frame. */
export const callError = (id: string, code: string, text: string) => [4, id, code, text, {}];

/** A 1.6 StartTransaction.req (connector 1, idTag 04A23B5C unless given). */
export const start16 = (id: string, meterStart: number | string, timestamp: string, extra: Record<string, unknown> = {}) =>
  call(id, 'StartTransaction', { connectorId: 1, idTag: '04A23B5C', meterStart, timestamp, ...extra });
/** A 1.6 StartTransaction.conf. */
export const started16 = (id: string, transactionId: number | string, status = 'Accepted', extra: Record<string, unknown> = {}) =>
  result(id, { idTagInfo: { status, ...extra }, transactionId });
/** A 1.6 StopTransaction.req. */
export const stop16 = (id: string, transactionId: number | string, meterStop: number | string, timestamp: string, extra: Record<string, unknown> = {}) =>
  call(id, 'StopTransaction', { transactionId, meterStop, timestamp, ...extra });
/** A 1.6 StopTransaction.conf. */
export const stopped16 = (id: string) => result(id, { idTagInfo: { status: 'Accepted' } });
/** A 1.6 sampled register value (Wh at the outlet unless said otherwise). */
export const register16 = (value: string, extra: Record<string, unknown> = {}) => ({ value, measurand: 'Energy.Active.Import.Register', ...extra });
/** A 1.6 MeterValues.req. */
export const meterValues16 = (id: string, transactionId: number, timestamp: string, sampledValue: unknown[], connectorId = 1) =>
  call(id, 'MeterValues', { connectorId, transactionId, meterValue: [{ timestamp, sampledValue }] });

/** A whole 1.6 transaction: start, its answer, stop, its answer (message ids prefixed with `tag`). */
export function transaction16(tag: string, transactionId: number, meterStart: number, meterStop: number, from: string, to: string, connectorId = 1) {
  return [
    start16(`${tag}-s`, meterStart, from, { connectorId }),
    started16(`${tag}-s`, transactionId),
    stop16(`${tag}-e`, transactionId, meterStop, to, { reason: 'EVDisconnected' }),
    stopped16(`${tag}-e`),
  ];
}

/** A 2.0.1 register sample (Wh at the outlet unless said otherwise). */
export const register201 = (value: number, context?: string, extra: Record<string, unknown> = {}) => ({
  value,
  ...(context === undefined ? {} : { context }),
  measurand: 'Energy.Active.Import.Register',
  ...extra,
});

/** A 2.0.1 TransactionEvent as an `{ action, payload, response }` object. */
export function event201(
  transactionId: string,
  eventType: 'Started' | 'Updated' | 'Ended',
  seqNo: number,
  timestamp: string,
  sampledValue: unknown[],
  extra: Record<string, unknown> = {},
  response: unknown = { idTokenInfo: { status: 'Accepted' } },
) {
  const triggerReason = eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'EVDeparted' : 'MeterValuePeriodic';
  return {
    action: 'TransactionEvent',
    payload: {
      eventType,
      timestamp,
      triggerReason,
      seqNo,
      transactionInfo: { transactionId, ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
      ...(eventType === 'Started' ? { evse: { id: 1, connectorId: 1 }, idToken: { idToken: '04A23B5C', type: 'ISO14443' } } : {}),
      ...(sampledValue.length === 0 ? {} : { meterValue: [{ timestamp, sampledValue }] }),
      ...extra,
    },
    ...(response === undefined ? {} : { response }),
  };
}

/** A whole 2.0.1 transaction: Started at `from` (register `startWh`), one Updated, Ended at `to` (register `endWh`). */
export function transaction201(transactionId: string, startWh: number, endWh: number, from = '2024-03-04T08:00:00Z', to = '2024-03-04T09:00:00Z') {
  return [
    event201(transactionId, 'Started', 0, from, [register201(startWh, 'Transaction.Begin')]),
    event201(transactionId, 'Updated', 1, '2024-03-04T08:30:00Z', [register201((startWh + endWh) / 2, 'Sample.Periodic')]),
    event201(transactionId, 'Ended', 2, to, [register201(endWh, 'Transaction.End')]),
  ];
}

/** The warning codes of a result. */
export const codes = (found: OcppResult) => found.warnings.map((warning) => warning.code);
/** The issue codes (`params.code`) of a failed result. */
export const issueCodes = (found: OcppResult) => (found.error?.issues ?? []).map((issue) => (issue as { params?: { code?: string } }).params?.code);
/** The session of a result that must have succeeded. */
export function sessionOf(found: OcppResult | undefined) {
  if (!found?.success) throw new Error(`expected a session, got ${JSON.stringify(found?.error?.issues)}`);
  return found.data;
}
