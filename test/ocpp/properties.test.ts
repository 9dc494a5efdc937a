import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromOcpp16, fromOcpp201, parseJsonExact, type OcppResult } from '../../src/ocpp';
import { scaledText } from '../../src/testing';
import { event201, register201, transaction16 } from './logs';

const OPTIONS = { chargePointId: 'CP-42' };

/** A result as JSON, without the log indexes (which differ between two logs holding the same transaction). */
const outcome = ({ messages: _messages, ...rest }: OcppResult) => JSON.parse(JSON.stringify(rest));
const byTransaction = (results: OcppResult[]) => Object.fromEntries(results.map((found) => [found.transactionId, outcome(found)]));
/** Without the paths, which name log positions. */
const withoutPaths = (value: unknown) => JSON.parse(JSON.stringify(value, (key, found) => (key === 'path' ? undefined : found)));

/** Register readings in Wh rising from `start`, as exact integers. */
const risingArb = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 5 })).map(([start, steps]) =>
  steps.reduce<number[]>((readings, step) => [...readings, readings.at(-1)! + step], [start]),
);

/** A 2.0.1 transaction's events: Started, Updated..., Ended, one register reading each. */
const events201Arb = (transactionId: string) =>
  risingArb.map((readings) =>
    readings.map((wh, seqNo) => {
      const type = seqNo === 0 ? 'Started' : seqNo === readings.length - 1 ? 'Ended' : 'Updated';
      const context = type === 'Started' ? 'Transaction.Begin' : type === 'Ended' ? 'Transaction.End' : 'Sample.Periodic';
      const at = new Date(Date.UTC(2024, 2, 4, 8, seqNo * 10)).toISOString();
      return event201(transactionId, type, seqNo, at, [register201(wh, context)]);
    }),
  );

/** Two lists merged in a random order that keeps each list's own order. */
const interleavingArb = <T>(a: readonly T[], b: readonly T[]) =>
  fc.array(fc.boolean(), { minLength: a.length + b.length, maxLength: a.length + b.length }).map((picks) => {
    const merged: T[] = [];
    let i = 0;
    let j = 0;
    for (const pickA of picks) {
      if ((pickA && i < a.length) || j >= b.length) merged.push(a[i++]!);
      else merged.push(b[j++]!);
    }
    return merged;
  });

describe('OCPP adapters: properties', () => {
  it('any permutation of a transaction\'s 2.0.1 events gives the same session', () => {
    fc.assert(
      fc.property(events201Arb('tx-1').chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))), ([events, shuffled]) => {
        const [inOrder] = fromOcpp201(events, OPTIONS);
        const [permuted] = fromOcpp201(shuffled, OPTIONS);
        expect(inOrder?.success).toBe(true);
        expect(withoutPaths(outcome(permuted!))).toEqual(withoutPaths(outcome(inOrder!)));
      }),
    );
  });

  it('interleaving two 2.0.1 transactions gives the same two sessions as reading them apart', () => {
    fc.assert(
      fc.property(
        fc.tuple(events201Arb('tx-a'), events201Arb('tx-b')).chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), interleavingArb(a, b))),
        ([a, b, merged]) => {
          const apart = byTransaction([...fromOcpp201(a, OPTIONS), ...fromOcpp201(b, OPTIONS)]);
          expect(withoutPaths(byTransaction(fromOcpp201(merged, OPTIONS)))).toEqual(withoutPaths(apart));
        },
      ),
    );
  });

  it('interleaving two 1.6 transactions gives the same two sessions as reading them apart', () => {
    const transactionArb = (tag: string, id: number, connectorId: number) =>
      fc
        .record({ readings: risingArb, minutes: fc.integer({ min: 0, max: 600 }) })
        .map(({ readings, minutes }) =>
          transaction16(tag, id, readings[0]!, readings.at(-1)!, new Date(Date.UTC(2024, 0, 1, 8, minutes)).toISOString(), new Date(Date.UTC(2024, 0, 1, 18, minutes)).toISOString(), connectorId),
        );
    const idArb = fc.oneof(fc.constantFrom(0, -1, 2 ** 31 - 1), fc.integer({ min: -5, max: 1_000_000 }));
    fc.assert(
      fc.property(
        fc
          .uniqueArray(idArb, { minLength: 2, maxLength: 2 })
          .chain(([idA, idB]) => fc.tuple(transactionArb('a', idA!, 1), transactionArb('b', idB!, 2)))
          .chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), interleavingArb(a, b))),
        ([a, b, merged]) => {
          const apart = [...fromOcpp16(a, OPTIONS), ...fromOcpp16(b, OPTIONS)];
          const together = fromOcpp16(merged, OPTIONS);
          expect(together).toHaveLength(2);
          expect(withoutPaths(byTransaction(together))).toEqual(withoutPaths(byTransaction(apart)));
        },
      ),
    );
  });

  it('energy in Wh, in kWh and with multipliers gives the same decimal', () => {
    const samples = (wh: bigint, form: number, context: string) => {
      const text = scaledText(wh, 0);
      const forms = [
        { value: Number(text) },
        { value: Number(scaledText(wh, 3)), unitOfMeasure: { unit: 'kWh' } },
        { value: Number(scaledText(wh, 2)), unitOfMeasure: { unit: 'Wh', multiplier: 2 } },
        { value: Number(scaledText(wh, 6)), unitOfMeasure: { unit: 'kWh', multiplier: 3 } },
      ];
      return [{ ...forms[form]!, context, measurand: 'Energy.Active.Import.Register' }];
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (start, delivered, startForm, endForm) => {
          const log = [
            event201('t', 'Started', 0, '2024-03-04T08:00:00Z', samples(start + 1n, startForm, 'Transaction.Begin')),
            event201('t', 'Ended', 1, '2024-03-04T09:00:00Z', samples(start + 1n + delivered, endForm, 'Transaction.End')),
          ];
          const [found] = fromOcpp201(log, OPTIONS);
          expect(found?.success && found.data.energyKWh?.toString()).toBe(scaledText(delivered, 3).replace(/\.?0+$/, '') || '0');
        },
      ),
    );
  });

  it('no log makes an adapter throw, and every message is in exactly one result or passed over', () => {
    const anyFrame = fc.oneof(
      fc.anything(),
      fc.tuple(fc.constantFrom(2, 3, 4), fc.constantFrom('a', 'b', 1), fc.constantFrom('StartTransaction', 'StopTransaction', 'MeterValues', 'TransactionEvent'), fc.anything()),
      fc.record({ action: fc.constantFrom('StartTransaction', 'StopTransaction', 'MeterValues', 'TransactionEvent'), payload: fc.anything(), response: fc.anything() }),
      fc.constantFrom(...transaction16('x', 0, 1, 2, '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z')),
      fc.constantFrom(...[event201('t', 'Started', 0, '2024-01-01T00:00:00Z', []), event201('t', 'Ended', 1, 'yesterday', [{ value: -1 }])]),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(anyFrame, { maxLength: 12 }), fc.string(), fc.array(anyFrame).map((log) => log.map((frame) => JSON.stringify(frame) ?? '').join('\n'))), (log) => {
        for (const adapter of [fromOcpp16, fromOcpp201]) {
          const results = adapter(log, OPTIONS);
          const indexes = results.flatMap((found) => found.messages);
          expect(new Set(indexes).size).toBe(indexes.length);
        }
      }),
    );
  });
});

describe('parseJsonExact', () => {
  it('keeps integers beyond the safe ones and long decimals exact, and everything else as JSON.parse does', () => {
    const read = parseJsonExact('{"id": 9223372036854775807, "small": -1, "text": "9223372036854775807", "long": 0.12345678901234567890, "list": [1.5, true, null]}') as Record<string, unknown>;
    expect(String(read.id)).toBe('9223372036854775807');
    expect(String(read.long)).toBe('0.1234567890123456789');
    expect({ ...read, id: undefined, long: undefined }).toEqual({ small: -1, text: '9223372036854775807', list: [1.5, true, null] });
  });

  it('reads what JSON.parse reads, the same, when every number fits a double', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((value) => !JSON.stringify(value).match(/\d{16,}|e/i)), (value) => {
        expect(parseJsonExact(JSON.stringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
