import type { Decimal } from 'decimal.js';
import { createSessionSchema, type SessionInput } from '../model/session.js';
import type { StopReason } from '../model/stop-reason.js';
import { readLog, type Call, type OcppLog } from './log.js';
import { decreaseWarning, kWhBetween, registerReadings, unreadableReadings, type Reading } from './meter.js';
import {
  meterValuesRequestSchema,
  startTransactionRequestSchema,
  startTransactionResponseSchema,
  stopTransactionRequestSchema,
  transactionId16Schema,
} from './ocpp16-schemas.js';
import { readOptions, type OcppOptions, type OcppOptionsInput } from './options.js';
import { failure, issue, payloadIssues, type LogPath, type OcppResult, type OcppWarning } from './result.js';
import {
  authorizationUnknown,
  callErrorWarnings,
  chargePointOf,
  indexesOf,
  instantMs,
  sessionId,
  sessionResult,
  stopBeforeStart,
  tokenWarnings,
  type SessionSchema,
} from './session.js';

/** A 1.6 transaction being assembled: its start, the id its answer (or its stop) gives, its meter values and stop. */
interface Transaction {
  readonly start: Call;
  id: string | undefined;
  authorization: { status: SessionInput['token']['authorization']; parentIdTag: string | undefined } | undefined;
  readonly warnings: OcppWarning[];
  readonly meterValues: Call[];
  readonly messages: number[];
  stop?: Call;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The payload's raw transactionId, when it has one. */
const rawTransactionId = (payload: unknown): unknown => (isRecord(payload) ? payload.transactionId : undefined);

/** A warning when a transactionId came as a number beyond JavaScript's safe integers (already rounded by JSON.parse). */
function impreciseId(raw: unknown, path: LogPath): OcppWarning[] {
  return typeof raw === 'number' && !Number.isSafeInteger(raw)
    ? [{
        code: 'transaction-id-imprecise',
        message: `the transactionId ${raw} is beyond JavaScript's safe integers and was rounded when the log was parsed; pass the log as text to read it exactly`,
        path: [...path, 'transactionId'],
      }]
    : [];
}

/**
 * Reads an OCPP 1.6 log into one result per transaction: StartTransaction
 * matched to its answer by message id (the transactionId, the idTag's
 * authorisation), MeterValues and StopTransaction by transactionId, any
 * number of transactions interleaved. Energy = (meterStop - meterStart) / 1000
 * kWh; `reason` is the stop reason (absent: Local). A stop whose start lacks
 * its answer is paired with the only open start, with a warning; none is
 * guessed when several are open. Messages that belong to no complete
 * transaction get a failed result each. Other actions (Heartbeat,
 * StatusNotification, Authorize...) carry no transaction and are passed over.
 * Never throws on a log; bad options throw a `ConfigError`.
 *
 * @example
 * const [result] = fromOcpp16([
 *   [2, 'a', 'StartTransaction', { connectorId: 1, idTag: '04A23B5C', meterStart: 1000, timestamp: '2022-11-10T13:50:16Z' }],
 *   [3, 'a', { idTagInfo: { status: 'Accepted' }, transactionId: 7 }],
 *   [2, 'b', 'StopTransaction', { transactionId: 7, meterStop: 4667, timestamp: '2022-11-10T14:05:18Z', reason: 'EVDisconnected' }],
 * ], { chargePointId: 'CP-42' });
 * result?.transactionId; // => '7'
 * result?.success && result.data.energyKWh?.toString(); // => '3.667'
 * @throws {ConfigError} when the options are not usable (no chargePointId, an unknown time zone...).
 */
export function fromOcpp16(log: OcppLog, options: OcppOptionsInput): OcppResult[] {
  const settings = readOptions(options);
  const schema = createSessionSchema({ timeZone: settings.timeZone });
  const { calls, strays } = readLog(log);
  const results: OcppResult[] = strays.map((stray) => failure(null, [stray.index], [stray.issue]));
  const open: Transaction[] = [];
  const ended: Transaction[] = [];
  // MeterValues whose transaction no open start has (yet): a stop may still pair an unanswered start with their id.
  const waiting = new Map<string, Call[]>();

  for (const call of calls) {
    if (call.action === 'StartTransaction') {
      open.push(startOf(call));
    } else if (call.action === 'MeterValues' && rawTransactionId(call.payload) !== undefined) {
      const id = transactionId16Schema.safeParse(rawTransactionId(call.payload));
      if (!id.success) {
        results.push(failure(null, indexesOf(call), payloadIssues(id.error, [...call.path, 'transactionId'], 'MeterValues')));
        continue;
      }
      const owners = open.filter((transaction) => transaction.id === id.data);
      if (owners.length === 1) owners[0]!.meterValues.push(call);
      else waiting.set(id.data, [...(waiting.get(id.data) ?? []), call]);
    } else if (call.action === 'StopTransaction') {
      results.push(...stop(call, open, ended, waiting));
    } else if (call.action === 'TransactionEvent') {
      results.push(failure(null, indexesOf(call), [issue('wrong-version', 'a TransactionEvent is an OCPP 2.0.1 message; read this log with fromOcpp201', call.path)]));
    }
  }

  for (const transaction of open) {
    const what = transaction.id === undefined ? 'a StartTransaction' : `transaction ${transaction.id}`;
    results.push(
      failure(
        transaction.id ?? null,
        transaction.messages,
        [issue('transaction-not-ended', `${what} has no StopTransaction in the log: still charging, or the log is cut off`, transaction.start.path)],
        transaction.warnings,
      ),
    );
  }
  for (const [id, meterValues] of waiting) {
    for (const call of meterValues) {
      results.push(
        failure(id, indexesOf(call), [issue('transaction-not-started', `MeterValues for transaction ${id}, which no StartTransaction in the log owns alone`, call.path)]),
      );
    }
  }
  results.push(...ended.map((transaction) => read(transaction, settings, schema)));
  return results.sort((a, b) => a.messages[0]! - b.messages[0]!);
}

/** A transaction opened by a StartTransaction, with what its answer says. */
function startOf(call: Call): Transaction {
  const transaction: Transaction = { start: call, id: undefined, authorization: undefined, warnings: [], meterValues: [], messages: indexesOf(call) };
  const answer = call.answer;
  if (answer?.kind === 'result') {
    const conf = startTransactionResponseSchema.safeParse(answer.payload);
    if (conf.success) {
      transaction.id = conf.data.transactionId;
      transaction.authorization = { status: conf.data.idTagInfo.status, parentIdTag: conf.data.idTagInfo.parentIdTag };
      transaction.warnings.push(...impreciseId(rawTransactionId(answer.payload), answer.path));
    } else {
      const first = conf.error.issues[0]!;
      transaction.warnings.push({
        code: 'answer-unreadable',
        message: `the answer to the StartTransaction cannot be read (${first.message}); it is taken as missing`,
        path: [...answer.path, ...first.path],
      });
    }
  }
  transaction.warnings.push(...callErrorWarnings('StartTransaction', answer));
  return transaction;
}

/** Pairs a StopTransaction with its open transaction; a failed result when none (or several) can own it. */
function stop(call: Call, open: Transaction[], ended: Transaction[], waiting: Map<string, Call[]>): OcppResult[] {
  const id = transactionId16Schema.safeParse(rawTransactionId(call.payload));
  if (!id.success) return [failure(null, indexesOf(call), payloadIssues(id.error, [...call.path, 'transactionId'], 'StopTransaction'))];
  const owners = open.filter((transaction) => transaction.id === id.data);
  const unanswered = open.filter((transaction) => transaction.id === undefined);
  let owner: Transaction;
  if (owners.length === 1) {
    owner = owners[0]!;
  } else if (owners.length === 0 && unanswered.length === 1) {
    owner = unanswered[0]!;
    owner.id = id.data;
    owner.warnings.push({
      code: 'paired-without-answer',
      message: `the log holds no answer giving the StartTransaction its transactionId; the StopTransaction of transaction ${id.data} is paired with it, the only open start`,
      path: call.path,
    });
    owner.meterValues.push(...(waiting.get(id.data) ?? []));
    waiting.delete(id.data);
  } else if (owners.length === 0 && unanswered.length === 0) {
    return [failure(id.data, indexesOf(call), [issue('transaction-not-started', `a StopTransaction for transaction ${id.data}, whose StartTransaction is not in the log`, call.path)])];
  } else {
    const candidates = (owners.length > 0 ? owners : unanswered).map((transaction) => `[${transaction.start.index}]`).join(', ');
    const why = owners.length > 0 ? `share the transactionId ${id.data}` : 'are open without the answer that gives their transactionId';
    return [failure(id.data, indexesOf(call), [issue('stop-ambiguous', `the starts at ${candidates} ${why}; none is guessed for this StopTransaction`, call.path)])];
  }
  owner.stop = call;
  owner.messages.push(...indexesOf(call));
  open.splice(open.indexOf(owner), 1);
  ended.push(owner);
  return [];
}

/** The session of an ended transaction, with every warning about what was read. */
function read(transaction: Transaction, options: OcppOptions, schema: SessionSchema): OcppResult {
  const stopCall = transaction.stop!;
  const id = transaction.id!;
  const messages = [...transaction.messages, ...transaction.meterValues.flatMap(indexesOf)].sort((a, b) => a - b);
  const start = startTransactionRequestSchema.safeParse(transaction.start.payload);
  const stopped = stopTransactionRequestSchema.safeParse(stopCall.payload);
  const meterValues = transaction.meterValues.map((call) => ({ call, parsed: meterValuesRequestSchema.safeParse(call.payload) }));
  const issues = [
    ...(start.success ? [] : payloadIssues(start.error, transaction.start.path, 'StartTransaction')),
    ...(stopped.success ? [] : payloadIssues(stopped.error, stopCall.path, 'StopTransaction')),
    ...meterValues.flatMap(({ call, parsed }) => (parsed.success ? [] : payloadIssues(parsed.error, call.path, 'MeterValues'))),
  ];
  const warnings = [
    ...transaction.warnings,
    ...impreciseId(rawTransactionId(stopCall.payload), stopCall.path),
    ...callErrorWarnings('StopTransaction', stopCall.answer),
    ...transaction.meterValues.flatMap((call) => callErrorWarnings('MeterValues', call.answer)),
  ];
  if (!start.success || !stopped.success || issues.length > 0) return failure(id, messages, issues, warnings);

  const startPath = transaction.start.path;
  const stopPath = stopCall.path;
  if (transaction.authorization === undefined) {
    warnings.push(authorizationUnknown(options, 'the log holds no answer to the StartTransaction', startPath));
  }
  warnings.push(...tokenWarnings(start.data.idTag, [...startPath, 'idTag'], stopped.data.idTag, [...stopPath, 'idTag']));
  warnings.push(...stopBeforeStart(start.data.timestamp, stopped.data.timestamp, options, [...stopPath, 'timestamp']));

  const readings = registerReadings([
    ...meterValues.map(({ call, parsed }) => ({ meterValue: parsed.data!.meterValue, path: [...call.path, 'meterValue'], offline: false })),
    { meterValue: stopped.data.transactionData ?? [], path: [...stopPath, 'transactionData'], offline: false },
  ]);
  const { energyKWh, warnings: meterWarnings } = energy(start.data.meterStart, stopped.data.meterStop, readings, options, startPath, stopPath);
  warnings.push(...meterWarnings);

  const input = {
    id: sessionId(options, id),
    startedAt: start.data.timestamp,
    endedAt: stopped.data.timestamp,
    energyKWh,
    token: {
      uid: start.data.idTag,
      ...(transaction.authorization?.parentIdTag === undefined ? {} : { groupId: transaction.authorization.parentIdTag }),
      authorization: transaction.authorization?.status ?? options.authorizationWithoutAnswer,
    },
    chargePoint: chargePointOf(options, start.data.connectorId),
    stopReason: stopped.data.reason ?? ('Local' satisfies StopReason),
  };
  return sessionResult({ transactionId: id, messages, warnings, input }, schema);
}

/**
 * Energy = (meterStop - meterStart) / 1000 kWh; unknown (`null`) when either
 * is the -1 sentinel. The meter readings of MeterValues and transactionData
 * are checked against them, never used instead of them.
 */
function energy(meterStart: Decimal, meterStop: Decimal, readings: readonly Reading[], options: OcppOptions, startPath: LogPath, stopPath: LogPath) {
  const warnings: OcppWarning[] = [...unreadableReadings(readings, 'it is not checked against meterStart and meterStop')];
  const sentinels = [
    ...(meterStart.eq(-1) ? [[...startPath, 'meterStart']] : []),
    ...(meterStop.eq(-1) ? [[...stopPath, 'meterStop']] : []),
    ...readings.filter((reading) => reading.sentinel).map((reading) => reading.path),
  ];
  for (const path of sentinels) {
    warnings.push({ code: 'meter-sentinel', message: 'a meter reading of -1, the charger\'s "unknown"', path });
  }
  if (meterStart.eq(-1) || meterStop.eq(-1)) return { energyKWh: null, warnings };

  const start = { wh: meterStart, path: [...startPath, 'meterStart'] };
  const stop = { wh: meterStop, path: [...stopPath, 'meterStop'] };
  const known = readings
    .filter((reading): reading is Reading & { wh: Decimal } => reading.wh !== null && !reading.sentinel)
    .map((reading, order) => ({ ...reading, order, at: instantMs(reading.timestamp, options) }))
    .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) ? a.order - b.order : a.at - b.at || a.order - b.order));
  warnings.push(...decreaseWarning([start, ...known, stop]));
  const contradiction = known.find(
    (reading) => (reading.context === 'Transaction.Begin' && !reading.wh.eq(meterStart)) || (reading.context === 'Transaction.End' && !reading.wh.eq(meterStop)),
  );
  if (contradiction !== undefined) {
    const [field, value] = contradiction.context === 'Transaction.Begin' ? ['meterStart', meterStart] : ['meterStop', meterStop];
    warnings.push({
      code: 'meter-readings-contradict',
      message: `the ${contradiction.context} reading of ${contradiction.wh} Wh contradicts ${field} ${value} Wh; the energy is read from meterStart and meterStop`,
      path: contradiction.path,
    });
  }
  if (meterStart.isZero() && meterStop.gt(0)) {
    warnings.push({
      code: 'meter-starts-at-zero',
      message: `the register starts at 0 and ends at ${meterStop} Wh: a new meter, or a placeholder for an unknown reading; check before paying`,
      path: start.path,
    });
  }
  return { energyKWh: kWhBetween(meterStart, meterStop), warnings };
}
