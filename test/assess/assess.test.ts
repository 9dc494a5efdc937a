import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessSessions, type Assessment } from '../../src/assess/assess';
import { createClassifier } from '../../src/classify/classifier';
import { attributeCost } from '../../src/cost/attribute-cost';
import { ROUNDING_MODES } from '../../src/cost/rounding';
import { ConfigError } from '../../src/errors';
import { parseSession, type SessionInput } from '../../src/model/session';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { classifierConfigInputArb, nowArb, sessionInputArb } from '../../src/testing';
import { SPLIT_BILLING_SESSION } from '../support/sessions';

const VALID: SessionInput = SPLIT_BILLING_SESSION;

const sample = createClassifier(sampleConfig);

/** The successes of a batch, failing the test on any failure. */
function successes(assessments: readonly Assessment[]) {
  return assessments.map((a) => {
    if (!a.success) throw new Error(`input ${a.index} did not read: ${a.error.message}`);
    return a;
  });
}

/** The issue paths of a failure, joined with dots. */
function paths(a: Assessment | undefined): string[] {
  if (!a || a.success) throw new Error('expected a failure');
  return a.error.issues.map((issue) => issue.path.join('.'));
}

describe('assessSessions', () => {
  it('reads, classifies and prices the sample, one result per input, in order', () => {
    const assessed = successes(assessSessions(sampleSessions, sample));
    expect(assessed.map((a) => a.index)).toEqual(sampleSessions.map((_, i) => i));
    expect(assessed.map((a) => a.session.id)).toEqual(sampleSessions.map((s) => s.id));
    expect(assessed.slice(0, 5).map((a) => a.classification.type)).toEqual(['split-billing', 'whitelist', 'whitelist', 'split-billing', 'invalid']);
    expect(assessed.map((a) => a.cost.type)).toEqual(assessed.map((a) => a.classification.type));
    expect(assessed[0]?.cost.reimbursement.amount.toString()).toBe('2.44');
    expect(assessed[3]?.cost.reimbursement.amount.toString()).toBe('4.88');
    expect(assessed[0]?.session.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');
  });

  it('returns a failure with the index, the input and every issue with its path, and keeps going', () => {
    const broken = { ...VALID, id: 'bad', startedAt: '2022-11-10T14:50:16', energyKWh: 'lots' };
    const inputs = [VALID, broken, null, 'not a session', { ...VALID, id: 's-3' }];
    const assessed = assessSessions(inputs, sample);
    expect(assessed).toHaveLength(5);
    expect(assessed.map((a) => [a.index, a.success])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    const failure = assessed[1];
    if (!failure || failure.success) throw new Error('expected a failure');
    expect(failure.input).toBe(broken);
    expect(paths(failure)).toEqual(expect.arrayContaining(['startedAt', 'energyKWh']));
    expect(paths(failure)).toHaveLength(2);
    for (const issue of failure.error.issues) expect(issue.message.length).toBeGreaterThan(10);
    expect(failure.error.issues.find((i) => i.path[0] === 'startedAt')?.message).toMatch(/offset/);
    const nothing = assessed[2];
    expect(nothing?.success === false && nothing.input).toBeNull();
    expect(paths(nothing)).toEqual(['']);
    expect(assessed[4]?.success && assessed[4].session.id).toBe('s-3');
  });

  it('gives a hole in a sparse array its own failure, so nothing is dropped', () => {
    const inputs: unknown[] = [VALID];
    inputs[2] = { ...VALID, id: 's-3' };
    const assessed = assessSessions(inputs, sample);
    expect(assessed).toHaveLength(3);
    expect(Object.keys(assessed)).toEqual(['0', '1', '2']);
    const hole = assessed[1];
    expect(hole?.success).toBe(false);
    expect(hole?.index).toBe(1);
    expect(hole?.success === false && hole.input).toBeUndefined();
    expect(assessed[2]?.success && assessed[2].session.id).toBe('s-3');
  });

  it('gives an empty list for an empty batch', () => {
    expect(assessSessions([], sample)).toEqual([]);
  });

  it('reads offset-less timestamps in the timeZone option, and refuses them without it', () => {
    const local = { ...VALID, startedAt: '2022-11-10T14:50:16', endedAt: '2022-11-10T15:05:18' };
    const [brussels] = successes(assessSessions([local], sample, { timeZone: 'Europe/Brussels' }));
    expect(brussels?.session.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');
    expect(brussels?.session.endedAt.toISOString()).toBe('2022-11-10T14:05:18.000Z');
    expect(brussels?.classification.type).toBe('split-billing');
    expect(brussels?.cost.reimbursement.amount.toString()).toBe('2.44');

    const [newYork] = successes(assessSessions([local], sample, { timeZone: 'America/New_York' }));
    expect(newYork?.session.startedAt.toISOString()).toBe('2022-11-10T19:50:16.000Z');

    // A timestamp with an offset keeps it, whatever the option says.
    const [withOffset] = successes(assessSessions([VALID], sample, { timeZone: 'America/New_York' }));
    expect(withOffset?.session.startedAt.toISOString()).toBe('2022-11-10T13:50:16.000Z');

    expect(paths(assessSessions([local], sample)[0])).toEqual(['startedAt', 'endedAt']);
  });

  it('throws a ConfigError for an unknown timeZone option', () => {
    expect(() => assessSessions([VALID], sample, { timeZone: 'Europe/Brusels' })).toThrow(ConfigError);
  });

  it('passes the caller\'s clock to the rules and the cost options to the pricing', () => {
    const [future] = successes(assessSessions([VALID], sample, { now: new Date('2022-11-10T13:00:00Z') }));
    expect(future?.classification.type).toBe('invalid');
    expect(future?.classification.reasons.map((r) => r.code)).toEqual(['start-in-future']);

    const [inChf] = successes(assessSessions([VALID], sample, { currency: 'CHF' }));
    expect(inChf?.cost.flags).toEqual(['currency-mismatch']);
    expect(inChf?.cost.operationalBudget.currency).toBe('CHF');

    const rounded = (rounding: (typeof ROUNDING_MODES)[number]) =>
      successes(assessSessions([{ ...VALID, energyKWh: '3.674' }], sample, { rounding }))[0]?.cost.reimbursement.amount.toString();
    // 3.674 x 0.6654 = 2.4446796
    expect(rounded('half-up')).toBe('2.44');
    expect(rounded('up')).toBe('2.45');
  });
});

// ---------------------------------------------------------------------------

/** Inputs a backend might send by mistake, each known not to read as a session. */
const brokenInputArb: fc.Arbitrary<unknown> = fc.oneof(
  sessionInputArb.map((s) => ({ ...s, startedAt: String(s.startedAt).replace(/Z$/, '') })),
  sessionInputArb.map((s) => ({ ...s, energyKWh: 'NaN' })),
  sessionInputArb.map((s) => ({ ...s, id: '' })),
  sessionInputArb.map(({ chargePoint: _dropped, ...s }) => s),
  sessionInputArb.map((s) => ({ ...s, token: { ...s.token, authorization: 'Maybe' } })),
  sessionInputArb.map((s) => ({ ...s, price: { inclVat: '1.00', currency: 'euro' } })),
  fc.constantFrom(null, undefined, 42, 'session', [], {}),
);

/** A batch mixing valid inputs, broken ones and arbitrary values, each tagged with what it is. */
const mixedArb = fc.array(
  fc.oneof(
    { arbitrary: sessionInputArb.map((input) => ({ kind: 'valid' as const, input: input as unknown })), weight: 4 },
    { arbitrary: brokenInputArb.map((input) => ({ kind: 'broken' as const, input })), weight: 2 },
    { arbitrary: fc.anything().map((input) => ({ kind: 'anything' as const, input })), weight: 1 },
  ),
  { maxLength: 30 },
);

describe('properties', () => {
  it('one result per input, in order, nothing dropped, for a mix of valid and invalid inputs', () => {
    fc.assert(
      fc.property(mixedArb, classifierConfigInputArb, (tagged, config) => {
        const inputs = tagged.map((t) => t.input);
        const assessed = assessSessions(inputs, createClassifier(config));
        expect(assessed).toHaveLength(inputs.length);
        assessed.forEach((a, i) => {
          expect(a.index).toBe(i);
          const kind = tagged[i]!.kind;
          if (kind === 'valid') expect(a.success).toBe(true);
          if (kind === 'broken') expect(a.success).toBe(false);
          expect(a.success).toBe(parseSession(inputs[i]).success);
          if (a.success) {
            expect(a.session.id).toBe((inputs[i] as { id: string }).id.trim());
          } else {
            expect(a.input).toBe(inputs[i]);
            expect(a.error.issues.length).toBeGreaterThan(0);
            expect(a.error.issues.map((issue) => issue.path)).toEqual(parseSession(inputs[i]).error?.issues.map((issue) => issue.path));
          }
        });
      }),
    );
  });

  it('each success is classifier.classify(parse(input)) and attributeCost(...) of it, deep equal', () => {
    fc.assert(
      fc.property(
        fc.array(sessionInputArb, { maxLength: 15 }),
        classifierConfigInputArb,
        nowArb,
        fc.constantFrom(...ROUNDING_MODES),
        fc.constantFrom('EUR', 'CHF'),
        (inputs, config, now, rounding, currency) => {
          const classifier = createClassifier(config);
          const assessed = successes(assessSessions(inputs, classifier, { now, rounding, currency }));
          expect(assessed).toHaveLength(inputs.length);
          assessed.forEach((a, i) => {
            const read = parseSession(inputs[i]);
            if (!read.success) throw new Error('a generated session reads');
            expect(a.session).toEqual(read.data);
            const classification = classifier.classify(read.data, { now });
            expect(a.classification).toEqual(classification);
            expect(a.cost).toEqual(attributeCost(read.data, classification, { rounding, currency }));
            expect(JSON.stringify(a.cost)).toBe(JSON.stringify(attributeCost(read.data, classification, { rounding, currency })));
          });
        },
      ),
    );
  });

  it('a timeZone option reads offset-less timestamps as that zone\'s wall time', () => {
    const zoneArb = fc.constantFrom('Europe/Brussels', 'America/New_York', 'Asia/Kolkata', 'UTC');
    fc.assert(
      fc.property(sessionInputArb, zoneArb, (input, timeZone) => {
        const start = new Date(String(input.startedAt));
        // The start's wall time in the zone, without an offset, via Intl.
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-US', {
            timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
          })
            .formatToParts(start)
            .map((p) => [p.type, p.value]),
        );
        const ms = String(start.getUTCMilliseconds()).padStart(3, '0');
        const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}`;
        const [assessed] = assessSessions([{ ...input, startedAt: wall }], createClassifier(), { timeZone });
        if (!assessed) throw new Error('one result');
        // A wall time taken from a real instant exists in the zone, so it always reads.
        if (!assessed.success) throw new Error(`${wall} in ${timeZone} did not read: ${assessed.error.message}`);
        const read = assessed.session.startedAt.getTime();
        // Where the clocks go back, the wall time occurs twice and the earlier instant is taken.
        expect([start.getTime(), start.getTime() - 3_600_000]).toContain(read);
        if (read !== start.getTime()) {
          expect(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(read))).toBe(
            new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(start),
          );
        }
      }),
    );
  });
});
