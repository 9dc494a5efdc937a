/**
 * Random batches of classified and priced sessions, for the properties of
 * summaries and their tables.
 */
import fc from 'fast-check';
import type { AssessedSession } from '../../src/assess/assess';
import { createClassifier } from '../../src/classify/classifier';
import { attributeCost } from '../../src/cost/attribute-cost';
import { ROUNDING_MODES } from '../../src/cost/rounding';
import type { PriceInput } from '../../src/model/price';
import { classifierConfigInputArb, decimalTextArb, parsed, sessionInputArb } from '../../src/testing';

export const priceInputArb: fc.Arbitrary<PriceInput | undefined> = fc.option(
  fc.oneof(
    fc.record({ inclVat: decimalTextArb(0, 300, 4), currency: fc.constant('EUR') }),
    fc.record({ exclVat: decimalTextArb(0, 300, 4), vatPercent: fc.constantFrom('0', '6', '21', '5.5'), currency: fc.constant('EUR') }),
    fc.record({ exclVat: decimalTextArb(0, 300, 4), currency: fc.constant('EUR') }),
  ),
  { nil: undefined },
);

/** A random batch of classified and priced sessions under a random configuration. */
export const batchArb: fc.Arbitrary<AssessedSession[]> = fc
  .record({
    config: classifierConfigInputArb,
    rounding: fc.constantFrom(...ROUNDING_MODES),
    sessions: fc.array(
      fc.record({
        input: sessionInputArb,
        price: priceInputArb,
        userId: fc.option(fc.constantFrom('u-1', 'u-2', 'an.claes'), { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ config, rounding, sessions }) => {
    const by = createClassifier(config);
    return sessions.map(({ input, price, userId }, index) => {
      const session = parsed({ ...input, id: `s-${index}`, ...(price && { price }), ...(userId && { userId }) });
      const classification = by.classify(session);
      return { session, classification, cost: attributeCost(session, classification, { rounding }) };
    });
  });

