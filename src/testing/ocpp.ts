import * as fc from 'fast-check';
import { scaledText } from './decimals.js';
import { POOL } from './pools.js';

/** A transaction the kit wrote into a log, and what the adapter must read from it. */
export interface OcppTransactionCase {
  /** The transaction's id as the adapter gives it (a string). */
  readonly transactionId: string;
  readonly startedAt: string;
  readonly endedAt: string;
  /** The idTag / idToken, as written. */
  readonly idTag: string;
  /** The energy in kWh: last minus first register reading, exactly. */
  readonly energyKWh: string;
}

/** An OCPP log (messages in log order) and the transactions it holds. */
export interface OcppLogCase {
  readonly log: readonly unknown[];
  readonly transactions: readonly OcppTransactionCase[];
}

/** One transaction's messages and what it stands for. */
interface Written {
  readonly messages: readonly unknown[];
  readonly transaction: OcppTransactionCase;
}

/** The parts every transaction draws: when, how long, which card, register readings in Wh (rising). */
const transactionPartsArb = fc.record({
  startS: fc.integer({ min: Date.UTC(2021, 0, 1) / 1000, max: Date.UTC(2024, 0, 1) / 1000 }),
  durationS: fc.integer({ min: 60, max: 6 * 3600 }),
  idTag: fc.constantFrom('04A23B5C', '04B719E2', '04C1D2E3', 'AABBCCDD'),
  startWh: fc.integer({ min: 0, max: 50_000_000 }),
  steps: fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 4 }),
});

const at = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** Several transactions' messages merged in a random order that keeps each transaction's own order. */
function interleaved(written: readonly Written[]): fc.Arbitrary<OcppLogCase> {
  const total = written.reduce((sum, { messages }) => sum + messages.length, 0);
  return fc.array(fc.nat({ max: written.length - 1 }), { minLength: total, maxLength: total }).map((picks) => {
    const queues = written.map(({ messages }) => [...messages]);
    const log: unknown[] = [];
    for (const pick of picks) {
      // The picked transaction, or the next one that still has messages.
      const queue = [...queues.slice(pick), ...queues.slice(0, pick)].find((found) => found.length > 0)!;
      log.push(queue.shift());
    }
    return { log, transactions: written.map(({ transaction }) => transaction) };
  });
}

/**
 * An OCPP 1.6 log (OCPP-J frames, as a charge point and its backend
 * exchange them) of one to `maxTransactions` (default 3) complete
 * transactions on different connectors, interleaved: StartTransaction and
 * its answer (Accepted, with the transactionId), MeterValues with rising
 * register readings, StopTransaction and its answer. Read it with
 * `fromOcpp16(log, { chargePointId })`.
 *
 * @example fc.sample(ocpp16LogArb(), 10).every(({ log, transactions }) => fromOcpp16(log, { chargePointId: 'CP-42' }).length === transactions.length); // => true
 */
export function ocpp16LogArb(maxTransactions = 3): fc.Arbitrary<OcppLogCase> {
  return fc
    .array(transactionPartsArb, { minLength: 1, maxLength: maxTransactions })
    .chain((parts) => {
      const written = parts.map(({ startS, durationS, idTag, startWh, steps }, index): Written => {
        const transactionId = 1000 + index;
        const connectorId = index + 1;
        const tag = `t${index}`;
        const readings = steps.reduce<number[]>((list, step) => [...list, list.at(-1)! + step], [startWh]);
        const stopWh = readings.at(-1)!;
        const meterValues = readings.slice(1, -1).map((wh, step) => [
          2,
          `${tag}-m${step}`,
          'MeterValues',
          { connectorId, transactionId, meterValue: [{ timestamp: at(startS + Math.floor(((step + 1) * durationS) / readings.length)), sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }] },
        ]);
        return {
          messages: [
            [2, `${tag}-s`, 'StartTransaction', { connectorId, idTag, meterStart: startWh, timestamp: at(startS) }],
            [3, `${tag}-s`, { idTagInfo: { status: 'Accepted' }, transactionId }],
            ...meterValues.flatMap((frame) => [frame, [3, frame[1], {}]]),
            [2, `${tag}-e`, 'StopTransaction', { transactionId, meterStop: stopWh, timestamp: at(startS + durationS), reason: 'EVDisconnected' }],
            [3, `${tag}-e`, { idTagInfo: { status: 'Accepted' } }],
          ],
          transaction: { transactionId: String(transactionId), startedAt: at(startS), endedAt: at(startS + durationS), idTag, energyKWh: scaledText(BigInt(stopWh - startWh), 3) },
        };
      });
      return interleaved(written);
    });
}

/**
 * An OCPP 2.0.1 log (`{ action: 'TransactionEvent', payload, response }`
 * objects) of one to `maxTransactions` (default 3) complete transactions,
 * interleaved: a Started event with the idToken and a Transaction.Begin
 * register reading, Updated events with rising readings, an Ended event with
 * the Transaction.End reading, each with its seqNo. Read it with
 * `fromOcpp201(log, { chargePointId })`.
 *
 * @example fc.sample(ocpp201LogArb(), 10).every(({ log, transactions }) => fromOcpp201(log, { chargePointId: 'CS-7' }).length === transactions.length); // => true
 */
export function ocpp201LogArb(maxTransactions = 3): fc.Arbitrary<OcppLogCase> {
  return fc
    .array(transactionPartsArb, { minLength: 1, maxLength: maxTransactions })
    .chain((parts) => {
      const written = parts.map(({ startS, durationS, idTag, startWh, steps }, index): Written => {
        const transactionId = `${POOL.chargePointIds[index % POOL.chargePointIds.length]}-tx-${index}`;
        const readings = steps.reduce<number[]>((list, step) => [...list, list.at(-1)! + step], [startWh]);
        const last = readings.length - 1;
        const messages = readings.map((wh, seqNo) => {
          const eventType = seqNo === 0 ? 'Started' : seqNo === last ? 'Ended' : 'Updated';
          const timestamp = at(startS + Math.floor((seqNo * durationS) / last));
          const context = eventType === 'Started' ? 'Transaction.Begin' : eventType === 'Ended' ? 'Transaction.End' : 'Sample.Periodic';
          return {
            action: 'TransactionEvent',
            payload: {
              eventType,
              timestamp,
              triggerReason: eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'EVDeparted' : 'MeterValuePeriodic',
              seqNo,
              transactionInfo: { transactionId, ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
              ...(eventType === 'Started' ? { evse: { id: index + 1, connectorId: 1 }, idToken: { idToken: idTag, type: 'ISO14443' } } : {}),
              meterValue: [{ timestamp, sampledValue: [{ value: wh, context, measurand: 'Energy.Active.Import.Register' }] }],
            },
            response: eventType === 'Started' ? { idTokenInfo: { status: 'Accepted' } } : {},
          };
        });
        return {
          messages,
          transaction: { transactionId, startedAt: at(startS), endedAt: at(startS + durationS), idTag, energyKWh: scaledText(BigInt(readings[last]! - startWh), 3) },
        };
      });
      return interleaved(written);
    });
}
