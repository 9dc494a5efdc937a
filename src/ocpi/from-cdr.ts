import type { ChargingSession } from '../model/session.js';
import { checkReadOptions, type OcpiReadOptions } from './options.js';
import { readOcpiSession } from './session-reading.js';
import type { OcpiReadResult } from './warnings.js';

/**
 * Reads an OCPI CDR (2.1.1, 2.2.1 or 2.3.0; the version its shape shows
 * unless `options.version` names it) into a session, as `parseSession` would
 * read the same data written by hand. Timestamps without a zone designator
 * are UTC. Never throws on bad data: a CDR that cannot be read gives every
 * issue with its path in the CDR (`cdr_token`, `cdr_location.evse_uid`...);
 * what was read but looks wrong is in `warnings`.
 *
 * @example
 * const r = fromOcpiCdr({
 *   country_code: 'BE', party_id: 'MBF', id: 'cdr-1',
 *   start_date_time: '2022-11-10T13:50:16Z', end_date_time: '2022-11-10T14:05:18Z',
 *   cdr_token: { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
 *   auth_method: 'WHITELIST',
 *   cdr_location: { id: 'home-42', evse_uid: 'cp_test2', evse_id: 'BE*MBF*E1', connector_id: '1' },
 *   currency: 'EUR', total_cost: { excl_vat: 2.0165, incl_vat: 2.44 }, total_energy: 3.667, total_time: 0.2506,
 *   last_updated: '2022-11-10T14:06:00Z',
 * });
 * r.data?.chargePoint; // => { id: 'cp_test2', connectorId: '1', evseId: 'BE*MBF*E1', locationId: 'home-42', operatorId: 'BE*MBF' }
 * r.data?.price; // => { exclVat: '2.0165', inclVat: '2.44', currency: 'EUR' }
 * @throws {ConfigError} only for bad options (an unknown version, a `userIdFor` that is not a function).
 */
export function fromOcpiCdr(cdr: unknown, options: OcpiReadOptions = {}): OcpiReadResult<ChargingSession> {
  checkReadOptions(options);
  return readOcpiSession(cdr, 'cdr', options);
}
