import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, homeChargingCompensationFor } from '../../src/classify/classifier';
import { parseSession } from '../../src/model/session';
import { fromOcpiCdr } from '../../src/ocpi/from-cdr';
import { ocpiCdrSchemas } from '../../src/ocpi/schemas';
import type { OcpiReadResult } from '../../src/ocpi/warnings';
import { CDR_211, CDR_221, CDR_230, SESSION_BY_HAND, without } from './fixtures';

/** The session a result holds; fails the test when refused. */
function sessionOf<T>(result: OcpiReadResult<T>): T {
  if (!result.success) throw new Error(`refused: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

const byHand = (extra: Record<string, unknown> = {}) => {
  const parsed = parseSession({ ...SESSION_BY_HAND, ...extra });
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
};

const issuesOf = (result: OcpiReadResult<unknown>) => (result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })));
const codesOf = (result: OcpiReadResult<unknown>) => result.warnings.map((warning) => warning.code);

describe('fromOcpiCdr: the mapping, field by field', () => {
  it('reads a 2.2.1 CDR as parseSession reads the same session written by hand, without warnings', () => {
    const result = fromOcpiCdr(CDR_221);
    expect(sessionOf(result)).toEqual(byHand());
    expect(result.warnings).toEqual([]);
  });

  it('reads the same CDR in 2.3.0 the same way: incl. VAT is before_taxes plus the taxes', () => {
    const result = fromOcpiCdr(CDR_230);
    expect(sessionOf(result)).toEqual(byHand());
    expect(sessionOf(result).price?.inclVat?.toString()).toBe('2.44');
    expect(result.warnings).toEqual([]);
  });

  it('reads the same CDR in 2.1.1: auth_id is the contract id and the uid, total_cost is excl. VAT, no operator', () => {
    const result = fromOcpiCdr(CDR_211);
    expect(sessionOf(result)).toEqual(
      byHand({
        token: { uid: 'NL-TST-C12345678-S', contractId: 'NL-TST-C12345678-S' },
        chargePoint: { id: 'cp_test2', evseId: 'BE*MBF*E000001', connectorId: '1', locationId: 'home-42' },
        price: { exclVat: '2.0165', currency: 'EUR' },
      }),
    );
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['id', 'id', 'x-1', { id: 'x-1' }],
    ['start_date_time', 'startedAt', '2022-11-10T13:50:00Z', { startedAt: '2022-11-10T13:50:00Z' }],
    ['end_date_time', 'endedAt', '2022-11-10T14:10:00Z', { endedAt: '2022-11-10T14:10:00Z' }],
    ['total_energy', 'energyKWh', 11.001, { energyKWh: '11.001' }],
    ['auth_method', 'authMethod', 'COMMAND', { authMethod: 'COMMAND' }],
    ['home_charging_compensation', 'homeChargingCompensation', true, { homeChargingCompensation: true }],
    ['currency', 'price.currency', 'USD', { price: { ...SESSION_BY_HAND.price, currency: 'USD' } }],
  ])('2.2.1 %s is the session\'s %s', (field, _sessionField, value, expected) => {
    expect(sessionOf(fromOcpiCdr({ ...CDR_221, [field]: value }))).toEqual(byHand(expected));
  });

  it.each([
    ['uid', { token: { ...SESSION_BY_HAND.token, uid: 'AABBCCDD' } }, 'AABBCCDD'],
    ['contract_id', { token: { ...SESSION_BY_HAND.token, contractId: 'BE-MBF-C12345678-S' } }, 'BE-MBF-C12345678-S'],
    ['type', { token: { ...SESSION_BY_HAND.token, type: 'APP_USER' } }, 'APP_USER'],
  ])('cdr_token.%s maps to the token', (field, expected, value) => {
    expect(sessionOf(fromOcpiCdr({ ...CDR_221, cdr_token: { ...CDR_221.cdr_token, [field]: value } }))).toEqual(byHand(expected));
  });

  it.each([
    ['evse_uid', 'id'],
    ['evse_id', 'evseId'],
    ['connector_id', 'connectorId'],
    ['id', 'locationId'],
  ])('cdr_location.%s is the charge point\'s %s', (field, chargePointField) => {
    const session = sessionOf(fromOcpiCdr({ ...CDR_221, cdr_location: { ...CDR_221.cdr_location, [field]: 'changed' } }));
    expect(session.chargePoint).toEqual({ ...SESSION_BY_HAND.chargePoint, [chargePointField]: 'changed' });
  });

  it('the operator is the CPO\'s country_code*party_id, never the token\'s', () => {
    expect(sessionOf(fromOcpiCdr({ ...CDR_221, country_code: 'NL', party_id: 'ALF' })).chargePoint.operatorId).toBe('NL*ALF');
  });

  it('2.1.1: the charge point comes from the location\'s EVSE and connector', () => {
    const location = { ...CDR_211.location, id: 'site-9', evses: [{ ...CDR_211.location.evses[0], uid: 'evse-9', evse_id: 'BE*MBF*E9', connectors: [{ id: '2' }] }] };
    expect(sessionOf(fromOcpiCdr({ ...CDR_211, location })).chargePoint).toEqual({ id: 'evse-9', evseId: 'BE*MBF*E9', connectorId: '2', locationId: 'site-9' });
  });

  it('2.1.1 ignores 2.2.1 fields such as home_charging_compensation', () => {
    expect(sessionOf(fromOcpiCdr({ ...CDR_211, home_charging_compensation: true })).homeChargingCompensation).toBeUndefined();
  });

  it('a token is accepted: a CDR exists only for an authorised session', () => {
    expect(sessionOf(fromOcpiCdr(CDR_221)).token.authorization).toBe('Accepted');
    expect(sessionOf(fromOcpiCdr(CDR_211)).token.authorization).toBe('Accepted');
  });

  it('userIdFor gives the user of the token, with the CDR at hand', () => {
    const seen: unknown[] = [];
    const session = sessionOf(fromOcpiCdr(CDR_221, { userIdFor: (token, cdr) => (seen.push(cdr), token.uid === '04A23B5C' ? 'u-1' : undefined) }));
    expect(session).toEqual(byHand({ userId: 'u-1' }));
    expect(seen).toEqual([CDR_221]);
    expect(sessionOf(fromOcpiCdr(CDR_221, { userIdFor: () => undefined })).userId).toBeUndefined();
    expect(issuesOf(fromOcpiCdr(CDR_221, { userIdFor: () => ' ' }))).toEqual([{ path: ['userId'], message: 'userIdFor gave " ": the user id is empty' }]);
  });
});

describe('fromOcpiCdr: versions', () => {
  it('detects each version from the shape, and reads as told when told', () => {
    expect(fromOcpiCdr(CDR_211, { version: '2.1.1' }).warnings).toEqual([]);
    expect(fromOcpiCdr(CDR_230, { version: '2.3.0' }).warnings).toEqual([]);
    const told = fromOcpiCdr(CDR_230, { version: '2.2.1' });
    expect(codesOf(told)).toEqual(['version-mismatch']);
    expect(issuesOf(told)).toEqual([{ path: ['total_cost'], message: 'a price needs exclVat or inclVat (or both)' }]);
  });

  it('a CDR whose shape names no version is read as 2.2.1, with a warning', () => {
    const result = fromOcpiCdr({ id: 'x' });
    expect(codesOf(result)[0]).toBe('version-assumed');
    expect(result.warnings[0]?.message).toContain('OCPI 2.2.1');
  });

  it('throws ConfigError, before reading, for an unknown version or a userIdFor that is no function', () => {
    expect(() => fromOcpiCdr(CDR_221, { version: '2.2' as never })).toThrow(/version: unknown OCPI version "2.2"/);
    expect(() => fromOcpiCdr(CDR_221, { userIdFor: 'u-1' as never })).toThrow(expect.objectContaining({ name: 'ConfigError', issues: [expect.objectContaining({ path: ['userIdFor'] })] }));
  });
});

describe('fromOcpiCdr: real-world shapes, each read as the spec says and reported', () => {
  it('a timestamp without a zone designator is UTC', () => {
    const result = fromOcpiCdr({ ...CDR_221, start_date_time: '2022-11-10T13:50:16', end_date_time: '2022-11-10T14:05:18.000' });
    expect(sessionOf(result)).toEqual(byHand());
    expect(result.warnings).toEqual([]);
  });

  it('a timestamp with another offset is the instant it names, with timestamp-not-utc', () => {
    const result = fromOcpiCdr({ ...CDR_221, start_date_time: '2022-11-10T14:50:16+01:00' });
    expect(sessionOf(result)).toEqual(byHand());
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'timestamp-not-utc', path: ['start_date_time'] })]);
    expect(codesOf(fromOcpiCdr({ ...CDR_221, start_date_time: '2022-11-10T13:50:16+00:00' }))).toEqual([]);
  });

  it('2.3.0: incl. VAT only when taxes are listed', () => {
    for (const total_cost of [{ before_taxes: 2.0165 }, { before_taxes: 2.0165, taxes: [] }]) {
      const session = sessionOf(fromOcpiCdr({ ...CDR_230, total_cost }));
      expect(session.price).toEqual(byHand({ price: { exclVat: '2.0165', currency: 'EUR' } }).price);
    }
    const twoTaxes = { before_taxes: 10, taxes: [{ name: 'VAT', amount: 2.1 }, { name: 'levy', amount: 0.0001 }] };
    expect(sessionOf(fromOcpiCdr({ ...CDR_230, total_cost: twoTaxes })).price?.inclVat?.toString()).toBe('12.1001');
  });

  it('2.3.0: an unreadable tax is an issue at its own path', () => {
    const result = fromOcpiCdr({ ...CDR_230, total_cost: { before_taxes: 2, taxes: [{ name: 'VAT', amount: 0.42 }, { name: 'levy' }] } });
    expect(issuesOf(result)).toEqual([{ path: ['total_cost', 'taxes', 1, 'amount'], message: 'expected a decimal number such as "3.667", received nothing' }]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_230, total_cost: { before_taxes: 2, taxes: { amount: 1 } } }))).toEqual([
      { path: ['total_cost', 'taxes'], message: 'expected taxes as a list of tax amounts, received an object' },
    ]);
  });

  it('prices and energy written as strings are read exactly, each with number-as-string', () => {
    const result = fromOcpiCdr({ ...CDR_221, total_cost: { excl_vat: '2.0165', incl_vat: '2.44' }, total_energy: '3.667' });
    expect(sessionOf(result)).toEqual(byHand());
    expect(result.warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ['number-as-string', ['total_energy']],
      ['number-as-string', ['total_cost', 'excl_vat']],
      ['number-as-string', ['total_cost', 'incl_vat']],
    ]);
    const taxes = fromOcpiCdr({ ...CDR_230, total_cost: { before_taxes: '2.0165', taxes: [{ name: 'VAT', amount: '0.4235' }] } });
    expect(sessionOf(taxes)).toEqual(byHand());
    expect(codesOf(taxes)).toEqual(['number-as-string', 'number-as-string']);
    expect(codesOf(fromOcpiCdr({ ...CDR_211, total_cost: '2.0165' }))).toEqual(['number-as-string']);
  });

  it('total_time that disagrees with the timestamps: the timestamps are used, with total-time-mismatch', () => {
    const result = fromOcpiCdr({ ...CDR_221, total_time: 0.0167, charging_periods: [] });
    expect(sessionOf(result)).toEqual(byHand());
    expect(result.warnings).toEqual([
      { code: 'total-time-mismatch', message: 'total_time is 0.0167 h, but the timestamps are 0.2506 h apart; the timestamps are used', path: ['total_time'] },
    ]);
    // Within 0.001 h (3.6 s) of the timestamps: what rounding to 4 decimals and whole seconds allow.
    expect(codesOf(fromOcpiCdr({ ...CDR_221, total_time: 0.2515 }))).toEqual([]);
    expect(codesOf(fromOcpiCdr({ ...CDR_221, total_time: 0.2516 }))).toEqual(['total-time-mismatch']);
  });

  it('charging periods that disagree with the timestamps give charging-periods-mismatch', () => {
    const outside = fromOcpiCdr({ ...CDR_221, charging_periods: [{ start_date_time: '2022-11-10T13:00:00Z', dimensions: [{ type: 'ENERGY', volume: 3.667 }] }] });
    expect(outside.warnings).toEqual([expect.objectContaining({ code: 'charging-periods-mismatch', path: ['charging_periods', 0, 'start_date_time'] })]);
    const volumes = fromOcpiCdr({
      ...CDR_221,
      charging_periods: [
        { start_date_time: '2022-11-10T13:50:16Z', dimensions: [{ type: 'TIME', volume: 0.2 }] },
        { start_date_time: '2022-11-10T13:55:16Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.1672 }] },
      ],
    });
    expect(volumes.warnings).toEqual([expect.objectContaining({ code: 'charging-periods-mismatch', path: ['charging_periods', 0, 'dimensions'] })]);
    const order = fromOcpiCdr({
      ...CDR_221,
      charging_periods: [
        { start_date_time: '2022-11-10T14:00:00Z', dimensions: [{ type: 'ENERGY', volume: 1 }] },
        { start_date_time: '2022-11-10T13:50:16Z', dimensions: [{ type: 'ENERGY', volume: 2.667 }] },
      ],
    });
    expect(order.warnings).toEqual([expect.objectContaining({ code: 'charging-periods-mismatch', path: ['charging_periods', 1, 'start_date_time'] })]);
    expect(codesOf(fromOcpiCdr({ ...CDR_221, charging_periods: [{ start_date_time: 'soon', dimensions: [] }] }))).toEqual(['charging-periods-mismatch']);
  });

  it('start equal to end with energy: read as it is, with zero-duration-with-energy (and total_time that disagrees)', () => {
    const result = fromOcpiCdr({ ...CDR_221, end_date_time: CDR_221.start_date_time, total_time: 1.973 });
    const session = sessionOf(result);
    expect(session.endedAt).toEqual(session.startedAt);
    expect(codesOf(result)).toEqual(['zero-duration-with-energy', 'total-time-mismatch', 'charging-periods-mismatch']);
    expect(result.warnings[0]?.path).toEqual(['end_date_time']);
    expect(createClassifier().classify(session).reasons.map((reason) => reason.code)).toContain('duration-too-short');
    expect(codesOf(fromOcpiCdr({ ...CDR_221, end_date_time: CDR_221.start_date_time, total_energy: 0, total_time: 0, charging_periods: [] }))).toEqual([]);
  });

  it('a cdr_token missing its mandatory fields: read, with cdr-token-incomplete', () => {
    const result = fromOcpiCdr({ ...CDR_221, cdr_token: { uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' } });
    expect(sessionOf(result)).toEqual(byHand());
    expect(result.warnings).toEqual([{ code: 'cdr-token-incomplete', message: 'the cdr_token lacks country_code and party_id, mandatory in OCPI 2.2.1', path: ['cdr_token'] }]);
    const bare = fromOcpiCdr({ ...CDR_221, cdr_token: { uid: '04A23B5C' } });
    expect(sessionOf(bare).token).toEqual({ uid: '04A23B5C', authorization: 'Accepted' });
    expect(bare.warnings[0]?.message).toBe('the cdr_token lacks country_code, party_id, type and contract_id, mandatory in OCPI 2.2.1');
  });

  it('a CDR without the CPO\'s party: no operator, with operator-unknown', () => {
    const result = fromOcpiCdr(without(CDR_221, 'party_id'));
    expect(sessionOf(result).chargePoint.operatorId).toBeUndefined();
    expect(codesOf(result)).toEqual(['operator-unknown']);
  });

  it('a 2.1.1 location with several EVSEs: the first, with location-ambiguous', () => {
    const evse = CDR_211.location.evses[0]!;
    const result = fromOcpiCdr({ ...CDR_211, location: { ...CDR_211.location, evses: [evse, { ...evse, uid: 'other' }] } });
    expect(sessionOf(result).chargePoint.id).toBe('cp_test2');
    expect(codesOf(result)).toEqual(['location-ambiguous']);
  });
});

describe('fromOcpiCdr: refusals name the gap', () => {
  it('a CDR without a token or an EVSE', () => {
    expect(issuesOf(fromOcpiCdr(without(CDR_221, 'cdr_token')))).toEqual([{ path: ['cdr_token'], message: 'the token is missing' }]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_221, cdr_token: { type: 'RFID' } }))).toEqual([{ path: ['cdr_token', 'uid'], message: 'the token UID is missing' }]);
    expect(issuesOf(fromOcpiCdr(without(CDR_221, 'cdr_location')))).toEqual([{ path: ['cdr_location'], message: 'the charge point is missing' }]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_221, cdr_location: without(CDR_221.cdr_location, 'evse_uid') }))).toEqual([
      { path: ['cdr_location', 'evse_uid'], message: 'the charge point id is missing' },
    ]);
    expect(issuesOf(fromOcpiCdr(without(CDR_211, 'auth_id')))).toEqual([{ path: ['auth_id'], message: 'the token is missing' }]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_211, location: null }))).toEqual([{ path: ['location'], message: 'the charge point is missing' }]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_211, location: { ...CDR_211.location, evses: [] } }))).toEqual([
      { path: ['location', 'evses', 0, 'uid'], message: 'the charge point id is missing' },
    ]);
  });

  it('a partial CDR (no id, no token, no EVSE) lists every gap at its OCPI path', () => {
    const partial = without(CDR_221, 'id', 'cdr_token', 'country_code', 'party_id');
    const result = fromOcpiCdr({ ...partial, cdr_location: { country: 'NLD' } });
    expect(issuesOf(result).map((issue) => issue.path)).toEqual([['id'], ['cdr_token'], ['cdr_location', 'evse_uid']]);
  });

  it('bad values are refused at their OCPI path', () => {
    expect(issuesOf(fromOcpiCdr({ ...CDR_221, total_energy: 'lots' })).map((issue) => issue.path)).toEqual([['total_energy']]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_211, stop_date_time: 'yesterday' })).map((issue) => issue.path)).toEqual([['stop_date_time']]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_221, total_cost: { excl_vat: -1 } })).map((issue) => issue.path)).toEqual([['total_cost', 'excl_vat']]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_221, home_charging_compensation: 'yes' })).map((issue) => issue.path)).toEqual([['home_charging_compensation']]);
    expect(issuesOf(fromOcpiCdr({ ...CDR_221, currency: 'euro' })).map((issue) => issue.path)).toEqual([['currency']]);
  });

  it('something that is not an object', () => {
    for (const input of [null, undefined, 'cdr', 42, [CDR_221]]) {
      const result = fromOcpiCdr(input);
      expect(result.success).toBe(false);
      expect(issuesOf(result)[0]?.path).toEqual([]);
    }
  });
});

describe('home_charging_compensation', () => {
  const licensed = createClassifier({
    licences: [{ id: 'lic-1', device: { chargePointId: 'cp_test2' }, validFrom: '2022-11-01', validUntil: null, status: 'active', rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }] }],
  });
  const unlicensed = createClassifier();
  const notes = (session: ReturnType<typeof byHand>, classifier = licensed) => classifier.classify(session).reasons.map((reason) => reason.code);

  it('is carried on the session, and the classification notes a disagreement without changing the type', () => {
    const home = sessionOf(fromOcpiCdr({ ...CDR_221, home_charging_compensation: true }));
    expect(home.homeChargingCompensation).toBe(true);
    expect(notes(home)).toEqual(['split-billing-licence']);
    expect(unlicensed.classify(home).type).toBe('normal');
    expect(notes(home, unlicensed)).toContain('home-charging-not-licensed');
    const notHome = sessionOf(fromOcpiCdr({ ...CDR_221, home_charging_compensation: false }));
    expect(licensed.classify(notHome).type).toBe('split-billing');
    expect(notes(notHome)).toContain('licence-without-home-charging');
  });

  it('a CPO asks what the flag should be for a classified session', () => {
    const session = sessionOf(fromOcpiCdr(CDR_221));
    expect(homeChargingCompensationFor(licensed.classify(session))).toBe(true);
    expect(homeChargingCompensationFor(unlicensed.classify(session))).toBe(false);
  });
});

// Properties ---------------------------------------------------------------

const decimalArb = (maxUnits: number, scale: number) => fc.integer({ min: 0, max: maxUnits * 10 ** scale }).map((n) => Number((n / 10 ** scale).toFixed(scale)));
const isoArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(Math.floor(ms / 1000) * 1000));
const idArb = fc.stringMatching(/^[A-Za-z0-9*_-]{1,12}$/);

/** The data of a session, written both as OCPI CDRs of each version and by hand. */
const sessionDataArb = fc.record({
  id: idArb,
  start: isoArb,
  durationS: fc.integer({ min: 0, max: 48 * 3600 }),
  energy: decimalArb(400, 3),
  uid: fc.stringMatching(/^[0-9A-F]{8}$/),
  contractId: fc.constantFrom('NL-TST-C12345678-S', 'BE-MBF-C12345678-S'),
  evseUid: idArb,
  evseId: idArb,
  connectorId: fc.constantFrom('1', '2'),
  locationId: idArb,
  party: fc.constantFrom(['BE', 'MBF'], ['NL', 'TST']),
  exclVat: decimalArb(200, 4),
  vat: decimalArb(50, 4),
  home: fc.option(fc.boolean(), { nil: undefined }),
});
type SessionData = typeof sessionDataArb extends fc.Arbitrary<infer T> ? T : never;

const z = (date: Date) => date.toISOString().replace('.000Z', 'Z');
const endOf = (data: SessionData) => new Date(data.start.getTime() + data.durationS * 1000);
const sum = (a: number, b: number) => Number((Math.round(a * 1e4) + Math.round(b * 1e4)) / 1e4);

function cdr221Of(data: SessionData) {
  return {
    ...CDR_221,
    country_code: data.party[0],
    party_id: data.party[1],
    id: data.id,
    start_date_time: z(data.start),
    end_date_time: z(endOf(data)),
    cdr_token: { country_code: 'NL', party_id: 'TST', uid: data.uid, type: 'RFID', contract_id: data.contractId },
    cdr_location: { ...CDR_221.cdr_location, id: data.locationId, evse_uid: data.evseUid, evse_id: data.evseId, connector_id: data.connectorId },
    charging_periods: [{ start_date_time: z(data.start), dimensions: [{ type: 'ENERGY', volume: data.energy }] }],
    total_cost: { excl_vat: data.exclVat, incl_vat: sum(data.exclVat, data.vat) },
    total_energy: data.energy,
    total_time: Number((data.durationS / 3600).toFixed(4)),
    ...(data.home === undefined ? {} : { home_charging_compensation: data.home }),
  };
}

function cdr230Of(data: SessionData) {
  return { ...cdr221Of(data), total_cost: { before_taxes: data.exclVat, taxes: [{ name: 'VAT', amount: data.vat }] } };
}

function cdr211Of(data: SessionData) {
  const evse = { ...CDR_211.location.evses[0]!, uid: data.evseUid, evse_id: data.evseId, connectors: [{ ...CDR_211.location.evses[0]!.connectors[0]!, id: data.connectorId }] };
  return {
    ...CDR_211,
    id: data.id,
    start_date_time: z(data.start),
    stop_date_time: z(endOf(data)),
    auth_id: data.contractId,
    location: { ...CDR_211.location, id: data.locationId, evses: [evse] },
    charging_periods: [{ start_date_time: z(data.start), dimensions: [{ type: 'ENERGY', volume: data.energy }] }],
    total_cost: data.exclVat,
    total_energy: data.energy,
    total_time: Number((data.durationS / 3600).toFixed(4)),
  };
}

function byHandOf(data: SessionData, version: '2.1.1' | '2.2.1') {
  const old = version === '2.1.1';
  return {
    id: data.id,
    startedAt: z(data.start),
    endedAt: z(endOf(data)),
    energyKWh: String(data.energy),
    token: old ? { uid: data.contractId, contractId: data.contractId } : { uid: data.uid, contractId: data.contractId, type: 'RFID' },
    chargePoint: {
      id: data.evseUid,
      evseId: data.evseId,
      connectorId: data.connectorId,
      locationId: data.locationId,
      ...(old ? {} : { operatorId: `${data.party[0]}*${data.party[1]}` }),
    },
    authMethod: 'WHITELIST',
    price: old ? { exclVat: String(data.exclVat), currency: 'EUR' } : { exclVat: String(data.exclVat), inclVat: String(sum(data.exclVat, data.vat)), currency: 'EUR' },
    ...(old || data.home === undefined ? {} : { homeChargingCompensation: data.home }),
  };
}

/** A CDR's JSON form, for comparing sessions read from different versions. */
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('fromOcpiCdr: properties', () => {
  it('the adapter\'s session equals parseSession of the same data written by hand, in every version', () => {
    fc.assert(
      fc.property(sessionDataArb, (data) => {
        const expected221 = parseSession(byHandOf(data, '2.2.1'));
        const expected211 = parseSession(byHandOf(data, '2.1.1'));
        expect(fromOcpiCdr(cdr221Of(data))).toEqual({ success: true, data: expected221.data, warnings: expect.any(Array) });
        expect(json(sessionOf(fromOcpiCdr(cdr230Of(data))))).toEqual(json(expected221.data));
        expect(sessionOf(fromOcpiCdr(cdr211Of(data)))).toEqual(expected211.data);
      }),
    );
  });

  it('a 2.2.1 CDR and the same CDR written as 2.3.0 (incl. VAT as before_taxes plus taxes) give the same session', () => {
    fc.assert(
      fc.property(sessionDataArb, (data) => {
        const from221 = sessionOf(fromOcpiCdr(cdr221Of(data)));
        const from230 = sessionOf(fromOcpiCdr(cdr230Of(data)));
        expect(from230.price?.inclVat?.eq(from221.price!.inclVat!)).toBe(true);
        expect(json(from230)).toEqual(json(from221));
      }),
    );
  });

  it('a well-formed CDR gives no warning but for a zero-length session with energy', () => {
    fc.assert(
      fc.property(sessionDataArb, fc.constantFrom(cdr211Of, cdr221Of, cdr230Of), (data, write) => {
        const expected = data.durationS === 0 && data.energy > 0 ? ['zero-duration-with-energy'] : [];
        expect(codesOf(fromOcpiCdr(write(data)))).toEqual(expected);
      }),
    );
  });

  /** CDRs of every version with fields dropped, emptied, nulled or replaced by odd values. */
  const mangledCdrArb = fc
    .tuple(sessionDataArb.map((data) => [cdr211Of(data), cdr221Of(data), cdr230Of(data)] as const), fc.integer({ min: 0, max: 2 }))
    .chain(([cdrs, index]) => {
      const cdr = cdrs[index]! as Record<string, unknown>;
      const keys = Object.keys(cdr);
      return fc
        .array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constant(undefined), fc.constant(null), fc.anything(), fc.string())), { maxLength: 4 })
        .map((changes) => ({ ...cdr, ...Object.fromEntries(changes) }));
    });

  it('any CDR the OCPI schema accepts gives a session or issues, never a throw', () => {
    fc.assert(
      fc.property(mangledCdrArb, (cdr) => {
        const accepted = (['2.1.1', '2.2.1', '2.3.0'] as const).filter((version) => ocpiCdrSchemas[version].safeParse(cdr).success);
        for (const version of [undefined, ...accepted]) {
          const result = fromOcpiCdr(cdr, version === undefined ? {} : { version });
          expect(result.success ? result.data.id : result.error.issues.length).toBeTruthy();
        }
      }),
    );
  });

  it('anything at all gives a result, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mangledCdrArb), (input) => {
        const result = fromOcpiCdr(input);
        expect(typeof result.success).toBe('boolean');
        expect(Array.isArray(result.warnings)).toBe(true);
      }),
    );
  });
});
