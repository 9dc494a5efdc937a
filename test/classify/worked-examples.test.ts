import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/classify/classification';
import { createClassifier } from '../../src/classify/classifier';
import { rateAt } from '../../src/matchers/rate-schedule';
import { Exact } from '../../src/model/decimal';
import type { ChargingSession, SessionInput } from '../../src/model/session';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { decimalTextArb, parsed } from '../../src/testing';

const classifier = createClassifier(sampleConfig);
const byId = new Map(sampleSessions.map((input) => [input.id, parsed(input)]));

function sample(id: string): ChargingSession {
  const s = byId.get(id);
  if (!s) throw new Error(`no sample session ${id}`);
  return s;
}

const classify = (id: string) => classifier.classify(sample(id));
const codes = (c: Classification) => c.reasons.map((reason) => reason.code);
const seconds = (s: ChargingSession) => (s.endedAt.getTime() - s.startedAt.getTime()) / 1000;

describe("the release's worked example", () => {
  // start (local), duration, energy, type: the five rows of the release.
  const rows = [
    ['rel-1', '2022-11-10T13:50:16.000Z', 902, '3.667', 'split-billing'],
    ['rel-2', '2022-11-10T07:53:48.000Z', 2_395, '11.001', 'whitelist'],
    ['rel-3', '2022-11-09T06:54:02.000Z', 734, '3.667', 'whitelist'],
    ['rel-4', '2022-11-09T06:30:37.000Z', 1_202, '7.334', 'split-billing'],
    ['rel-5', '2022-11-08T16:39:41.000Z', 49, null, 'invalid'],
  ] as const;

  it.each(rows)('%s starts %s, lasts %i s, has %s kWh and is %s', (id, start, duration, energy, type) => {
    const s = sample(id);
    expect(s.startedAt.toISOString()).toBe(start);
    expect(seconds(s)).toBe(duration);
    expect(s.energyKWh === null ? null : s.energyKWh.toString()).toBe(energy);
    expect(classify(id).type).toBe(type);
  });

  it('types the five sessions as split billing, whitelist, whitelist, split billing, invalid', () => {
    expect(['rel-1', 'rel-2', 'rel-3', 'rel-4', 'rel-5'].map((id) => classify(id).type)).toEqual([
      'split-billing',
      'whitelist',
      'whitelist',
      'split-billing',
      'invalid',
    ]);
  });

  it('split billing sessions carry the licence, whose rate gives the remunerations 2.44 and 4.88 EUR', () => {
    for (const [id, amount] of [
      ['rel-1', '2.44'],
      ['rel-4', '4.88'],
    ] as const) {
      const c = classify(id);
      expect(c.licence?.id).toBe('lic-home-42');
      expect(c.whitelistEntry).toBeNull();
      expect(codes(c)).toEqual(['split-billing-licence']);
      const rate = c.licence === null ? null : rateAt(c.licence.rates, sample(id).startedAt);
      expect(rate?.perKWh.toString()).toBe('0.6654');
      const exact = sample(id).energyKWh!.times(rate!.perKWh);
      expect(exact.toDecimalPlaces(4).toString()).toBe(new Exact(amount).toString());
      expect(exact.toDecimalPlaces(2, Exact.ROUND_HALF_UP).toFixed(2)).toBe(amount);
    }
  });

  it("the whitelisted sessions are the second badge's, on its entry", () => {
    for (const id of ['rel-2', 'rel-3']) {
      const c = classify(id);
      expect(c.whitelistEntry?.id).toBe('wl-test-badge');
      expect(c.licence).toBeNull();
      expect(codes(c)).toEqual(['whitelisted']);
    }
  });

  it('the invalid session reports every failing rule: energy missing and too short', () => {
    const c = classify('rel-5');
    expect(c.licence).toBeNull();
    expect(c.whitelistEntry).toBeNull();
    expect(c.reasons).toEqual([
      { code: 'energy-missing', message: expect.any(String) },
      { code: 'duration-too-short', message: expect.stringContaining('49 s'), actual: '49', limit: '120' },
    ]);
  });
});

describe('the other sample sessions', () => {
  it('pub-1 is a normal public session', () => {
    const c = classify('pub-1');
    expect(c).toEqual({ type: 'normal', reasons: [{ code: 'public', message: expect.any(String) }], licence: null, whitelistEntry: null });
  });

  it("guest-1 is normal: the licence at the employee's home does not cover a guest's card", () => {
    const c = classify('guest-1');
    expect(c.type).toBe('normal');
    expect(c.licence).toBeNull();
    expect(codes(c)).toEqual(['public', 'licence-not-applicable']);
    expect(c.reasons[1]).toMatchObject({ actual: 'token-not-covered', message: expect.stringContaining('lic-home-42') });
  });

  it('rej-1 is invalid: its token was blocked', () => {
    expect(classify('rej-1').reasons).toEqual([
      { code: 'token-rejected', message: expect.stringContaining('Blocked'), actual: 'Blocked', limit: 'Accepted' },
    ]);
    expect(classify('rej-1').type).toBe('invalid');
  });

  it('big-1 is invalid: 350.001 kWh is out of range', () => {
    expect(classify('big-1')).toEqual({
      type: 'invalid',
      reasons: [{ code: 'energy-out-of-range', message: expect.any(String), actual: '350.001', limit: '0..350' }],
      licence: null,
      whitelistEntry: null,
    });
  });

  it('nom-1 is invalid: no meter reading', () => {
    expect(classify('nom-1').type).toBe('invalid');
    expect(codes(classify('nom-1'))).toEqual(['energy-missing']);
  });

  it('site-1 is free on the company site, by token group and location', () => {
    const c = classify('site-1');
    expect([c.type, c.whitelistEntry?.id, c.licence]).toEqual(['whitelist', 'wl-company-site', null]);
  });

  it('every sample session is covered above', () => {
    expect([...byId.keys()].sort()).toEqual(['big-1', 'guest-1', 'nom-1', 'pub-1', 'rej-1', 'rel-1', 'rel-2', 'rel-3', 'rel-4', 'rel-5', 'site-1']);
  });

  it('the configuration gives the same types after a trip through JSON (as stored in a database)', () => {
    const stored = createClassifier(JSON.parse(JSON.stringify(sampleConfig)));
    for (const s of byId.values()) expect(stored.classify(s)).toEqual(classifier.classify(s));
  });
});

describe('properties', () => {
  const input = (id: string) => sampleSessions.find((s) => s.id === id)!;
  const own = input('rel-1').token;
  const badge = input('rel-2').token;
  const home = input('rel-1').chargePoint;
  const site = input('site-1').chargePoint;
  const licenceStart = Date.parse('2022-11-01T00:00:00+01:00');

  /** A valid session (2 min to 4 h, 0 to 350 kWh) at `startMs` with the given token and charge point. */
  const validAt = (startMs: number, durationMs: number, energyKWh: string, token: SessionInput['token'], chargePoint: SessionInput['chargePoint']) =>
    parsed({ id: 'p-1', startedAt: new Date(startMs).toISOString(), endedAt: new Date(startMs + durationMs).toISOString(), energyKWh, token, chargePoint });

  const durationArb = fc.integer({ min: 120_000, max: 4 * 3_600_000 });
  const energyArb = decimalTextArb(0, 350, 3);
  const afterStartArb = fc.integer({ min: licenceStart, max: Date.parse('2026-12-31T00:00:00Z') });

  it("from the licence's first local midnight on, the employee's own card at home is split billing, whatever its energy and length", () => {
    fc.assert(
      fc.property(afterStartArb, durationArb, energyArb, (start, duration, energy) => {
        const c = classifier.classify(validAt(start, duration, energy, own, home));
        expect([c.type, c.licence?.id]).toEqual(['split-billing', 'lic-home-42']);
      }),
    );
  });

  it('before it, the same session is normal and says why', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2021-01-01T00:00:00Z'), max: licenceStart - 1 }), durationArb, energyArb, (start, duration, energy) => {
        const c = classifier.classify(validAt(start, duration, energy, own, home));
        expect(c.type).toBe('normal');
        expect(c.reasons.find((reason) => reason.code === 'licence-not-applicable')?.actual).toBe('outside-period');
      }),
    );
  });

  it('the second badge is free at the test charge point from its entry on, and on the company site always', () => {
    fc.assert(
      fc.property(afterStartArb, durationArb, energyArb, (start, duration, energy) => {
        expect(classifier.classify(validAt(start, duration, energy, badge, home)).whitelistEntry?.id).toBe('wl-test-badge');
        expect(classifier.classify(validAt(start - 3 * 365 * 86_400_000, duration, energy, badge, site)).whitelistEntry?.id).toBe('wl-company-site');
      }),
    );
  });
});
