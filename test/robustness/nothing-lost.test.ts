/**
 * One example per defect of "Nothing lost, ever": each failed before the
 * fix. Data gets an issue or a flag; programmer errors throw one
 * ConfigError, up front, with the path of what is wrong.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  activityCsv,
  assessSessions,
  assessStream,
  attributeCost,
  ConfigError,
  cpoCsv,
  createClassifier,
  formatMoney,
  money,
  parseSession,
  parseSessions,
  roundMoney,
  summarize,
  sumMoney,
  type AssessedSession,
  type SessionInput,
} from '../../src/index';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { SPLIT_BILLING_SESSION } from '../support/sessions';

const PUBLIC_SESSION = { ...SPLIT_BILLING_SESSION, id: 'pub', chargePoint: { id: 'BE-ION-1' } } as const;
const classifier = createClassifier(sampleConfig);
const assessed = (inputs: readonly unknown[], options = {}) => assessSessions(inputs, classifier, options).flatMap((a) => (a.success ? [a] : []));
const thrown = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^\[charging-sessions\] /);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('a session never breaks a batch', () => {
  it('prices in THB, MAD and IDR with their ISO 4217 minor units, and flags a currency nobody knows', () => {
    const priced = (currency: string, inclVat: string) => ({ ...PUBLIC_SESSION, id: currency, price: { inclVat, currency } });
    const items = assessed([priced('THB', '123.456'), priced('MAD', '10.005'), priced('IDR', '15000.555'), priced('XYZ', '1.5'), SPLIT_BILLING_SESSION]);
    expect(items.map((item) => `${item.cost.operationalBudget.amount} ${item.cost.operationalBudget.currency} ${item.cost.flags.join('+')}`)).toEqual([
      '123.46 THB currency-mismatch',
      '10.01 MAD currency-mismatch',
      '15000.56 IDR currency-mismatch',
      '0 EUR currency-mismatch+currency-unknown',
      '0 EUR ',
    ]);
    expect(activityCsv(items).split('\r\n')[4]).toMatch(/,–$/); // the unknown figure is "–", never 0
  });

  it('refuses energy and prices of absurd magnitude at parse time, never showing Infinity', () => {
    for (const energyKWh of ['1e600000000', '1e9000000000000001']) {
      const result = parseSession({ ...SPLIT_BILLING_SESSION, energyKWh });
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([['energyKWh']]);
    }
    const price = parseSession({ ...PUBLIC_SESSION, price: { inclVat: '1e600000000', currency: 'EUR' } });
    expect(price.error?.issues[0]?.message).toMatch(/too large/);
    const items = assessed([{ ...SPLIT_BILLING_SESSION, energyKWh: '999999999999999.999' }]);
    for (const csv of [activityCsv(items), cpoCsv(items)]) expect(csv).not.toMatch(/Infinity|∞/);
  });

  it('returns a failure for hostile objects, with issues that can be read', () => {
    const getter = Object.defineProperty({ ...SPLIT_BILLING_SESSION }, 'token', { get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    for (const input of [getter, proxy]) {
      const result = parseSession(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/could not be read/);
    }
    expect(assessSessions([proxy, SPLIT_BILLING_SESSION], classifier).map((a) => a.success)).toEqual([false, true]);
  });
});

describe('programmer errors throw up front, once, as ConfigError', () => {
  it('refuses a now that is not a valid Date', () => {
    const parsed = parseSession(SPLIT_BILLING_SESSION).data!;
    expect(thrown(() => classifier.classify(parsed, { now: new Date(Number.NaN) })).issues[0]?.path).toEqual(['now']);
    expect(thrown(() => assessSessions([SPLIT_BILLING_SESSION], classifier, { now: '2022-11-10' as unknown as Date })).issues[0]?.path).toEqual(['options', 'now']);
  });

  it('refuses an unknown rounding mode before any session is read, listing every bad option', () => {
    const error = thrown(() => assessSessions([], classifier, { rounding: 'nearest' as never, timeZone: 'Europe/Brusels', currency: 'euro' }));
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['options.timeZone', 'options.rounding', 'options.currency']);
    expect(() => assessStream([SPLIT_BILLING_SESSION], classifier, { rounding: 'nearest' as never })).toThrow(ConfigError);
  });

  it('refuses an unknown time zone with the same error everywhere', () => {
    const items = assessed(sampleSessions);
    for (const run of [
      () => parseSession(SPLIT_BILLING_SESSION, { timeZone: 'Mars/Olympus' }),
      () => summarize(items, { timeZone: 'Mars/Olympus' }),
      () => activityCsv(items, { timeZone: 'Mars/Olympus' }),
      () => cpoCsv([], { timeZone: 'Mars/Olympus' }),
    ]) {
      expect(thrown(run).issues.some((issue) => issue.path.includes('timeZone'))).toBe(true);
    }
  });

  it('refuses what is not a list, and never drops the hole of a sparse array', () => {
    expect(thrown(() => parseSessions({ sessions: [] } as never)).issues[0]?.path).toEqual(['inputs']);
    expect(thrown(() => parseSessions('abc' as never)).issues[0]?.path).toEqual(['inputs']);
    expect(thrown(() => assessStream('abc' as never, classifier)).issues[0]?.path).toEqual(['source']);
    const sparse: SessionInput[] = [SPLIT_BILLING_SESSION];
    sparse[2] = SPLIT_BILLING_SESSION;
    expect(parseSessions(sparse).map((r) => r.success)).toEqual([true, false, true]);
    const items = assessed([SPLIT_BILLING_SESSION]);
    const holed: AssessedSession[] = [];
    holed[1] = items[0]!;
    expect(thrown(() => activityCsv(holed)).issues[0]?.path).toEqual(['items', 0]);
    expect(thrown(() => summarize(holed)).issues[0]?.path).toEqual(['items', 0]);
  });
});

describe('ConfigError lists every problem', () => {
  it('reports a licence\'s bad status, bad validFrom and empty rate list together', () => {
    const error = thrown(() => createClassifier({ licences: [{ id: 'l', device: { chargePointId: 'x' }, status: 'bogus' as never, validFrom: 'soon', rates: [] }] }));
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['licences.0.status', 'licences.0.validFrom', 'licences.0.rates']);
  });

  it('refuses a typed array where a list is expected, with a ConfigError', () => {
    expect(thrown(() => createClassifier({ licences: new Uint8Array(2) as never })).issues[0]?.path).toEqual(['licences']);
    expect(thrown(() => createClassifier({ validity: { acceptedAuthorizations: new Uint8Array(2) as never } })).issues[0]?.path).toEqual(['validity', 'acceptedAuthorizations']);
  });

  it('refuses rate schedule ids that collide once trimmed', () => {
    const schedule = (perKWh: string) => ({ rates: [{ from: '2022-01-01', perKWh, currency: 'EUR' }] });
    const error = thrown(() => createClassifier({ rateSchedules: { 'be-fl': schedule('0.28'), ' be-fl ': schedule('0.99') } }));
    expect(error.message).toMatch(/are the same once trimmed/);
  });
});

describe('identifiers match only what they should', () => {
  const whitelisted = (listed: { uids?: string[]; contractIds?: string[]; groupIds?: string[] }, token: SessionInput['token']) =>
    createClassifier({ whitelist: [{ id: 'wl', tokens: listed, chargePoints: { ids: ['cp'] } }] }).classify(parseSession({ ...SPLIT_BILLING_SESSION, token, chargePoint: { id: 'cp' } }).data!).type;

  it('folds ASCII case only', () => {
    expect(whitelisted({ groupIds: ['SS'] }, { uid: 'AA', groupId: 'ß' })).toBe('normal');
    expect(whitelisted({ contractIds: ['NL-TST-C12345678-S'] }, { uid: 'AA', contractId: 'NL-TST-C12345678-ſ' })).toBe('normal');
    expect(whitelisted({ groupIds: ['acme'] }, { uid: 'AA', groupId: 'ACME' })).toBe('whitelist');
  });

  it('drops a 15th character only when it is the right check character', () => {
    expect(whitelisted({ contractIds: ['ABCDEFGHIJKLMNZ'] }, { uid: 'AA', contractId: 'ABCDEFGHIJKLMNO' })).toBe('normal');
    expect(whitelisted({ contractIds: ['NL-TST-C12345678'] }, { uid: 'AA', contractId: 'NL-TST-C12345678-S' })).toBe('whitelist');
  });
});

describe('money exact at any size', () => {
  it('multiplies energy by the rate exactly before the one rounding', () => {
    // energy x rate = 1e27 + 0.005 + 4.999e-36: just above half a cent, so half-even rounds up.
    // Rounded to 50 digits first, it would be exactly half a cent, and half-even would round down.
    const licence = { ...sampleConfig.licences[0]!, tokens: undefined, rates: [{ from: '2022-10-01', perKWh: '10000000000000.00000000000000000001', currency: 'EUR' }] };
    const huge = createClassifier({ licences: [licence], validity: { energyKWh: { max: '999999999999999' } } });
    const session = parseSession({ ...SPLIT_BILLING_SESSION, energyKWh: '100000000000000.0000000000000004999' }).data!;
    const cost = attributeCost(session, huge.classify(session), { rounding: 'half-even' });
    expect(cost.reimbursement.amount.toFixed()).toBe('1000000000000000000000000000.01');
    expect(cost.basis?.exactAmount.amount.toFixed()).toBe('1000000000000000000000000000.005000000000000000000000000000000004999');
  });

  it('sums next to 1e48 without losing a cent', () => {
    expect(sumMoney([money('1e48', 'EUR'), money('0.01', 'EUR')], 'EUR').amount.toFixed()).toBe(`1${'0'.repeat(48)}.01`);
    expect(roundMoney(money(`1${'0'.repeat(48)}.005`, 'EUR')).amount.toFixed()).toBe(`1${'0'.repeat(48)}.01`);
  });

  it('shows amounts with the minor unit they are rounded to', () => {
    expect(roundMoney(money('1234.565', 'HUF')).amount.toString()).toBe('1234.57');
    expect(formatMoney(new Decimal('1234.57'), 'HUF')).toBe('HUF\u00a01,234.57');
  });
});

describe('summaries never throw on data', () => {
  it('totals two currencies apart', () => {
    const items = assessed([SPLIT_BILLING_SESSION, { ...PUBLIC_SESSION, price: { inclVat: '12.50', currency: 'CHF' } }]);
    const summary = summarize(items);
    expect(summary.total.reimbursement.amount.toString()).toBe('2.44');
    expect(summary.total.otherCurrencies['CHF']?.operationalBudget.amount.toString()).toBe('12.5');
  });
});

describe('results cannot change the classifier', () => {
  it('hands out frozen entries, and answers the same after a caller tampers with them', () => {
    const session = parseSession(SPLIT_BILLING_SESSION).data!;
    const first = classifier.classify(session);
    expect(first.type).toBe('split-billing');
    expect(Object.isFrozen(first.licence)).toBe(true);
    expect(() => {
      (first.licence as { status: string }).status = 'cancelled';
    }).toThrow(TypeError);
    // A Date cannot be frozen: moving the licence's start does not move what the classifier decides.
    first.licence!.period.from!.setTime(Date.parse('2030-01-01'));
    expect(classifier.classify(session).type).toBe('split-billing');
    first.licence!.rates.rates[0]!.from.setTime(Date.parse('2030-01-01'));
    expect(attributeCost(session, classifier.classify(session)).reimbursement.amount.toString()).toBe('2.44');
  });

  it('keeps the rates of a licence handed out before any cost was attributed, whether by a classification or by the configuration', () => {
    const session = parseSession(SPLIT_BILLING_SESSION).data!;
    const fresh = createClassifier(sampleConfig);
    fresh.classify(session).licence!.rates.rates[0]!.from.setTime(Date.parse('2030-01-01'));
    expect(attributeCost(session, fresh.classify(session)).reimbursement.amount.toString()).toBe('2.44');
    const configured = createClassifier(sampleConfig);
    for (const licence of configured.config.licences) for (const rate of licence.rates.rates) rate.from.setTime(Date.parse('2030-01-01'));
    expect(attributeCost(session, configured.classify(session)).reimbursement.amount.toString()).toBe('2.44');
  });
});
