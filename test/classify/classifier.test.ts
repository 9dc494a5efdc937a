import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/classify/classification';
import { createClassifier, homeChargingCompensationFor } from '../../src/classify/classifier';
import type { ClassifierConfigInput } from '../../src/classify/config';
import { INVALID_REASON_CODES, type ReasonCode } from '../../src/rules/reason';
import { SESSION_TYPES } from '../../src/classify/session-type';
import type { LicenceInput } from '../../src/matchers/licence';
import type { WhitelistEntryInput } from '../../src/matchers/whitelist';
import type { ChargingSession } from '../../src/model/session';
import type { AuthorizationStatus, TokenInput } from '../../src/model/token';
import type { ChargePointInput } from '../../src/model/charge-point';
import { Exact } from '../../src/model/decimal';
import type { ValidityConfig, ValidityConfigInput } from '../../src/rules/config';
import { checkValidity } from '../../src/rules/rules';
import {
  classifierConfigInputArb,
  decimalTextArb,
  matchersConfigInputArb,
  nowArb,
  parsed,
  precedenceArb,
  sessionArb,
  validityConfigInputArb,
} from '../../src/testing';

const OWN_UID = '04A23B5C';
const HOME = { id: 'cp_home', locationId: 'home-7', operatorId: 'BE*MBF' } as const;
const SITE = { id: 'cp_site_1', locationId: 'hq', operatorId: 'BE*ACM' } as const;
const PUBLIC = { id: 'BE-ION-HASSELT-03', locationId: 'ion-hasselt', operatorId: 'BE*ION' } as const;

const LICENCE: LicenceInput = {
  id: 'lic-1',
  device: { chargePointId: 'cp_home' },
  status: 'active',
  validFrom: '2022-11-01',
  validUntil: null,
  tokens: { uids: [OWN_UID] },
  rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }],
};

/** Free for the employee's card at home and on the company site. */
const ENTRY: WhitelistEntryInput = { id: 'wl-1', tokens: { uids: [OWN_UID] }, chargePoints: { ids: ['cp_home'], locationIds: ['hq'] } };

const BOTH: ClassifierConfigInput = { licences: [LICENCE], whitelist: [ENTRY] };

/** Both orders of the two matchers. */
const ORDERS: NonNullable<ClassifierConfigInput['precedence']>[] = [
  ['split-billing', 'whitelist'],
  ['whitelist', 'split-billing'],
];

function session(
  overrides: { chargePoint?: ChargePointInput; token?: Partial<TokenInput>; authorization?: AuthorizationStatus; durationMs?: number; energyKWh?: string | null; startedAt?: string } = {},
): ChargingSession {
  const startedAt = overrides.startedAt ?? '2022-11-10T13:50:16.000Z';
  return parsed({
    id: 's-1',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + (overrides.durationMs ?? 902_000)).toISOString(),
    energyKWh: overrides.energyKWh === undefined ? '3.667' : overrides.energyKWh,
    token: { uid: OWN_UID, authorization: overrides.authorization ?? 'Accepted', ...overrides.token },
    chargePoint: overrides.chargePoint ?? HOME,
  });
}

const codes = (c: Classification) => c.reasons.map((reason) => reason.code);

describe('precedence', () => {
  it('split billing comes before whitelist by default', () => {
    const c = createClassifier(BOTH).classify(session());
    expect(c.type).toBe('split-billing');
    expect(c.licence?.id).toBe('lic-1');
    expect(c.whitelistEntry).toBeNull();
    expect(c.reasons).toEqual([{ code: 'split-billing-licence', message: 'split billing licence lic-1 covers this session', licenceId: 'lic-1' }]);
  });

  it('whitelist comes first when configured so', () => {
    const c = createClassifier({ ...BOTH, precedence: ['whitelist', 'split-billing'] }).classify(session());
    expect(c.type).toBe('whitelist');
    expect(c.whitelistEntry?.id).toBe('wl-1');
    expect(c.licence).toBeNull();
    expect(codes(c)).toEqual(['whitelisted']);
    expect(c.reasons[0]?.message).toContain('wl-1');
  });

  it('each matcher applies on its own when the other does not match', () => {
    for (const precedence of ORDERS) {
      const classifier = createClassifier({ ...BOTH, precedence });
      const site = classifier.classify(session({ chargePoint: SITE }));
      expect([site.type, site.whitelistEntry?.id, site.licence]).toEqual(['whitelist', 'wl-1', null]);
      const onlyLicence = createClassifier({ licences: [LICENCE], precedence }).classify(session());
      expect([onlyLicence.type, onlyLicence.licence?.id, onlyLicence.whitelistEntry]).toEqual(['split-billing', 'lic-1', null]);
    }
  });

  it('invalid always wins over both matchers, whatever the order', () => {
    for (const precedence of ORDERS) {
      const classifier = createClassifier({ ...BOTH, precedence });
      const short = session({ durationMs: 49_000, energyKWh: null });
      const c = classifier.classify(short);
      expect(c).toEqual({ type: 'invalid', reasons: checkValidity(short, classifier.config.validity), licence: null, whitelistEntry: null });
      expect(codes(c)).toEqual(['energy-missing', 'duration-too-short']);
      expect(classifier.classify(session({ chargePoint: SITE, authorization: 'Blocked' })).type).toBe('invalid');
    }
  });

  it('normal is what remains, with the reason public', () => {
    const c = createClassifier(BOTH).classify(session({ chargePoint: PUBLIC }));
    expect(c).toEqual({ type: 'normal', reasons: [{ code: 'public', message: expect.any(String) }], licence: null, whitelistEntry: null });
    expect(createClassifier().classify(session()).type).toBe('normal');
  });
});

describe('why a licence on the charge point did not apply', () => {
  const why = (c: Classification) => c.reasons.find((reason) => reason.code === 'licence-not-applicable');

  it("a guest's card is not covered by a licence limited to the employee's tokens", () => {
    const c = createClassifier({ licences: [LICENCE] }).classify(session({ token: { uid: '04E0F1A2' } }));
    expect(c.type).toBe('normal');
    expect(c.licence).toBeNull();
    expect(codes(c)).toEqual(['public', 'licence-not-applicable']);
    expect(why(c)).toMatchObject({ actual: 'token-not-covered', message: expect.stringContaining('lic-1') });
  });

  it('a licence without token limit covers any token', () => {
    const { tokens: _limit, ...anyToken } = LICENCE;
    const c = createClassifier({ licences: [anyToken] }).classify(session({ token: { uid: '04E0F1A2' } }));
    expect(c.type).toBe('split-billing');
  });

  it('a suspended licence, or a session outside its period, is not split billing', () => {
    const suspended = createClassifier({ licences: [{ ...LICENCE, status: 'suspended' }] }).classify(session());
    expect([suspended.type, why(suspended)?.actual]).toEqual(['normal', 'not-active']);
    const before = createClassifier({ licences: [LICENCE] }).classify(session({ startedAt: '2022-10-31T22:59:59.999Z' }));
    expect([before.type, why(before)?.actual]).toEqual(['normal', 'outside-period']);
    const atStart = createClassifier({ licences: [LICENCE] }).classify(session({ startedAt: '2022-10-31T23:00:00.000Z' }));
    expect(atStart.type).toBe('split-billing');
  });

  it('a whitelist entry still applies when the licence does not', () => {
    const c = createClassifier(BOTH).classify(session({ startedAt: '2022-10-15T10:00:00.000Z' }));
    expect([c.type, c.whitelistEntry?.id]).toEqual(['whitelist', 'wl-1']);
  });
});

describe('validity rules through the classifier', () => {
  const at = (validity: ValidityConfigInput) => createClassifier({ ...BOTH, validity });

  it('accepts a configured authorisation status such as ConcurrentTx', () => {
    const s = session({ authorization: 'ConcurrentTx' });
    expect(codes(createClassifier(BOTH).classify(s))).toEqual(['token-rejected']);
    expect(at({ acceptedAuthorizations: ['Accepted', 'ConcurrentTx'] }).classify(s).type).toBe('split-billing');
  });

  it('applies each optional rule only when configured', () => {
    const long = session({ durationMs: 86_400_001 });
    expect(createClassifier(BOTH).classify(long).type).toBe('split-billing');
    expect(codes(at({ maxDurationSeconds: 86_400 }).classify(long))).toEqual(['duration-too-long']);

    const tiny = session({ energyKWh: '0.05' });
    expect(createClassifier(BOTH).classify(tiny).type).toBe('split-billing');
    expect(codes(at({ lowEnergy: { atMostKWh: '0.1' } }).classify(tiny))).toEqual(['energy-too-low']);

    const fast = session({ energyKWh: '50', durationMs: 900_000, chargePoint: { ...HOME, maxPowerKW: '11' } });
    expect(createClassifier(BOTH).classify(fast).type).toBe('split-billing');
    expect(codes(at({ maxAveragePower: {} }).classify(fast))).toEqual(['power-implausible']);
    expect(codes(at({ maxAveragePower: { kW: '11' } }).classify(session({ energyKWh: '50', durationMs: 900_000 })))).toEqual(['power-implausible']);

    const old = session({ startedAt: '1999-12-31T23:59:59.999Z' });
    expect(createClassifier({ whitelist: [ENTRY] }).classify(old).type).toBe('whitelist');
    expect(codes(createClassifier({ whitelist: [ENTRY], validity: { earliestStart: '2000-01-01T00:00:00Z' } }).classify(old))).toEqual(['start-too-early']);

    expect(createClassifier(BOTH).classify(session({ energyKWh: null, durationMs: 600_000 })).type).toBe('invalid');
    expect(at({ requireEnergy: false }).classify(session({ energyKWh: null, durationMs: 600_000 })).type).toBe('split-billing');
  });

  it('flags a session that starts after the now passed to classify', () => {
    const classifier = createClassifier(BOTH);
    const s = session();
    expect(classifier.classify(s).type).toBe('split-billing');
    expect(classifier.classify(s, { now: s.startedAt }).type).toBe('split-billing');
    const future = classifier.classify(s, { now: new Date(s.startedAt.getTime() - 1) });
    expect(codes(future)).toEqual(['start-in-future']);
    expect(future.licence).toBeNull();
  });

  it('uses the exact default bounds', () => {
    const classifier = createClassifier(BOTH);
    expect(classifier.classify(session({ energyKWh: '350' })).type).toBe('split-billing');
    expect(classifier.classify(session({ energyKWh: '0' })).type).toBe('split-billing');
    expect(codes(classifier.classify(session({ energyKWh: '350.001' })))).toEqual(['energy-out-of-range']);
    expect(codes(classifier.classify(session({ energyKWh: '-0.001' })))).toEqual(['energy-out-of-range']);
    expect(classifier.classify(session({ durationMs: 120_000 })).type).toBe('split-billing');
    expect(codes(classifier.classify(session({ durationMs: 119_999 })))).toEqual(['duration-too-short']);
    expect(codes(classifier.classify(session({ durationMs: -1 })))).toEqual(['end-before-start']);
  });
});

describe('contract ids', () => {
  it('with verification on, notes a contract id with a wrong check character and does not match on it', () => {
    const entry: WhitelistEntryInput = { id: 'wl-emaid', tokens: { contractIds: ['NL-TST-C12345678-S'] }, chargePoints: { ids: ['cp_site_1'] } };
    const s = session({ chargePoint: SITE, token: { uid: '0000', contractId: 'NL-TST-C12345678-S' } });
    expect(createClassifier({ whitelist: [entry], matching: { verifyContractIds: true } }).classify(s).type).toBe('whitelist');
    const bad = session({ chargePoint: SITE, token: { uid: '0000', contractId: 'NL-TST-C12345678-9' } });
    const c = createClassifier({ whitelist: [entry], matching: { verifyContractIds: true } }).classify(bad);
    expect(codes(c)).toEqual(['public', 'contract-id-unverified']);
    expect(c.reasons[1]).toMatchObject({ actual: 'NL-TST-C12345678-9' });
    // Without verification a wrong 15th character is not taken for a check character: it is another contract.
    expect(codes(createClassifier({ whitelist: [entry] }).classify(bad))).toEqual(['public']);
    const without = session({ chargePoint: SITE, token: { uid: '0000', contractId: 'nltstc12345678' } });
    expect(codes(createClassifier({ whitelist: [entry] }).classify(without))).toEqual(['whitelisted']);
  });
});

describe('home charging compensation (what a CDR says)', () => {
  const withFlag = (chargePoint: ChargePointInput, homeChargingCompensation: boolean | undefined, token: Partial<TokenInput> = {}) =>
    ({ ...session({ chargePoint, token }), homeChargingCompensation });
  const classifier = createClassifier(BOTH);

  it('notes a CDR that asks for home charging compensation where no licence applies; the type stays the configuration\'s', () => {
    const publicSession = classifier.classify(withFlag(PUBLIC, true));
    expect(publicSession.type).toBe('normal');
    expect(codes(publicSession)).toEqual(['public', 'home-charging-not-licensed']);
    const guest = classifier.classify(withFlag(HOME, true, { uid: 'AABBCCDD' }));
    expect(codes(guest)).toEqual(['public', 'home-charging-not-licensed', 'licence-not-applicable']);
    const site = classifier.classify(withFlag(SITE, true));
    expect(site.type).toBe('whitelist');
    expect(codes(site)).toEqual(['whitelisted', 'home-charging-not-licensed']);
  });

  it('notes a licence that applies to a CDR saying it is not home charging', () => {
    const c = classifier.classify(withFlag(HOME, false));
    expect(c.type).toBe('split-billing');
    expect(codes(c)).toEqual(['split-billing-licence', 'licence-without-home-charging']);
  });

  it('adds no note when the CDR agrees or says nothing', () => {
    expect(codes(classifier.classify(withFlag(HOME, true)))).toEqual(['split-billing-licence']);
    expect(codes(classifier.classify(withFlag(PUBLIC, false)))).toEqual(['public']);
    expect(codes(classifier.classify(withFlag(PUBLIC, undefined)))).toEqual(['public']);
  });

  it('tells a CPO what the flag should be: true exactly for split billing', () => {
    expect(homeChargingCompensationFor(classifier.classify(session({ chargePoint: HOME })))).toBe(true);
    expect(homeChargingCompensationFor(classifier.classify(session({ chargePoint: SITE })))).toBe(false);
    expect(homeChargingCompensationFor(classifier.classify(session({ chargePoint: PUBLIC })))).toBe(false);
    expect(homeChargingCompensationFor(classifier.classify(session({ chargePoint: HOME, durationMs: 1_000 })))).toBe(false);
  });
});

describe('the classifier', () => {
  it('exposes its validated configuration', () => {
    const classifier = createClassifier({ ...BOTH, precedence: ['whitelist', 'split-billing'] });
    expect(classifier.config.precedence).toEqual(['whitelist', 'split-billing']);
    expect(classifier.config.licences.map((l) => l.id)).toEqual(['lic-1']);
    expect(classifier.config.validity.minDurationSeconds.toString()).toBe('120');
  });

  it('takes the first matching entry in configuration order', () => {
    const second: WhitelistEntryInput = { ...ENTRY, id: 'wl-2' };
    expect(createClassifier({ whitelist: [ENTRY, second] }).classify(session()).whitelistEntry?.id).toBe('wl-1');
    expect(createClassifier({ whitelist: [second, ENTRY] }).classify(session()).whitelistEntry?.id).toBe('wl-2');
  });
});

/** A stricter version of some validity rules, each change only ever tightening. */
interface Tightening {
  raiseMinKWh?: string;
  lowerMaxKWh?: string;
  raiseMinSeconds?: string;
  keepAuthorizations?: number[];
  maxSeconds?: number;
}

const tighteningArb: fc.Arbitrary<Tightening> = fc.record(
  {
    raiseMinKWh: decimalTextArb(0, 30, 3),
    lowerMaxKWh: decimalTextArb(0, 400, 3),
    raiseMinSeconds: decimalTextArb(0, 600, 3),
    keepAuthorizations: fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 4 }),
    maxSeconds: fc.integer({ min: 1, max: 3 * 86_400 }),
  },
  { requiredKeys: [] },
);

/**
 * The rules of `base`, tightened by `t`, as input. A raised minimum never
 * passes the maximum and a lowered maximum never passes the minimum (such a
 * configuration would be refused), so every change only ever tightens.
 */
function tighten(base: ValidityConfig, t: Tightening): ValidityConfigInput {
  const { min: baseMin, max: baseMax } = base.energyKWh;
  const min = t.raiseMinKWh === undefined ? baseMin : Exact.min(baseMin.plus(t.raiseMinKWh), baseMax);
  const max = t.lowerMaxKWh === undefined ? baseMax : Exact.max(baseMax.minus(t.lowerMaxKWh), min);
  const ceiling = base.maxDurationSeconds;
  const raised = t.raiseMinSeconds === undefined ? base.minDurationSeconds : base.minDurationSeconds.plus(t.raiseMinSeconds);
  const minDuration = ceiling === null ? raised : Exact.min(raised, ceiling);
  const wanted = t.maxSeconds === undefined ? null : Exact.max(t.maxSeconds, minDuration);
  const maxDuration = wanted === null ? ceiling : ceiling === null ? wanted : Exact.min(wanted, ceiling);
  const kept = base.acceptedAuthorizations.filter((_, index) => t.keepAuthorizations?.includes(index) ?? true);
  const { kW, tolerancePercent } = base.maxAveragePower ?? {};
  return {
    energyKWh: { min: min.toString(), max: max.toString() },
    minDurationSeconds: minDuration.toString(),
    maxDurationSeconds: maxDuration === null ? null : maxDuration.toString(),
    requireEnergy: base.requireEnergy,
    acceptedAuthorizations: kept.length > 0 ? kept : base.acceptedAuthorizations,
    lowEnergy: base.lowEnergy === null ? null : { atMostKWh: base.lowEnergy.atMostKWh.toString() },
    maxAveragePower:
      base.maxAveragePower === null ? null : { ...(kW === undefined ? {} : { kW: kW.toString() }), tolerancePercent: String(tolerancePercent) },
    earliestStart: base.earliestStart,
  };
}

describe('properties', () => {
  const firstReason: Record<Classification['type'], readonly ReasonCode[]> = {
    'split-billing': ['split-billing-licence'],
    whitelist: ['whitelisted'],
    normal: ['public'],
    invalid: INVALID_REASON_CODES,
  };

  it('classify never throws and gives exactly one of the four types, with its entry set exactly for its type', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, sessionArb, nowArb, (input, s, now) => {
        const c = createClassifier(input).classify(s, { now });
        expect(SESSION_TYPES).toContain(c.type);
        expect(c.licence !== null).toBe(c.type === 'split-billing');
        expect(c.whitelistEntry !== null).toBe(c.type === 'whitelist');
        expect(c.reasons.length).toBeGreaterThan(0);
        expect(firstReason[c.type]).toContain(c.reasons[0]?.code);
      }),
      { numRuns: 300 },
    );
  });

  it('the same input gives the same output, also across two classifiers built from the same configuration', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, sessionArb, nowArb, (input, s, now) => {
        const one = createClassifier(input);
        const two = createClassifier(structuredClone(input));
        const first = one.classify(s, { now });
        expect(one.classify(s, { now })).toEqual(first);
        expect(two.classify(s, { now })).toEqual(first);
        // Classifying other sessions in between changes nothing.
        one.classify({ ...s, chargePoint: { id: 'elsewhere' } });
        expect(one.classify(s, { now })).toEqual(first);
      }),
    );
  });

  it('does not change the session it classifies', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, sessionArb, (input, s) => {
        const before = JSON.stringify(s);
        createClassifier(input).classify(s);
        expect(JSON.stringify(s)).toBe(before);
      }),
    );
  });

  it('invalid dominates: whatever the licences and whitelist say, the reasons are exactly those of checkValidity', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, sessionArb, nowArb, (input, s, now) => {
        const classifier = createClassifier(input);
        const failing = checkValidity(s, classifier.config.validity, now);
        const c = classifier.classify(s, { now });
        expect(c.type === 'invalid').toBe(failing.length > 0);
        if (failing.length > 0) expect(c).toEqual({ type: 'invalid', reasons: failing, licence: null, whitelistEntry: null });
        else expect(c.reasons.every((reason) => !(INVALID_REASON_CODES as readonly string[]).includes(reason.code))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('tightening a rule never turns an invalid session valid, nor removes an invalid reason', () => {
    fc.assert(
      fc.property(
        validityConfigInputArb,
        matchersConfigInputArb,
        tighteningArb.filter((t) => Object.keys(t).length > 0),
        sessionArb,
        nowArb,
        (validity, matchers, t, s, now) => {
          const loose = createClassifier({ ...matchers, validity });
          const strict = createClassifier({ ...matchers, validity: tighten(loose.config.validity, t) });
          expect(strict.config.validity.energyKWh.min.gte(loose.config.validity.energyKWh.min)).toBe(true);
          expect(strict.config.validity.energyKWh.max.lte(loose.config.validity.energyKWh.max)).toBe(true);
          expect(strict.config.validity.minDurationSeconds.gte(loose.config.validity.minDurationSeconds)).toBe(true);
          const before = loose.classify(s, { now });
          const after = strict.classify(s, { now });
          if (before.type === 'invalid') expect(after.type).toBe('invalid');
          const kept = new Set(codes(after));
          for (const code of codes(before).filter((c) => (INVALID_REASON_CODES as readonly string[]).includes(c))) expect(kept).toContain(code);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reordering precedence never changes which sessions are invalid, nor their reasons', () => {
    fc.assert(
      fc.property(classifierConfigInputArb, sessionArb, nowArb, (input, s, now) => {
        const one = createClassifier({ ...input, precedence: ['split-billing', 'whitelist'] }).classify(s, { now });
        const two = createClassifier({ ...input, precedence: ['whitelist', 'split-billing'] }).classify(s, { now });
        expect(one.type === 'invalid').toBe(two.type === 'invalid');
        if (one.type === 'invalid') expect(two).toEqual(one);
        // A session both match is decided by the order; otherwise the order does not matter.
        if (one.type !== two.type) expect([one.type, two.type]).toEqual(['split-billing', 'whitelist']);
      }),
      { numRuns: 300 },
    );
  });

  it('a session matched by neither licence nor whitelist is normal; otherwise the first matcher in precedence decides', () => {
    fc.assert(
      fc.property(matchersConfigInputArb, precedenceArb, sessionArb, (matchers, precedence, s) => {
        const full = createClassifier({ ...matchers, precedence }).classify(s);
        const byLicence = createClassifier({ ...matchers, whitelist: [] }).classify(s);
        const byWhitelist = createClassifier({ ...matchers, licences: [] }).classify(s);
        if (full.type === 'invalid') return;
        const matched = { 'split-billing': byLicence.type === 'split-billing', whitelist: byWhitelist.type === 'whitelist' };
        expect(byLicence.type === 'whitelist' || byWhitelist.type === 'split-billing').toBe(false);
        const winner = precedence.find((matcher) => matched[matcher]);
        expect(full.type).toBe(winner ?? 'normal');
        if (winner === 'split-billing') expect(full.licence).toEqual(byLicence.licence);
        if (winner === 'whitelist') expect(full.whitelistEntry).toEqual(byWhitelist.whitelistEntry);
      }),
      { numRuns: 500 },
    );
  });

  it('without licences or whitelist entries every valid session is normal', () => {
    fc.assert(
      fc.property(fc.option(validityConfigInputArb, { nil: undefined }), sessionArb, (validity, s) => {
        const c = createClassifier(validity === undefined ? {} : { validity }).classify(s);
        expect(c.type).toBe(checkValidity(s, createClassifier(validity === undefined ? {} : { validity }).config.validity).length > 0 ? 'invalid' : 'normal');
        if (c.type === 'normal') expect(codes(c)[0]).toBe('public');
      }),
    );
  });
});
