import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { assessSessions, type AssessOptions, type AssessedSession } from '../../src/assess/assess';
import { Exact } from '../../src/model/decimal';
import { createClassifier } from '../../src/classify/classifier';
import type { ClassifierConfigInput } from '../../src/classify/config';
import type { LicenceInput } from '../../src/matchers/licence';
import { ConfigError } from '../../src/errors';
import type { SessionInput } from '../../src/model/session';
import { reimbursementStatements, statementCsv, statementRows, type ReimbursementStatement } from '../../src/report/statements';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { POOL, decimalTextArb } from '../../src/testing';
import { wallDateTime } from '../support/wall-clock';

/** Assesses session inputs, failing the test when one does not parse. */
function assess(inputs: readonly unknown[], config: ClassifierConfigInput, options: AssessOptions = {}): AssessedSession[] {
  return assessSessions(inputs, createClassifier(config), options).map((a) => {
    if (!a.success) throw new Error(`input ${a.index} did not parse: ${JSON.stringify(a.error.issues)}`);
    return a;
  });
}

const sample = assess(sampleSessions, sampleConfig);
const read = (text: string): string[][] => parse(text, { bom: false, relax_quotes: false }) as string[][];

/** A licence on a charge point, open from 2000, at 0.6654 EUR/kWh. */
const licence = (id: string, chargePointId: string, employeeId?: string, rates: LicenceInput['rates'] = [{ from: '2000-01-01', perKWh: '0.6654', currency: 'EUR' }]) => ({
  id,
  ...(employeeId === undefined ? {} : { employeeId }),
  device: { chargePointId },
  status: 'active' as const,
  validFrom: '2000-01-01',
  timeZone: 'Europe/Brussels',
  rates,
});

/** A valid home session at a charge point. */
const home = (id: string, chargePointId: string, startedAt: string, energyKWh: string | null = '7.334'): SessionInput => ({
  id,
  startedAt,
  endedAt: new Date(Date.parse(startedAt) + 20 * 60_000).toISOString(),
  energyKWh,
  token: { uid: '04A23B5C' },
  chargePoint: { id: chargePointId },
});

describe('reimbursementStatements', () => {
  it("gives the release's November 2022 statement: 2.44 + 4.88 = 7.32 EUR for the test user", () => {
    const statements = reimbursementStatements(sample, { month: '2022-11', timeZone: 'Europe/Brussels' });
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement).toMatchObject({ employeeId: 'test-user', licenceIds: ['lic-home-42'], month: '2022-11', timeZone: 'Europe/Brussels', currency: 'EUR', flags: [] });
    expect(statement!.from.toISOString()).toBe('2022-10-31T23:00:00.000Z');
    expect(statement!.until.toISOString()).toBe('2022-11-30T23:00:00.000Z');
    expect(JSON.parse(JSON.stringify(statement!.lines))).toEqual([
      {
        sessionId: 'rel-1',
        licenceId: 'lic-home-42',
        startedAt: '2022-11-10T13:50:16.000Z',
        endedAt: '2022-11-10T14:05:18.000Z',
        energyKWh: '3.667',
        ratePerKWh: '0.6654',
        rateFrom: '2022-09-30T22:00:00.000Z',
        rateUntil: null,
        amount: { amount: '2.44', currency: 'EUR' },
        flags: [],
      },
      {
        sessionId: 'rel-4',
        licenceId: 'lic-home-42',
        startedAt: '2022-11-09T06:30:37.000Z',
        endedAt: '2022-11-09T06:50:39.000Z',
        energyKWh: '7.334',
        ratePerKWh: '0.6654',
        rateFrom: '2022-09-30T22:00:00.000Z',
        rateUntil: null,
        amount: { amount: '4.88', currency: 'EUR' },
        flags: [],
      },
    ]);
    expect(statement!.energyKWh.toString()).toBe('11.001');
    expect(statement!.total.amount.toString()).toBe('7.32');
    expect(statement!.total.currency).toBe('EUR');
  });
  it('gives no statement for a month without split billing', () => {
    expect(reimbursementStatements(sample, { month: '2022-10' })).toEqual([]);
    expect(reimbursementStatements(sample, { month: '2022-12' })).toEqual([]);
    expect(reimbursementStatements([], { month: '2022-11' })).toEqual([]);
  });
  it('puts a session in the month of its local start, not its UTC start', () => {
    const config = { licences: [licence('lic-1', 'cp-1', 'e-1')] };
    // 00:30 on 1 November in Brussels is still 31 October in UTC.
    const items = assess([home('s-1', 'cp-1', '2022-11-01T00:30:00+01:00')], config);
    expect(reimbursementStatements(items, { month: '2022-11', timeZone: 'Europe/Brussels' })).toHaveLength(1);
    expect(reimbursementStatements(items, { month: '2022-10', timeZone: 'Europe/Brussels' })).toEqual([]);
    expect(reimbursementStatements(items, { month: '2022-10', timeZone: 'UTC' })).toHaveLength(1);
    expect(reimbursementStatements(items, { month: '2022-11', timeZone: 'UTC' })).toEqual([]);
  });
  it('groups by employee across licences; a licence without an employee gets a statement of its own', () => {
    const config = {
      licences: [licence('lic-home', 'cp-home', 'e-2'), licence('lic-cable', 'cp-cable', 'e-2'), licence('lic-a', 'cp-a'), licence('lic-b', 'cp-b'), licence('lic-c', 'cp-c', 'e-1')],
    };
    const at = '2022-11-15T18:00:00+01:00';
    const items = assess(['cp-b', 'cp-home', 'cp-a', 'cp-cable', 'cp-c'].map((cp, i) => home(`s-${i}`, cp, at)), config);
    const statements = reimbursementStatements(items, { month: '2022-11' });
    expect(statements.map((s) => [s.employeeId, s.licenceIds, s.lines.map((line) => line.sessionId)])).toEqual([
      ['e-1', ['lic-c'], ['s-4']],
      ['e-2', ['lic-cable', 'lic-home'], ['s-1', 's-3']],
      [null, ['lic-a'], ['s-2']],
      [null, ['lic-b'], ['s-0']],
    ]);
    expect(statements[1]!.total.amount.toString()).toBe('9.76');
  });
  it('lists a session whose amount is unknown, without an amount, and flags the statement', () => {
    const config = { licences: [licence('lic-1', 'cp-1', 'e-1')] };
    const items = assess([home('s-1', 'cp-1', '2022-11-15T18:00:00+01:00'), home('s-2', 'cp-1', '2022-11-16T18:00:00+01:00', null)], {
      ...config,
      validity: { requireEnergy: false },
    });
    const [statement] = reimbursementStatements(items, { month: '2022-11' });
    expect(statement!.lines.map((line) => [line.sessionId, line.amount?.amount.toString() ?? null, line.flags])).toEqual([
      ['s-1', '4.88', []],
      ['s-2', null, ['energy-missing']],
    ]);
    expect(statement!.flags).toEqual(['energy-missing']);
    expect(statement!.total.amount.toString()).toBe('4.88');
    expect(statementRows(statement!)[1]).toMatchObject({ sessionId: 's-2', energy: '–', rate: '–', amount: '–' });
  });
  it('keeps the statements of one employee apart per currency', () => {
    const config = { licences: [licence('lic-eur', 'cp-1', 'e-1'), licence('lic-chf', 'cp-2', 'e-1', [{ from: '2000-01-01', perKWh: '0.30', currency: 'CHF' }])] };
    const items = assess([home('s-1', 'cp-1', '2022-11-15T18:00:00+01:00'), home('s-2', 'cp-2', '2022-11-15T18:00:00+01:00')], config);
    const statements = reimbursementStatements(items, { month: '2022-11' });
    expect(statements.map((s) => [s.employeeId, s.currency, s.total.amount.toString()])).toEqual([
      ['e-1', 'CHF', '2.2'],
      ['e-1', 'EUR', '4.88'],
    ]);
  });
  it('refuses bad options with one ConfigError listing each, even without items', () => {
    try {
      reimbursementStatements([], { month: '2022-13', timeZone: 'Europe/Brussel' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual([['month'], ['timeZone']]);
    }
    for (const month of ['2022-1', '2022-00', '22-11', 'November', ' 2022-11']) {
      expect(() => reimbursementStatements([], { month })).toThrow(/month: expected a calendar month such as "2022-11"/);
    }
    expect(() => reimbursementStatements([], undefined as never)).toThrow(ConfigError);
  });
});

describe('statementRows and statementCsv', () => {
  const [statement] = reimbursementStatements(sample, { month: '2022-11', timeZone: 'Europe/Brussels' }) as [ReimbursementStatement];
  it('writes the payment request as CSV, the total last', () => {
    expect(statementCsv(statement)).toBe(
      'Employee,Session,Start,End,Licence,Energy,Rate,Amount\r\n' +
        'test-user,rel-1,2022-11-10 14:50,2022-11-10 15:05,lic-home-42,3.667 kWh,€0.6654/kWh,€2.44\r\n' +
        'test-user,rel-4,2022-11-09 07:30,2022-11-09 07:50,lic-home-42,7.334 kWh,€0.6654/kWh,€4.88\r\n' +
        'test-user,Total,,,,11.001 kWh,,€7.32\r\n',
    );
  });
  it('writes it in the locale', () => {
    expect(read(statementCsv(statement, { locale: 'fr-BE' }))).toEqual([
      ['Employé', 'Session', 'Début', 'Fin', 'Licence', 'Énergie', 'Tarif', 'Montant'],
      ['test-user', 'rel-1', '2022-11-10 14:50', '2022-11-10 15:05', 'lic-home-42', '3,667 kWh', '0,6654\u00a0€/kWh', '2,44\u00a0€'],
      ['test-user', 'rel-4', '2022-11-09 07:30', '2022-11-09 07:50', 'lic-home-42', '7,334 kWh', '0,6654\u00a0€/kWh', '4,88\u00a0€'],
      ['test-user', 'Total', '', '', '', '11,001 kWh', '', '7,32\u00a0€'],
    ]);
    expect(statementRows(statement, { locale: 'de' }).at(-1)).toEqual({
      employeeId: 'test-user',
      sessionId: 'Gesamt',
      start: '',
      end: '',
      licenceId: '',
      energy: '11,001 kWh',
      rate: '',
      amount: '7,32\u00a0€',
    });
  });
  it('refuses an unknown locale', () => {
    expect(() => statementCsv(statement, { locale: 'es' })).toThrow(ConfigError);
  });
});

describe('properties', () => {
  const TIME_ZONES = ['Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago', 'America/Havana'];
  const MONTH_STARTS = Array.from({ length: 36 }, (_, i) => Date.UTC(2021, i, 1));
  const HOUR = 3_600_000;
  /** Starts near a month's turn somewhere on Earth (UTC-11 to UTC+14), and anywhere in 2021-2023. */
  const startArb = fc.oneof(
    fc.tuple(fc.constantFrom(...MONTH_STARTS), fc.integer({ min: -16 * HOUR, max: 16 * HOUR })).map(([turn, offset]) => turn + offset),
    fc.integer({ min: MONTH_STARTS[0]!, max: MONTH_STARTS.at(-1)! }),
  );
  const sessionsArb = fc.array(
    fc.record({
      startMs: startArb,
      chargePoint: fc.constantFrom(...POOL.chargePointIds, 'public-1'),
      energyKWh: decimalTextArb(0, 120, 3),
      minutes: fc.integer({ min: 2, max: 600 }),
    }),
    { maxLength: 25 },
  );
  const caseArb = fc.record({
    sessions: sessionsArb,
    employees: fc.tuple(...POOL.chargePointIds.map(() => fc.option(fc.constantFrom('e-1', 'e-2'), { nil: undefined }))),
    perKWh: fc.tuple(...POOL.chargePointIds.map(() => decimalTextArb(0, 1, 4))),
    rounding: fc.constantFrom('half-up' as const, 'half-even' as const, 'down' as const),
    timeZone: fc.constantFrom(...TIME_ZONES),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const assessCase = ({ sessions, employees, perKWh, rounding }: Case): AssessedSession[] =>
    assess(
      sessions.map((s, i) => ({
        id: `s-${i}`,
        startedAt: new Date(s.startMs).toISOString(),
        endedAt: new Date(s.startMs + s.minutes * 60_000).toISOString(),
        energyKWh: s.energyKWh,
        token: { uid: '04A23B5C' },
        chargePoint: { id: s.chargePoint },
      })),
      { licences: POOL.chargePointIds.map((cp, i) => licence(`lic-${i}`, cp, employees[i], [{ from: '2000-01-01', perKWh: perKWh[i]!, currency: 'EUR' }])) },
      { rounding },
    );
  const localMonth = (ms: number, timeZone: string) => wallDateTime(ms, timeZone).date.slice(0, 7);
  const neighbours = (month: string): string[] => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return [-1, 0, 1].map((d) => {
      const date = new Date(Date.UTC(y, m - 1 + d, 1));
      return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    });
  };
  /** Cents of a money amount, read digit by digit from its text (at most two decimals). */
  const cents = (text: string): bigint => {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
    if (!match) throw new Error(`${text} is not an amount in cents`);
    const value = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
    return match[1] ? -value : value;
  };

  it('a statement total equals the sum of its rows, to the cent; its energy the sum of the rows’ energy', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const items = assessCase(c);
        const months = new Set(items.map((item) => localMonth(item.session.startedAt.getTime(), c.timeZone)));
        for (const month of months) {
          for (const statement of reimbursementStatements(items, { month, timeZone: c.timeZone })) {
            const sum = statement.lines.reduce((total, line) => total + cents(line.amount!.amount.toFixed()), 0n);
            expect(cents(statement.total.amount.toFixed())).toBe(sum);
            expect(statement.energyKWh.equals(statement.lines.reduce((total, line) => total.plus(line.energyKWh!), new Exact(0)))).toBe(true);
            expect(statement.lines.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a split billing session is in exactly one month’s statement, the month of its local start, whatever the time zone', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const items = assessCase(c);
        const splitBilling = items.filter((item) => item.classification.type === 'split-billing');
        const months = new Set(splitBilling.flatMap((item) => neighbours(localMonth(item.session.startedAt.getTime(), c.timeZone))));
        const seen = new Map<string, string[]>();
        for (const month of months) {
          for (const statement of reimbursementStatements(items, { month, timeZone: c.timeZone })) {
            for (const line of statement.lines) seen.set(line.sessionId, [...(seen.get(line.sessionId) ?? []), month]);
          }
        }
        expect(seen.size).toBe(splitBilling.length);
        for (const item of splitBilling) {
          expect(seen.get(item.session.id)).toEqual([localMonth(item.session.startedAt.getTime(), c.timeZone)]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
