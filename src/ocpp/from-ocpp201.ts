import type { Decimal } from 'decimal.js';
import { createSessionSchema } from '../model/session.js';
import type { StopReason } from '../model/stop-reason.js';
import type { TokenType } from '../model/token.js';
import { readLog, type Call, type OcppLog } from './log.js';
import { decreaseWarning, kWhBetween, registerReadings, unreadableReadings, type Reading } from './meter.js';
import { transactionEventRequestSchema, transactionEventResponseSchema, type TransactionEventRequest } from './ocpp201-schemas.js';
import { readOptions, type OcppOptions, type OcppOptionsInput } from './options.js';
import { failure, issue, payloadIssues, type OcppResult, type OcppWarning } from './result.js';
import {
  authorizationUnknown,
  callErrorWarnings,
  chargePointOf,
  indexesOf,
  sessionId,
  sessionResult,
  stopBeforeStart,
  tokenWarnings,
  type SessionSchema,
} from './session.js';

/** 1.6 actions, which a 2.0.1 log does not hold. */
const OCPP16_ACTIONS = new Set(['StartTransaction', 'StopTransaction']);

/** 2.0.1 idToken types that are RFID cards. */
const TOKEN_TYPES: Readonly<Record<string, TokenType>> = { ISO14443: 'RFID', ISO15693: 'RFID' };

/** A TransactionEvent read, with its call. */
interface Event {
  readonly call: Call;
  readonly request: TransactionEventRequest;
}

/**
 * Reads an OCPP 2.0.1 log into one result per transaction: TransactionEvent
 * messages (Started, Updated, Ended) grouped by
 * `transactionInfo.transactionId` and ordered by `seqNo` whatever the log
 * order, offline events included. Energy is the last minus the first
 * `Energy.Active.Import.Register` reading at the outlet (or without
 * location), Wh unless `unitOfMeasure` says kWh, times 10^multiplier; other
 * measurands, phases and the inlet are ignored. The token is the first
 * `idToken`, its authorisation the answer's `idTokenInfo.status`;
 * `stoppedReason` is the stop reason (absent: Local). Never throws on a log;
 * bad options throw a `ConfigError`.
 *
 * @example
 * const event = (eventType: string, seqNo: number, timestamp: string, wh: number) => ({
 *   action: 'TransactionEvent',
 *   payload: { eventType, seqNo, timestamp, triggerReason: 'Authorized', transactionInfo: { transactionId: 'tx-1' },
 *     idToken: { idToken: '04A23B5C', type: 'ISO14443' }, meterValue: [{ timestamp, sampledValue: [{ value: wh }] }] },
 *   response: { idTokenInfo: { status: 'Accepted' } },
 * });
 * const [result] = fromOcpp201([event('Ended', 1, '2022-11-10T14:05:18Z', 4667), event('Started', 0, '2022-11-10T13:50:16Z', 1000)],
 *   { chargePointId: 'CS-7' });
 * result?.success && result.data.energyKWh?.toString(); // => '3.667'
 * result?.warnings.map((warning) => warning.code); // => ['meter-boundary-uncertain']
 * @throws {ConfigError} when the options are not usable (no chargePointId, an unknown time zone...).
 */
export function fromOcpp201(log: OcppLog, options: OcppOptionsInput): OcppResult[] {
  const settings = readOptions(options);
  const schema = createSessionSchema({ timeZone: settings.timeZone });
  const { calls, strays } = readLog(log);
  const results: OcppResult[] = strays.map((stray) => failure(null, [stray.index], [stray.issue]));
  const transactions = new Map<string, Call[]>();
  for (const call of calls) {
    if (call.action === 'TransactionEvent') {
      const parsed = transactionEventRequestSchema.shape.transactionInfo.shape.transactionId.safeParse(transactionIdOf(call.payload));
      if (parsed.success) transactions.set(parsed.data, [...(transactions.get(parsed.data) ?? []), call]);
      else results.push(failure(null, indexesOf(call), payloadIssues(parsed.error, [...call.path, 'transactionInfo', 'transactionId'], 'TransactionEvent')));
    } else if (OCPP16_ACTIONS.has(call.action)) {
      results.push(failure(null, indexesOf(call), [issue('wrong-version', `a ${call.action} is an OCPP 1.6 message; read this log with fromOcpp16`, call.path)]));
    }
  }
  for (const [transactionId, events] of transactions) results.push(read(transactionId, events, settings, schema));
  return results.sort((a, b) => a.messages[0]! - b.messages[0]!);
}

function transactionIdOf(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const info = (payload as { transactionInfo?: unknown }).transactionInfo;
  return typeof info === 'object' && info !== null ? (info as { transactionId?: unknown }).transactionId : undefined;
}

/** The session of one transaction's events. */
function read(transactionId: string, calls: readonly Call[], options: OcppOptions, schema: SessionSchema): OcppResult {
  const messages = calls.flatMap(indexesOf).sort((a, b) => a - b);
  const parsed = calls.map((call) => ({ call, parsed: transactionEventRequestSchema.safeParse(call.payload) }));
  const issues = parsed.flatMap(({ call, parsed: request }) => (request.success ? [] : payloadIssues(request.error, call.path, 'TransactionEvent')));
  const warnings: OcppWarning[] = calls.flatMap((call) => callErrorWarnings('TransactionEvent', call.answer));
  if (issues.length > 0) return failure(transactionId, messages, issues, warnings);

  const events: Event[] = parsed
    .map(({ call, parsed: request }) => ({ call, request: request.data! }))
    .sort((a, b) => a.request.seqNo - b.request.seqNo);
  warnings.push(...sequenceWarnings(events));
  const started = events.find((event) => event.request.eventType === 'Started');
  const ended = events.filter((event) => event.request.eventType === 'Ended').at(-1);
  if (started === undefined || ended === undefined) {
    return failure(
      transactionId,
      messages,
      [
        ...(started === undefined
          ? [issue('transaction-not-started', `transaction ${transactionId} has no Started event in the log`, calls[0]!.path)]
          : []),
        ...(ended === undefined
          ? [issue('transaction-not-ended', `transaction ${transactionId} has no Ended event in the log: still charging, or the log is cut off`, calls[0]!.path)]
          : []),
      ],
      warnings,
    );
  }

  const tokenEvent = events.find((event) => event.request.idToken !== undefined);
  const idToken = tokenEvent?.request.idToken;
  const tokenPath = tokenEvent === undefined ? started.call.path : [...tokenEvent.call.path, 'idToken', 'idToken'];
  const answer = tokenEvent?.call.answer?.kind === 'result' ? transactionEventResponseSchema.safeParse(tokenEvent.call.answer.payload) : undefined;
  if (answer !== undefined && !answer.success) {
    const first = answer.error.issues[0]!;
    warnings.push({
      code: 'answer-unreadable',
      message: `the answer to the TransactionEvent cannot be read (${first.message}); it is taken as missing`,
      path: [...tokenEvent!.call.answer!.path, ...first.path],
    });
  }
  const info = answer?.success ? answer.data.idTokenInfo : undefined;
  if (idToken !== undefined && info === undefined) {
    warnings.push(authorizationUnknown(options, 'the log holds no answer with the idTokenInfo of the transaction\'s idToken', tokenPath));
  }
  if (idToken !== undefined) {
    const last = events.filter((event) => event.request.idToken !== undefined).at(-1)!;
    warnings.push(...tokenWarnings(idToken.idToken, tokenPath, last.request.idToken!.idToken, [...last.call.path, 'idToken', 'idToken']));
  }
  warnings.push(...stopBeforeStart(started.request.timestamp, ended.request.timestamp, options, [...ended.call.path, 'timestamp']));

  const { energyKWh, warnings: meterWarnings } = energy(
    registerReadings(
      events.map(({ call, request }) => ({ meterValue: request.meterValue ?? [], path: [...call.path, 'meterValue'], offline: request.offline === true })),
    ),
  );
  warnings.push(...meterWarnings);

  const evse = events.find((event) => event.request.evse !== undefined)?.request.evse;
  const input = {
    id: sessionId(options, transactionId),
    startedAt: started.request.timestamp,
    endedAt: ended.request.timestamp,
    energyKWh,
    token: {
      uid: idToken?.idToken,
      ...(idToken?.type === 'eMAID' ? { contractId: idToken.idToken } : {}),
      ...(idToken !== undefined && TOKEN_TYPES[idToken.type] !== undefined ? { type: TOKEN_TYPES[idToken.type] } : {}),
      ...(info?.groupIdToken === undefined ? {} : { groupId: info.groupIdToken.idToken }),
      authorization: info?.status ?? options.authorizationWithoutAnswer,
    },
    chargePoint: chargePointOf(options, evse?.id),
    stopReason: ended.request.transactionInfo.stoppedReason ?? ('Local' satisfies StopReason),
  };
  return sessionResult({ transactionId, messages, warnings, input }, schema);
}

/** Gaps and duplicates in the events' seqNo: events missing from the log, or sent twice. */
function sequenceWarnings(events: readonly Event[]): OcppWarning[] {
  const warnings: OcppWarning[] = [];
  for (let i = 1; i < events.length; i += 1) {
    const before = events[i - 1]!.request.seqNo;
    const event = events[i]!;
    const path = [...event.call.path, 'seqNo'];
    if (event.request.seqNo === before) {
      warnings.push({ code: 'seq-no-duplicate', message: `two events of the transaction have seqNo ${before}`, path });
    } else if (event.request.seqNo > before + 1) {
      warnings.push({ code: 'seq-no-gap', message: `no event with seqNo ${before + 1} to ${event.request.seqNo - 1} in the log: events may be missing`, path });
    }
  }
  return warnings;
}

/**
 * Energy = last minus first register reading. Unknown (`null`), with a
 * warning, when a reading cannot be read, when there are fewer than two,
 * when the first or last is the -1 sentinel, or when an offline transaction
 * starts from a 0 placeholder.
 */
function energy(readings: readonly Reading[]): { energyKWh: Decimal | null; warnings: OcppWarning[] } {
  const warnings = unreadableReadings(readings, 'the energy is unknown');
  if (warnings.length > 0) return { energyKWh: null, warnings };
  const first = readings[0];
  const last = readings.at(-1);
  if (first === undefined || last === undefined || readings.length < 2) {
    const path = first?.path;
    return {
      energyKWh: null,
      warnings: [{
        code: 'meter-readings-missing',
        message: `${readings.length} register reading${readings.length === 1 ? '' : 's'} at the outlet: the energy is unknown`,
        ...(path === undefined ? {} : { path }),
      }],
    };
  }
  for (const reading of readings.filter((found) => found.sentinel)) {
    warnings.push({ code: 'meter-sentinel', message: 'a register reading of -1, the charger\'s "unknown"', path: reading.path });
  }
  if (first.sentinel || last.sentinel) return { energyKWh: null, warnings };
  const known = readings.filter((reading): reading is Reading & { wh: Decimal } => reading.wh !== null && !reading.sentinel);
  const firstWh = first.wh!;
  const lastWh = last.wh!;
  if (firstWh.isZero() && known.some((reading) => reading.wh.gt(0))) {
    if (first.offline) {
      warnings.push({
        code: 'meter-zero-placeholder',
        message: 'the transaction started offline with a register reading of 0, a placeholder: the energy is unknown, never the whole register',
        path: first.path,
      });
      return { energyKWh: null, warnings };
    }
    warnings.push({
      code: 'meter-starts-at-zero',
      message: `the register starts at 0 and reaches ${lastWh} Wh: a new meter, or a placeholder for an unknown reading; check before paying`,
      path: first.path,
    });
  }
  warnings.push(...decreaseWarning(known));
  if (first.context !== 'Transaction.Begin' || last.context !== 'Transaction.End') {
    warnings.push({
      code: 'meter-boundary-uncertain',
      message: `the energy runs from a ${first.context ?? 'Sample.Periodic'} reading to a ${last.context ?? 'Sample.Periodic'} reading, not from Transaction.Begin to Transaction.End: energy outside them is not counted`,
      path: first.context !== 'Transaction.Begin' ? first.path : last.path,
    });
  }
  return { energyKWh: kWhBetween(firstWh, lastWh), warnings };
}
