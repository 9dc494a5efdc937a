import type Decimal from 'decimal.js';
import type { Classification } from '../classify/classification.js';
import type { SessionType } from '../classify/session-type.js';
import type { ChargingSession } from '../model/session.js';
import { money, zeroMoney, type Money } from './money.js';
import { rateAt } from '../matchers/rate-schedule.js';
import { roundMoney, type RoundingMode } from './rounding.js';

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
 * converted), `review` (an invalid session, set aside).
 */
export type CostFlag = 'price-missing' | 'rate-missing' | 'energy-missing' | 'currency-mismatch' | 'review';

/** The sum behind a reimbursement: energy x the rate in force at the session's start. */
export interface RateBasis {
  readonly kind: 'rate';
  readonly energyKWh: Decimal;
  readonly ratePerKWh: Decimal;
  /** Start (inclusive) and end (exclusive, `null` = open) of the rate's period. */
  readonly rateFrom: Date;
  readonly rateUntil: Date | null;
  /** energy x rate before rounding. */
  readonly exactAmount: Money;
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

/**
 * Attributes a classified session's cost. Pure; each amount is rounded to
 * the currency's minor unit (half-up unless `options.rounding` says
 * otherwise), so totals are sums of these rounded amounts.
 *
 * - normal: the employer pays the MSP its price incl. VAT from the
 *   operational budget (computed from excl. VAT and the VAT percentage where
 *   that is all there is; flagged `price-missing` where no price is known);
 * - split billing: the employer reimburses the employee energy x the rate in
 *   force at the session's start (licence's schedule), outside the
 *   operational budget, no VAT;
 * - whitelist: nothing for anyone; invalid: nothing, flagged `review`.
 *
 * @example
 * attributeCost(session, classifier.classify(session)).reimbursement.amount.toString(); // '2.44' (3.667 kWh x 0.6654)
 * @throws {RangeError} for an unknown rounding mode or a currency without a known minor unit (configuration errors).
 */
export function attributeCost(session: ChargingSession, classification: Classification, options: CostOptions = {}): CostAttribution {
  const rounding = options.rounding ?? 'half-up';
  const currency = options.currency ?? 'EUR';
  const zero = zeroMoney(currency);
  const nothing = { amount: zero, operationalBudget: zero, reimbursement: zero, basis: null };
  const mismatch = (...currencies: (string | undefined)[]): CostFlag[] =>
    currencies.some((other) => other !== undefined && other !== currency) ? ['currency-mismatch'] : [];
  const base = { sessionId: session.id, type: classification.type };

  switch (classification.type) {
    case 'normal': {
      const parties = { ...base, payer: 'employer', payee: 'msp', budget: 'operational' } as const;
      const price = session.price;
      const exact = price && priceInclVat(price);
      if (!price || !exact) return { ...parties, ...nothing, flags: ['price-missing', ...mismatch(price?.currency)] };
      const exactAmount = money(exact.amount, price.currency);
      const amount = roundMoney(exactAmount, rounding, options.minorUnits);
      const basis: PriceBasis = { kind: 'price', source: exact.source, exclVat: price.exclVat ?? null, vatPercent: price.vatPercent ?? null, exactAmount };
      return { ...parties, amount, operationalBudget: amount, reimbursement: zero, basis, flags: mismatch(price.currency) };
    }
    case 'split-billing': {
      const parties = { ...base, payer: 'employer', payee: 'employee', budget: 'reimbursement' } as const;
      const schedule = classification.licence.rates;
      const flags = mismatch(schedule.currency, session.price?.currency);
      const rate = rateAt(schedule, session.startedAt);
      const energy = session.energyKWh;
      if (!rate || energy === null) return { ...parties, ...nothing, flags: [...flags, rate ? 'energy-missing' : 'rate-missing'] };
      const exactAmount = money(energy.times(rate.perKWh), rate.currency);
      const amount = roundMoney(exactAmount, rounding, options.minorUnits);
      const basis: RateBasis = { kind: 'rate', energyKWh: energy, ratePerKWh: rate.perKWh, rateFrom: rate.from, rateUntil: rate.until, exactAmount };
      return { ...parties, amount, operationalBudget: zero, reimbursement: amount, basis, flags };
    }
    case 'whitelist':
    case 'invalid':
      return { ...base, payer: 'none', payee: 'none', budget: 'none', ...nothing, flags: classification.type === 'invalid' ? ['review'] : [] };
  }
}

function priceInclVat(price: NonNullable<ChargingSession['price']>): { amount: Decimal; source: PriceBasis['source'] } | null {
  if (price.inclVat !== undefined) return { amount: price.inclVat, source: 'incl-vat' };
  if (price.exclVat !== undefined && price.vatPercent !== undefined) {
    return { amount: price.exclVat.times(price.vatPercent.div(100).plus(1)), source: 'excl-vat-plus-vat' };
  }
  return null;
}
