/**
 * OCPI objects written for these tests from the specifications (OCPI 2.1.1,
 * 2.2.1 and 2.3.0: mod_cdrs, mod_sessions, mod_tokens, types), carrying the
 * release's first split billing session: card 04A23B5C at the home charging
 * station cp_test2, 2022-11-10 14:50:16 to 15:05:18 in Brussels (13:50:16 to
 * 14:05:18 UTC, 0:15:02), 3.667 kWh, the MSP's price 2.0165 EUR excl. VAT,
 * 2.44 incl. 21 % VAT. The defects real backends send are variations of these.
 */

/** The same session as `parseSession` input, written by hand: what every fixture below must read as. */
export const SESSION_BY_HAND = {
  id: 'cdr-2022-11-10-1',
  startedAt: '2022-11-10T13:50:16Z',
  endedAt: '2022-11-10T14:05:18Z',
  energyKWh: '3.667',
  token: { uid: '04A23B5C', contractId: 'NL-TST-C12345678-S', type: 'RFID' },
  chargePoint: { id: 'cp_test2', evseId: 'BE*MBF*E000001', connectorId: '1', locationId: 'home-42', operatorId: 'BE*MBF' },
  authMethod: 'WHITELIST',
  price: { exclVat: '2.0165', inclVat: '2.44', currency: 'EUR' },
} as const;

/** OCPI 2.2.1 CDR (mod_cdrs 10.3.1), every mandatory field. */
export const CDR_221 = {
  country_code: 'BE',
  party_id: 'MBF',
  id: 'cdr-2022-11-10-1',
  start_date_time: '2022-11-10T13:50:16Z',
  end_date_time: '2022-11-10T14:05:18Z',
  session_id: 'session-2022-11-10-1',
  cdr_token: { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
  auth_method: 'WHITELIST',
  cdr_location: {
    id: 'home-42',
    address: 'Kerkstraat 1',
    city: 'Gent',
    postal_code: '9000',
    country: 'BEL',
    coordinates: { latitude: '51.054342', longitude: '3.717424' },
    evse_uid: 'cp_test2',
    evse_id: 'BE*MBF*E000001',
    connector_id: '1',
    connector_standard: 'IEC_62196_T2',
    connector_format: 'SOCKET',
    connector_power_type: 'AC_3_PHASE',
  },
  currency: 'EUR',
  charging_periods: [
    { start_date_time: '2022-11-10T13:50:16Z', dimensions: [{ type: 'ENERGY', volume: 3.667 }, { type: 'TIME', volume: 0.2506 }] },
  ],
  total_cost: { excl_vat: 2.0165, incl_vat: 2.44 },
  total_energy: 3.667,
  total_time: 0.2506,
  last_updated: '2022-11-10T14:06:00Z',
};

/** The same CDR in OCPI 2.3.0: the price before taxes, and the VAT levied (2.0165 + 0.4235 = 2.44). */
export const CDR_230 = {
  ...CDR_221,
  total_cost: { before_taxes: 2.0165, taxes: [{ name: 'VAT', percentage: 21, amount: 0.4235 }] },
};

/** The same CDR in OCPI 2.1.1: `stop_date_time`, `auth_id`, a full Location, `total_cost` a number excl. VAT. */
export const CDR_211 = {
  id: 'cdr-2022-11-10-1',
  start_date_time: '2022-11-10T13:50:16Z',
  stop_date_time: '2022-11-10T14:05:18Z',
  auth_id: 'NL-TST-C12345678-S',
  auth_method: 'WHITELIST',
  location: {
    id: 'home-42',
    type: 'OTHER',
    address: 'Kerkstraat 1',
    city: 'Gent',
    postal_code: '9000',
    country: 'BEL',
    coordinates: { latitude: '51.054342', longitude: '3.717424' },
    evses: [
      {
        uid: 'cp_test2',
        evse_id: 'BE*MBF*E000001',
        status: 'AVAILABLE',
        connectors: [
          { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', voltage: 230, amperage: 16, last_updated: '2022-11-01T00:00:00Z' },
        ],
        last_updated: '2022-11-01T00:00:00Z',
      },
    ],
    last_updated: '2022-11-01T00:00:00Z',
  },
  currency: 'EUR',
  charging_periods: [{ start_date_time: '2022-11-10T13:50:16Z', dimensions: [{ type: 'TIME', volume: 0.2506 }] }],
  total_cost: 2.0165,
  total_energy: 3.667,
  total_time: 0.2506,
  last_updated: '2022-11-10T14:06:00Z',
};

/** OCPI 2.2.1 Session (mod_sessions 9.3.1), finished. */
export const SESSION_221 = {
  country_code: 'BE',
  party_id: 'MBF',
  id: 'cdr-2022-11-10-1',
  start_date_time: '2022-11-10T13:50:16Z',
  end_date_time: '2022-11-10T14:05:18Z',
  kwh: 3.667,
  cdr_token: { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
  auth_method: 'WHITELIST',
  location_id: 'home-42',
  evse_uid: 'cp_test2',
  connector_id: '1',
  currency: 'EUR',
  total_cost: { excl_vat: 2.0165, incl_vat: 2.44 },
  status: 'COMPLETED',
  last_updated: '2022-11-10T14:05:19Z',
};

/** The same Session in OCPI 2.3.0. */
export const SESSION_230 = { ...SESSION_221, total_cost: { before_taxes: 2.0165, taxes: [{ name: 'VAT', amount: 0.4235 }] } };

/** The same Session in OCPI 2.1.1: `start_datetime`, `end_datetime`, `kwh`, `auth_id`, a Location. */
export const SESSION_211 = {
  id: 'cdr-2022-11-10-1',
  start_datetime: '2022-11-10T13:50:16Z',
  end_datetime: '2022-11-10T14:05:18Z',
  kwh: 3.667,
  auth_id: 'NL-TST-C12345678-S',
  auth_method: 'WHITELIST',
  location: CDR_211.location,
  currency: 'EUR',
  total_cost: 2.0165,
  status: 'COMPLETED',
  last_updated: '2022-11-10T14:05:19Z',
};

/** OCPI 2.2.1 / 2.3.0 Token (mod_tokens 12.3.2). */
export const TOKEN_221 = {
  country_code: 'NL',
  party_id: 'TST',
  uid: '04A23B5C',
  type: 'RFID',
  contract_id: 'NL-TST-C12345678-S',
  visual_number: 'NL-TST-C12345678',
  issuer: 'Acme Fleet',
  group_id: 'acme-company-cars',
  valid: true,
  whitelist: 'ALLOWED',
  language: 'nl',
  last_updated: '2022-11-01T00:00:00Z',
};

/** OCPI 2.1.1 Token: `auth_id` is the contract id; no group, no party. */
export const TOKEN_211 = {
  uid: '04A23B5C',
  type: 'RFID',
  auth_id: 'NL-TST-C12345678-S',
  visual_number: 'NL-TST-C12345678',
  issuer: 'Acme Fleet',
  valid: true,
  whitelist: 'ALLOWED',
  last_updated: '2022-11-01T00:00:00Z',
};

/** `object` without the fields named. */
export function without<T extends object>(object: T, ...fields: (keyof T)[]): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !fields.includes(key as keyof T))) as Partial<T>;
}
