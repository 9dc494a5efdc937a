import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, normaliseContractId, normaliseUid, parseSession } from '../../src';
import { fromOcpiCdr } from '../../src/ocpi';
import { fromOcpp16, fromOcpp201 } from '../../src/ocpp';
import {
  classifierConfigInputArb,
  dstDateArb,
  dstInstantArb,
  dstTransitions,
  formattedContractIdArb,
  formattedUidArb,
  invalidSessionInputArb,
  malformedSessionInputArb,
  ocpiCdrArb,
  ocpp16LogArb,
  ocpp201LogArb,
  parsed,
  rateScheduleInputArb,
} from '../../src/testing';

const json = (value: unknown) => JSON.parse(JSON.stringify(value));
const offsetOf = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')!.value;

describe('charging-sessions/testing', () => {
  it('finds the daylight-saving changes the zones are known for', () => {
    const iso = (zone: string, year: number) => dstTransitions(zone, year).map((at) => at.toISOString());
    expect(iso('Europe/Brussels', 2022)).toEqual(['2022-03-27T01:00:00.000Z', '2022-10-30T01:00:00.000Z']);
    expect(iso('America/New_York', 2022)).toEqual(['2022-03-13T07:00:00.000Z', '2022-11-06T06:00:00.000Z']);
    expect(iso('Australia/Sydney', 2022)).toEqual(['2022-04-02T16:00:00.000Z', '2022-10-01T16:00:00.000Z']);
    expect(iso('Asia/Tokyo', 2022)).toEqual([]);
  });

  it('a DST transition is the first millisecond of the new offset', () => {
    fc.assert(
      fc.property(dstInstantArb(), ({ timeZone, at }) => {
        const [transition] = dstTransitions(timeZone, at.getUTCFullYear()).filter((found) => Math.abs(found.getTime() - at.getTime()) <= 3 * 3_600_000);
        if (transition === undefined) return; // within three hours of a change in the neighbouring year
        expect(offsetOf(new Date(transition.getTime() - 1), timeZone)).not.toBe(offsetOf(transition, timeZone));
      }),
    );
  });

  it('a DST date is the local date of a change in its zone', () => {
    fc.assert(
      fc.property(dstDateArb(), ({ timeZone, date }) => {
        const local = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
        const year = Number(date.slice(0, 4));
        expect(dstTransitions(timeZone, year).some((at) => local(at.getTime()) === date)).toBe(true);
      }),
    );
  });

  it('a UID in any formatting normalises to its canonical hex; a contract id to its 14 characters', () => {
    fc.assert(fc.property(formattedUidArb, ({ canonical, written }) => {
      expect(normaliseUid(written)).toBe(canonical);
    }));
    fc.assert(fc.property(formattedContractIdArb, ({ canonical, written }) => {
      expect(normaliseContractId(written)).toBe(canonical);
    }));
  });

  it('an invalid session gets exactly the reasons its case names, under the default rules', () => {
    const classifier = createClassifier({});
    fc.assert(
      fc.property(invalidSessionInputArb, ({ input, reasons }) => {
        const classification = classifier.classify(parsed(input));
        expect(classification.type).toBe('invalid');
        expect(classification.reasons.map((reason) => reason.code)).toEqual(reasons);
      }),
    );
  });

  it('a malformed session is refused with an issue at the path its case names', () => {
    fc.assert(
      fc.property(malformedSessionInputArb, ({ input, path }) => {
        const result = parseSession(input);
        expect(result.success).toBe(false);
        expect(result.error!.issues.map((found) => found.path.slice(0, path.length))).toContainEqual(path);
      }),
    );
  });

  it('every generated configuration is accepted, rate schedules included', () => {
    fc.assert(fc.property(classifierConfigInputArb, (config) => void createClassifier(config)), { numRuns: 200 });
    fc.assert(fc.property(rateScheduleInputArb(), (rates) => void createClassifier({ rateSchedules: { r: { timeZone: 'Europe/Brussels', rates } } })));
  });

  it('an OCPI CDR reads as the session its case names, in every version', () => {
    fc.assert(
      fc.property(ocpiCdrArb(), ({ version, cdr, session }) => {
        const read = fromOcpiCdr(cdr);
        expect(read.success, JSON.stringify(read.error?.issues)).toBe(true);
        expect(json(read.data), version).toEqual(json(parsed(session)));
      }),
    );
  });

  it('an OCPP 1.6 or 2.0.1 log reads as its transactions, each with its exact energy', () => {
    for (const [logArb, read] of [[ocpp16LogArb(), fromOcpp16], [ocpp201LogArb(), fromOcpp201]] as const) {
      fc.assert(
        fc.property(logArb, ({ log, transactions }) => {
          const results = read(log, { chargePointId: 'CP-42' });
          expect(results.map((found) => found.success)).toEqual(transactions.map(() => true));
          const byId = new Map(results.map((found) => [found.transactionId, found]));
          for (const transaction of transactions) {
            const found = byId.get(transaction.transactionId);
            expect(found?.data?.energyKWh?.eq(transaction.energyKWh)).toBe(true);
            expect(found?.data?.startedAt.toISOString().replace('.000Z', 'Z')).toBe(transaction.startedAt);
            expect(found?.data?.endedAt.toISOString().replace('.000Z', 'Z')).toBe(transaction.endedAt);
            expect(found?.data?.token.uid).toBe(transaction.idTag);
          }
        }),
        { numRuns: 60 },
      );
    }
  });
});
