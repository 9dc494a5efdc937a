import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSession } from '../../src/model/session';
import { fromOcpiSession } from '../../src/ocpi/from-session';
import type { OcpiReadResult } from '../../src/ocpi/warnings';
import { SESSION_211, SESSION_221, SESSION_230, SESSION_BY_HAND, without } from './fixtures';

const byHand = (extra: Record<string, unknown> = {}) => parseSession({ ...SESSION_BY_HAND, ...extra }).data;
const issuesOf = (result: OcpiReadResult<unknown>) => (result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })));
const withoutEvseId = { ...SESSION_BY_HAND.chargePoint, evseId: undefined };

describe('fromOcpiSession', () => {
  it('reads a finished 2.2.1 Session: kwh, the top-level location, EVSE and connector, the CPO as operator', () => {
    const result = fromOcpiSession(SESSION_221);
    expect(result).toEqual({ success: true, data: byHand({ chargePoint: withoutEvseId }), warnings: [] });
  });

  it('reads the same Session in 2.3.0 the same way', () => {
    const result = fromOcpiSession(SESSION_230);
    expect(JSON.stringify(result.data)).toEqual(JSON.stringify(byHand({ chargePoint: withoutEvseId })));
    expect(result.warnings).toEqual([]);
  });

  it('reads a 2.1.1 Session: start_datetime, end_datetime, kwh, auth_id, the location', () => {
    const result = fromOcpiSession(SESSION_211);
    expect(result).toEqual({
      success: true,
      data: byHand({
        token: { uid: 'NL-TST-C12345678-S', contractId: 'NL-TST-C12345678-S' },
        chargePoint: { id: 'cp_test2', evseId: 'BE*MBF*E000001', connectorId: '1', locationId: 'home-42' },
        price: { exclVat: '2.0165', currency: 'EUR' },
      }),
      warnings: [],
    });
  });

  it.each(['PENDING', 'ACTIVE', 'RESERVATION'])('refuses a %s Session as not finished, never inventing an end', (status) => {
    const result = fromOcpiSession({ ...without(SESSION_221, 'end_date_time'), status });
    expect(issuesOf(result)).toEqual([{ path: ['status'], message: `the Session is "${status}", not finished: only a COMPLETED Session can be read (or its CDR); it is never given an end` }]);
    // An end date-time does not make an unfinished Session finished.
    expect(fromOcpiSession({ ...SESSION_221, status }).success).toBe(false);
    expect(fromOcpiSession({ ...SESSION_211, status }).success).toBe(false);
  });

  it('refuses an INVALID Session, and one without a status', () => {
    expect(issuesOf(fromOcpiSession({ ...SESSION_221, status: 'INVALID' }))[0]?.message).toMatch(/declared this Session INVALID/);
    expect(issuesOf(fromOcpiSession(without(SESSION_221, 'status')))[0]?.path).toEqual(['status']);
  });

  it('a COMPLETED Session without an end is refused at its end field', () => {
    expect(issuesOf(fromOcpiSession(without(SESSION_221, 'end_date_time'))).map((issue) => issue.path)).toEqual([['end_date_time']]);
    expect(issuesOf(fromOcpiSession(without(SESSION_211, 'end_datetime'))).map((issue) => issue.path)).toEqual([['end_datetime']]);
  });

  it('a Session without an EVSE or a token names the gap', () => {
    expect(issuesOf(fromOcpiSession(without(SESSION_221, 'evse_uid', 'cdr_token'))).map((issue) => issue.path)).toEqual([['cdr_token'], ['evse_uid']]);
  });

  it('kwh null is no meter reading', () => {
    expect(fromOcpiSession({ ...SESSION_221, kwh: null }).data?.energyKWh).toBeNull();
  });

  it('charging periods are checked against the timestamps, total_time is a CDR\'s alone', () => {
    const periods = [{ start_date_time: '2022-11-10T13:50:16Z', dimensions: [{ type: 'TIME', volume: 1 }] }];
    expect(fromOcpiSession({ ...SESSION_221, charging_periods: periods, total_time: 9 }).warnings.map((warning) => warning.code)).toEqual(['charging-periods-mismatch']);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...Object.keys(SESSION_221), 'start_datetime', 'kwh'), fc.anything())), (input) => {
        expect(typeof fromOcpiSession(input).success).toBe('boolean');
      }),
    );
  });
});
