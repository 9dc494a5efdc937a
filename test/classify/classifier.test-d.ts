import { describe, expectTypeOf, it } from 'vitest';
import type { Classification } from '../../src/classify/classification';
import { createClassifier, type Classifier, type ClassifyOptions } from '../../src/classify/classifier';
import type { ClassifierConfig, ClassifierConfigInput } from '../../src/classify/config';
import type { InvalidReasonCode, Reason, ReasonCode } from '../../src/rules/reason';
import type { SessionType } from '../../src/classify/session-type';
import type { Licence } from '../../src/matchers/licence';
import type { WhitelistEntry } from '../../src/matchers/whitelist';
import type { ChargingSession } from '../../src/model/session';

declare const session: ChargingSession;
const classifier = createClassifier();
const c = classifier.classify(session);

describe('createClassifier', () => {
  it('takes an optional JSON-form configuration and gives a Classifier', () => {
    expectTypeOf(createClassifier).parameter(0).toEqualTypeOf<ClassifierConfigInput | undefined>();
    expectTypeOf(createClassifier).returns.toEqualTypeOf<Classifier>();
    expectTypeOf(classifier.config).toEqualTypeOf<ClassifierConfig>();
  });

  it('classifies parsed sessions, with optional options', () => {
    expectTypeOf(classifier.classify).parameter(0).toEqualTypeOf<ChargingSession>();
    expectTypeOf(classifier.classify).parameter(1).toEqualTypeOf<ClassifyOptions | undefined>();
    expectTypeOf<ClassifyOptions['now']>().toEqualTypeOf<Date | undefined>();
    // @ts-expect-error a session as written in JSON must be parsed first
    classifier.classify({ id: 's-1', startedAt: '2022-11-10T14:50:16+01:00' });
  });

  it('refuses a precedence that is not one of the two orders', () => {
    createClassifier({ precedence: ['whitelist', 'split-billing'] });
    // @ts-expect-error 'normal' is not a matcher
    createClassifier({ precedence: ['normal', 'whitelist'] });
  });
});

describe('Classification', () => {
  it("classify returns a union whose type is exactly 'normal' | 'split-billing' | 'whitelist' | 'invalid'", () => {
    expectTypeOf(c).toEqualTypeOf<Classification>();
    expectTypeOf(c.type).toEqualTypeOf<'normal' | 'split-billing' | 'whitelist' | 'invalid'>();
    expectTypeOf(c.type).toEqualTypeOf<SessionType>();
  });

  it('narrowing on the type gives the matched entry', () => {
    if (c.type === 'split-billing') {
      expectTypeOf(c.licence).toEqualTypeOf<Licence>();
      expectTypeOf(c.whitelistEntry).toEqualTypeOf<null>();
    }
    if (c.type === 'whitelist') {
      expectTypeOf(c.whitelistEntry).toEqualTypeOf<WhitelistEntry>();
      expectTypeOf(c.licence).toEqualTypeOf<null>();
    }
    if (c.type === 'normal' || c.type === 'invalid') {
      expectTypeOf(c.licence).toEqualTypeOf<null>();
      expectTypeOf(c.whitelistEntry).toEqualTypeOf<null>();
    }
    expectTypeOf(c.licence).toEqualTypeOf<Licence | null>();
    // @ts-expect-error the licence may be null until the type is narrowed
    c.licence.id;
  });

  it("reasons' code is ReasonCode; an invalid session's are invalid codes", () => {
    expectTypeOf(c.reasons).toEqualTypeOf<readonly Reason<InvalidReasonCode>[] | readonly Reason[]>();
    expectTypeOf<(typeof c.reasons)[number]['code']>().toEqualTypeOf<ReasonCode>();
    expectTypeOf<Classification['reasons'][number]['code']>().toEqualTypeOf<ReasonCode>();
    if (c.type === 'invalid') expectTypeOf(c.reasons[0]!.code).toEqualTypeOf<InvalidReasonCode>();
    expectTypeOf<'token-rejected'>().toExtend<InvalidReasonCode>();
    expectTypeOf<'public'>().toExtend<ReasonCode>();
    expectTypeOf<'public'>().not.toExtend<InvalidReasonCode>();
  });

  it('is read-only', () => {
    // @ts-expect-error a classification cannot be changed after the fact
    c.type = 'normal';
  });

  it('accepts configurations written `as const`', () => {
    const config = {
      validity: { acceptedAuthorizations: ['Accepted', 'ConcurrentTx'] },
      precedence: ['whitelist', 'split-billing'],
      whitelist: [{ id: 'wl-1', tokens: { uids: ['04A23B5C'] }, chargePoints: { ids: ['cp_1'] } }],
      licences: [{ id: 'lic-1', device: { chargePointId: 'cp_2' }, status: 'active', validFrom: '2022-11-01', rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }] }],
    } as const;
    expectTypeOf(config).toExtend<ClassifierConfigInput>();
  });
});
