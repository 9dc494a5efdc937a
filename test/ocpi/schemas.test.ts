import { describe, expect, it } from 'vitest';
import { ocpiCdrSchemas, ocpiSessionSchemas, ocpiTokenSchemas } from '../../src/ocpi/schemas';
import { detectOcpiVersion } from '../../src/ocpi/version';
import { CDR_211, CDR_221, CDR_230, SESSION_211, SESSION_221, SESSION_230, TOKEN_211, TOKEN_221, without } from './fixtures';

describe('OCPI schemas', () => {
  it('accept the fixtures of their own version, and only those', () => {
    const cdrs = { '2.1.1': CDR_211, '2.2.1': CDR_221, '2.3.0': CDR_230 } as const;
    const sessions = { '2.1.1': SESSION_211, '2.2.1': SESSION_221, '2.3.0': SESSION_230 } as const;
    for (const version of ['2.1.1', '2.2.1', '2.3.0'] as const) {
      for (const other of ['2.1.1', '2.2.1', '2.3.0'] as const) {
        expect(ocpiCdrSchemas[version].safeParse(cdrs[other]).success).toBe(version === other);
        expect(ocpiSessionSchemas[version].safeParse(sessions[other]).success).toBe(version === other);
      }
    }
    expect(ocpiTokenSchemas['2.1.1'].safeParse(TOKEN_211).success).toBe(true);
    expect(ocpiTokenSchemas['2.2.1'].safeParse(TOKEN_221).success).toBe(true);
    expect(ocpiTokenSchemas['2.3.0'].safeParse(TOKEN_211).success).toBe(false);
  });

  it('refuse the defects the adapters read with a warning', () => {
    const schema = ocpiCdrSchemas['2.2.1'];
    expect(schema.safeParse({ ...CDR_221, cdr_token: without(CDR_221.cdr_token, 'country_code', 'party_id') }).error?.issues.map((issue) => issue.path)).toEqual([
      ['cdr_token', 'country_code'],
      ['cdr_token', 'party_id'],
    ]);
    expect(schema.safeParse({ ...CDR_221, total_cost: { excl_vat: '2.0165' } }).success).toBe(false);
    expect(schema.safeParse({ ...CDR_221, start_date_time: '2022-11-10T14:50:16+01:00' }).success).toBe(false);
    expect(schema.safeParse({ ...CDR_221, start_date_time: '2022-11-10T13:50:16' }).success).toBe(true);
  });

  it('keep unknown fields: OCPI objects carry extensions', () => {
    expect(ocpiCdrSchemas['2.3.0'].parse({ ...CDR_230, authorization_id: 'x' })).toHaveProperty('authorization_id', 'x');
  });
});

describe('detectOcpiVersion', () => {
  it.each([
    [CDR_211, 'cdr', '2.1.1'],
    [CDR_221, 'cdr', '2.2.1'],
    [CDR_230, 'cdr', '2.3.0'],
    [SESSION_211, 'session', '2.1.1'],
    [SESSION_221, 'session', '2.2.1'],
    [SESSION_230, 'session', '2.3.0'],
    [TOKEN_211, 'token', '2.1.1'],
    [TOKEN_221, 'token', '2.2.1'],
  ] as const)('reads the version from the shape (%#)', (object, kind, version) => {
    expect(detectOcpiVersion(object, kind)).toEqual({ version, certain: true });
  });

  it('is not certain when the shape names no version, or both', () => {
    expect(detectOcpiVersion({ id: '1' }, 'cdr')).toEqual({ version: '2.2.1', certain: false });
    expect(detectOcpiVersion({ auth_id: 'A', end_date_time: '2022-11-10T14:05:18Z' }, 'cdr')).toEqual({ version: '2.1.1', certain: false });
    expect(detectOcpiVersion({ auth_id: 'A', cdr_token: {} }, 'cdr')).toEqual({ version: '2.2.1', certain: false });
  });
});
