import type { ChargingSession } from '../model/session.js';
import { checkReadOptions, type OcpiReadOptions } from './options.js';
import { readOcpiSession } from './session-reading.js';
import type { OcpiReadResult } from './warnings.js';

/**
 * Reads a finished OCPI Session (2.1.1, 2.2.1 or 2.3.0) into a session, as
 * {@link fromOcpiCdr} reads a CDR. A Session that is not `COMPLETED`
 * (PENDING, ACTIVE, RESERVATION, INVALID) is refused with an issue at
 * `status`: it is never given an invented end.
 *
 * @example
 * const active = fromOcpiSession({ country_code: 'BE', party_id: 'MBF', id: 's-1', start_date_time: '2022-11-10T13:50:16Z',
 *   kwh: 1.2, cdr_token: { uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
 *   auth_method: 'WHITELIST', location_id: 'home-42', evse_uid: 'cp_test2', connector_id: '1',
 *   currency: 'EUR', status: 'ACTIVE', last_updated: '2022-11-10T14:00:00Z' });
 * active.success; // => false
 * active.error?.issues.map((issue) => issue.path); // => [['status']]
 * @throws {ConfigError} only for bad options.
 */
export function fromOcpiSession(session: unknown, options: OcpiReadOptions = {}): OcpiReadResult<ChargingSession> {
  checkReadOptions(options);
  return readOcpiSession(session, 'session', options);
}
