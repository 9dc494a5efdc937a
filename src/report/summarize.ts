import type Decimal from 'decimal.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AssessedSession } from '../assess/assess.js';
import { SESSION_TYPES, type SessionType } from '../classify/session-type.js';
import { addMoney, CurrencyMismatchError, isZeroMoney, zeroMoney, type Money } from '../cost/money.js';
import { Exact } from '../model/decimal.js';
import { assertTimeZone, DEFAULT_TIME_ZONE } from '../model/time.js';

/** Sums over a set of sessions. */
export interface Totals {
  readonly count: number;
  /** Energy of the sessions that have a reading. */
  readonly energyKWh: Decimal;
  /** How many sessions had no energy reading. */
  readonly withoutEnergy: number;
  /** Total duration in milliseconds; a session that ends before it starts counts as 0. */
  readonly durationMs: number;
  /** Sum of the sessions' rounded operational budget amounts. */
  readonly operationalBudget: Money;
  /** Sum of the sessions' rounded reimbursements. */
  readonly reimbursement: Money;
}

/** Totals in all, and per session type (every type present, zero where none). */
export interface TypedTotals {
  readonly total: Totals;
  readonly byType: Readonly<Record<SessionType, Totals>>;
}

/** Options of {@link summarize}. */
export interface SummaryOptions {
  /** Only these types (the portal's type filter); default all four. */
  readonly types?: readonly SessionType[];
  /** Also group by user, by charge point, by month (in `timeZone`). */
  readonly groupBy?: readonly ('user' | 'chargePoint' | 'month')[];
  /** Zone of the months, default Europe/Brussels. */
  readonly timeZone?: string;
  /** Currency of the totals, default 'EUR'; non-zero amounts in another currency throw. */
  readonly currency?: string;
}

/** A summary: totals in all and per type, and per group when asked. */
export interface Summary extends TypedTotals {
  readonly currency: string;
  /** Per user id ("(no user)" when unknown), when grouped by user. */
  readonly byUser?: Readonly<Record<string, TypedTotals>>;
  /** Per charge point id, when grouped by charge point. */
  readonly byChargePoint?: Readonly<Record<string, TypedTotals>>;
  /** Per month of the session's start, "2022-11", when grouped by month. */
  readonly byMonth?: Readonly<Record<string, TypedTotals>>;
}

/** The user key of sessions without a user id. */
export const NO_USER = '(no user)';

/**
 * Totals count, energy, duration, operational budget and reimbursement per
 * type and in total, optionally per user, charge point and month. Totals are
 * sums of the per-session rounded amounts, so a total never disagrees with
 * its rows by a cent, and the per-type totals add up to the total exactly.
 *
 * @example summarize(assessed).byType['split-billing'].reimbursement.amount.toString(); // '7.32'
 * @throws {CurrencyMismatchError} when a non-zero amount is in another currency than `options.currency`;
 * {RangeError} for an unknown time zone.
 */
export function summarize(items: readonly AssessedSession[], options: SummaryOptions = {}): Summary {
  const currency = options.currency ?? 'EUR';
  const types = new Set(options.types ?? SESSION_TYPES);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const groupBy = new Set(options.groupBy ?? []);
  const selected = items.filter((item) => types.has(item.cost.type));
  const groups = (key: (item: AssessedSession) => string) => {
    const grouped = new Map<string, AssessedSession[]>();
    for (const item of selected) {
      const k = key(item);
      const group = grouped.get(k);
      if (group) group.push(item);
      else grouped.set(k, [item]);
    }
    return Object.fromEntries([...grouped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, group]) => [k, typedTotals(group, currency)]));
  };
  return {
    currency,
    ...typedTotals(selected, currency),
    ...(groupBy.has('user') && { byUser: groups((item) => item.session.userId ?? NO_USER) }),
    ...(groupBy.has('chargePoint') && { byChargePoint: groups((item) => item.session.chargePoint.id) }),
    ...(groupBy.has('month') && { byMonth: groups((item) => format(new TZDate(item.session.startedAt, timeZone), 'yyyy-MM')) }),
  };
}

function typedTotals(items: readonly AssessedSession[], currency: string): TypedTotals {
  const byType = Object.fromEntries(
    SESSION_TYPES.map((type) => [type, totals(items.filter((item) => item.cost.type === type), currency)]),
  ) as Record<SessionType, Totals>;
  return { total: totals(items, currency), byType };
}

function totals(items: readonly AssessedSession[], currency: string): Totals {
  let energyKWh = new Exact(0);
  let withoutEnergy = 0;
  let durationMs = 0;
  let operationalBudget = zeroMoney(currency);
  let reimbursement = zeroMoney(currency);
  for (const { session, cost } of items) {
    if (session.energyKWh === null) withoutEnergy += 1;
    else energyKWh = energyKWh.plus(session.energyKWh);
    durationMs += Math.max(0, session.endedAt.getTime() - session.startedAt.getTime());
    operationalBudget = addInCurrency(operationalBudget, cost.operationalBudget);
    reimbursement = addInCurrency(reimbursement, cost.reimbursement);
  }
  return { count: items.length, energyKWh, withoutEnergy, durationMs, operationalBudget, reimbursement };
}

function addInCurrency(total: Money, amount: Money): Money {
  if (amount.currency !== total.currency) {
    if (isZeroMoney(amount)) return total;
    throw new CurrencyMismatchError(total.currency, amount.currency);
  }
  return addMoney(total, amount);
}
