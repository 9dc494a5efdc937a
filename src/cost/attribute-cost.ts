import type { Decimal } from 'decimal.js';
import { Exact } from '../model/decimal.js';
import type { Classification } from '../classify/classification.js';
import type { SessionType } from '../classify/session-type.js';
import type { ChargingSession } from '../model/session.js';
import { IssueList } from '../errors.js';
import { rateAt } from '../matchers/rate-schedule.js';
import { capRate, type CeilingBasis } from '../matchers/ceiling.js';
import { describe } from '../model/messages.js';
import { isCurrencyCode } from '../model/price.js';
import { make, type Money } from './money.js';
import { checkMinorUnits, decimalRounding, findMinorUnitDigits, ROUNDING_MODES, type RoundingMode } from './rounding.js';

/** How amounts are rounded and which currency zero amounts are in. */
export interface CostOptions {
  /** Rounding of each session's amount to the currency's minor unit; default `'half-up'`. */
  readonly rounding?: RoundingMode;
  /** Minor unit digits for currencies the built-in table lacks, e.g. `{ XTS: 2 }`. */
  readonly minorUnits?: Readonly<Record<string, number>>;
  /**
   * The employer's currency, default `'EUR'`: zero amounts are in it, and a
   * non-zero amount in another currency is flagged `currency-mismatch`
   * (never converted).
   */
  readonly currency?: string;
}

/** Who pays, and who is paid. */
export type Party = 'employer' | 'employee' | 'msp' | 'none';

/** Which budget a session's cost falls on. */
export type Budget = 'operational' | 'reimbursement' | 'none';

/**
 * Things a portal should show next to a figure: `price-missing` (a normal
 * session without a usable MSP price: its budget figure is unknown, not 0),
 * `rate-missing` (no rate in force at the start), `energy-missing`,
 * `currency-mismatch` (the amount is not in the employer's currency, or the
 * session's price and the licence's rate differ in currency; nothing is
 * converted), `currency-unknown` (the price's or rate's currency has no known
 * minor unit, so the amount cannot be settled: its figure is unknown, not 0),
 * `review` (an invalid session, set aside), `ceiling-missing` (the licence
 * names a ceiling that has no rate in force at the start: the cap is
 * unknown, so the figure is unknown, not 0).
 */
export type CostFlag = 'price-missing' | 'rate-missing' | 'energy-missing' | 'currency-mismatch' | 'currency-unknown' | 'review' | 'ceiling-missing';

/** The sum behind a reimbursement: energy x the rate in force at the session's start (capped by the licence's ceilings, if any). */
export interface RateBasis {
  readonly kind: 'rate';
  readonly energyKWh: Decimal;
  /** The rate paid: the licence's rate, or the ceiling where that is lower. */
  readonly ratePerKWh: Decimal;
  /** Start (inclusive) and end (exclusive, `null` = open) of the period over which that rate is in force. */
  readonly rateFrom: Date;
  readonly rateUntil: Date | null;
  /** energy x rate before rounding. */
  readonly exactAmount: Money;
  /** Where the licence names ceilings: the lowest in force, the agreed rate, and whether the cap applied. */
  readonly ceiling?: CeilingBasis;
}

/** The sum behind an operational budget figure: the MSP's price incl. VAT, given or computed from excl. VAT. */
export interface PriceBasis {
  readonly kind: 'price';
  readonly source: 'incl-vat' | 'excl-vat-plus-vat';
  readonly exclVat: Decimal | null;
  readonly vatPercent: Decimal | null;
  /** The price incl. VAT before rounding. */
  readonly exactAmount: Money;
}

/** Who pays what for one session, to the cent, and why. */
export interface CostAttribution {
  readonly sessionId: string;
  readonly type: SessionType;
  readonly payer: Party;
  readonly payee: Party;
  readonly budget: Budget;
  /** What changes hands: the operational budget figure or the reimbursement; 0 otherwise. */
  readonly amount: Money;
  /** The MSP's price incl. VAT for a normal session; 0 for every other type. */
  readonly operationalBudget: Money;
  /** energy x rate for a split billing session, without VAT (settled by a monthly payment request); 0 otherwise. */
  readonly reimbursement: Money;
  readonly basis: RateBasis | PriceBasis | null;
  readonly flags: readonly CostFlag[];
}

/** Cost options checked once, with what every attribution shares. */
interface ResolvedCostOptions {
  readonly rounding: Decimal.Rounding;
  readonly currency: string;
  readonly minorUnits: Readonly<Record<string, number>> | undefined;
  readonly zero: Money;
}

const resolved = new WeakMap<CostOptions, ResolvedCostOptions>();
const DEFAULT_OPTIONS: CostOptions = Object.freeze({});

/**
 * Checks cost options before any work starts and throws one
 * {@link ConfigError} listing every problem: an unknown rounding mode, a
 * malformed or unknown employer currency, bad minor units. The checked
 * options are kept per options object, so passing the same object again costs
 * nothing.
 *
 * @example
 * checkCostOptions({ rounding: 'half-even', currency: 'EUR' }); // => undefined
 * checkCostOptions({ rounding: 'nearest' as RoundingMode }); // throws ConfigError
 */
export function checkCostOptions(options: CostOptions = DEFAULT_OPTIONS): void {
  resolveCostOptions(options);
}

function resolveCostOptions(options: CostOptions): ResolvedCostOptions {
  const known = resolved.get(options);
  if (known) return known;
  const problems = new IssueList();
  if (typeof options !== 'object' || options === null) {
    problems.add([], `expected the options as an object, received ${describe(options)}`);
    problems.throwIfAny();
  }
  const { rounding = 'half-up', currency = 'EUR', minorUnits } = options;
  if (!(ROUNDING_MODES as readonly unknown[]).includes(rounding)) {
    problems.add(['rounding'], `unknown rounding mode ${describe(rounding)}: use one of ${ROUNDING_MODES.map((x) => `"${x}"`).join(', ')}`);
  }
  checkMinorUnits(minorUnits, problems, ['minorUnits']);
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    problems.add(['currency'], `invalid currency ${describe(currency)}: expected an ISO 4217 code of three uppercase letters, such as "EUR"`);
  } else if (findMinorUnitDigits(currency, minorUnits) === null) {
    problems.add(['currency'], `unknown minor unit for currency ${currency}: give it in minorUnits, e.g. { "${currency}": 2 }`);
  }
  problems.throwIfAny();
  const result: ResolvedCostOptions = Object.freeze({ rounding: decimalRounding(rounding), currency, minorUnits, zero: make(new Exact(0), currency) });
  resolved.set(options, result);
  return result;
}

const NO_FLAGS: readonly CostFlag[] = Object.freeze([]);
const REVIEW: readonly CostFlag[] = Object.freeze(['review']);

/**
 * Attributes a classified session's cost. Pure; each amount is computed
 * exactly and rounded once to the currency's minor unit (half-up unless
 * `options.rounding` says otherwise), so totals are sums of these rounded
 * amounts.
 *
 * - normal: the employer pays the MSP its price incl. VAT from the
 *   operational budget (computed from excl. VAT and the VAT percentage where
 *   that is all there is; flagged `price-missing` where no price is known);
 * - split billing: the employer reimburses the employee energy x the rate in
 *   force at the session's start (licence's schedule), capped by the lowest
 *   of the licence's ceilings in force then (min(rate, ceiling); the basis
 *   says whether the cap applied), outside the operational budget, no VAT;
 * - whitelist: nothing for anyone; invalid: nothing, flagged `review`.
 *
 * Data never makes it throw: a price or rate in a currency whose minor unit
 * is not known is flagged `currency-unknown`, one in another currency than
 * the employer's `currency-mismatch`.
 *
 * @example
 * attributeCost(session, classifier.classify(session)).reimbursement.amount.toString(); // => '2.44'
 * @throws {ConfigError} for bad options (an unknown rounding mode or currency), before any work.
 */
export function attributeCost(session: ChargingSession, classification: Classification, options: CostOptions = DEFAULT_OPTIONS): CostAttribution {
  const { rounding, currency, minorUnits, zero } = resolveCostOptions(options);
  const sessionId = session.id;
  switch (classification.type) {
    case 'normal': {
      const price = session.price;
      const exact = price && priceInclVat(price);
      if (!price || !exact) {
        const flags: CostFlag[] = ['price-missing'];
        if (price && price.currency !== currency) flags.push('currency-mismatch');
        return { sessionId, type: 'normal', payer: 'employer', payee: 'msp', budget: 'operational', amount: zero, operationalBudget: zero, reimbursement: zero, basis: null, flags };
      }
      const exactAmount = make(exact.amount, price.currency);
      const basis: PriceBasis = { kind: 'price', source: exact.source, exclVat: price.exclVat ?? null, vatPercent: price.vatPercent ?? null, exactAmount };
      const digits = findMinorUnitDigits(price.currency, minorUnits);
      const flags = price.currency === currency ? NO_FLAGS : (['currency-mismatch'] as CostFlag[]);
      if (digits === null) {
        return { sessionId, type: 'normal', payer: 'employer', payee: 'msp', budget: 'operational', amount: zero, operationalBudget: zero, reimbursement: zero, basis, flags: [...flags, 'currency-unknown'] };
      }
      // A price already in whole minor units (the usual case) is its own rounded amount.
      const amount = exact.amount.decimalPlaces() <= digits ? exactAmount : make(exact.amount.toDecimalPlaces(digits, rounding), price.currency);
      return { sessionId, type: 'normal', payer: 'employer', payee: 'msp', budget: 'operational', amount, operationalBudget: amount, reimbursement: zero, basis, flags };
    }
    case 'split-billing': {
      const schedule = classification.licence.rates;
      const flags: CostFlag[] = [];
      if (schedule.currency !== currency || (session.price !== undefined && session.price.currency !== schedule.currency)) flags.push('currency-mismatch');
      const rate = rateAt(schedule, session.startedAt);
      const energy = session.energyKWh;
      if (!rate || energy === null) {
        flags.push(rate ? 'energy-missing' : 'rate-missing');
        return { sessionId, type: 'split-billing', payer: 'employer', payee: 'employee', budget: 'reimbursement', amount: zero, operationalBudget: zero, reimbursement: zero, basis: null, flags };
      }
      const ceilings = classification.licence.ceiling;
      const capped = ceilings === undefined ? null : capRate(rate, ceilings, session.startedAt);
      if (ceilings !== undefined && capped === null) {
        flags.push('ceiling-missing');
        return { sessionId, type: 'split-billing', payer: 'employer', payee: 'employee', budget: 'reimbursement', amount: zero, operationalBudget: zero, reimbursement: zero, basis: null, flags };
      }
      const paid = capped ?? rate;
      const exact = energy.times(paid.perKWh);
      const basis: RateBasis = {
        kind: 'rate',
        energyKWh: energy,
        ratePerKWh: paid.perKWh,
        rateFrom: paid.from,
        rateUntil: paid.until,
        exactAmount: make(exact, rate.currency),
        ...(capped && { ceiling: capped.ceiling }),
      };
      const digits = findMinorUnitDigits(rate.currency, minorUnits);
      if (digits === null) {
        flags.push('currency-unknown');
        return { sessionId, type: 'split-billing', payer: 'employer', payee: 'employee', budget: 'reimbursement', amount: zero, operationalBudget: zero, reimbursement: zero, basis, flags };
      }
      const amount = make(exact.toDecimalPlaces(digits, rounding), rate.currency);
      return { sessionId, type: 'split-billing', payer: 'employer', payee: 'employee', budget: 'reimbursement', amount, operationalBudget: zero, reimbursement: amount, basis, flags: flags.length === 0 ? NO_FLAGS : flags };
    }
    case 'whitelist':
      return { sessionId, type: 'whitelist', payer: 'none', payee: 'none', budget: 'none', amount: zero, operationalBudget: zero, reimbursement: zero, basis: null, flags: NO_FLAGS };
    case 'invalid':
      return { sessionId, type: 'invalid', payer: 'none', payee: 'none', budget: 'none', amount: zero, operationalBudget: zero, reimbursement: zero, basis: null, flags: REVIEW };
  }
}

function priceInclVat(price: NonNullable<ChargingSession['price']>): { amount: Decimal; source: PriceBasis['source'] } | null {
  if (price.inclVat !== undefined) return { amount: price.inclVat, source: 'incl-vat' };
  if (price.exclVat !== undefined && price.vatPercent !== undefined) {
    return { amount: price.exclVat.times(price.vatPercent.div(100).plus(1)), source: 'excl-vat-plus-vat' };
  }
  return null;
}
