/**
 * Sessions that tests start from: the release's worked examples as written,
 * and a builder that overrides some of their fields and parses the result.
 */
import type { ChargingSession, SessionInput } from '../../src/model/session';
import { parsed } from '../../src/testing';

/** The session example of the API documentation as written, every optional field included. */
export const DOCUMENTED_SESSION = {
  id: 's-1',
  startedAt: '2022-11-10T14:50:16+01:00',
  endedAt: '2022-11-10T15:05:18+01:00',
  energyKWh: '3.667',
  token: { uid: '04A23B5C', contractId: 'NL-TST-C12345678-S', groupId: 'acme', type: 'RFID', authorization: 'Accepted' },
  chargePoint: { id: 'cp_test2', connectorId: '1', locationId: 'home-42', operatorId: 'BE*MBF' },
  userId: 'u-1',
  price: { exclVat: '2.0165', inclVat: '2.44', currency: 'EUR' },
} as const;

/** The release's first split billing session as written: 2022-11-10 14:50:16 in Brussels, 0:15:02, 3.667 kWh, card 04A23B5C at cp_test2. */
export const SPLIT_BILLING_SESSION = {
  id: 's-1',
  startedAt: '2022-11-10T14:50:16+01:00',
  endedAt: '2022-11-10T15:05:18+01:00',
  energyKWh: '3.667',
  token: { uid: '04A23B5C' },
  chargePoint: { id: 'cp_test2' },
} as const satisfies SessionInput;

/** The release's whitelisted session as written: 2022-11-10 08:53:48 in Brussels, 0:39:55, 11.001 kWh, the same card at cp_site_1. */
export const WHITELISTED_SESSION = {
  ...SPLIT_BILLING_SESSION,
  startedAt: '2022-11-10T08:53:48+01:00',
  endedAt: '2022-11-10T09:33:43+01:00',
  energyKWh: '11.001',
  chargePoint: { id: 'cp_site_1' },
} as const satisfies SessionInput;

/** The fields a test most often varies on a session: its token, charge point, start and end. */
export type SessionShape = Partial<Pick<SessionInput, 'token' | 'chargePoint' | 'startedAt' | 'endedAt'>>;

/**
 * The parsed session `base` with the fields of `overrides` that are not `undefined`; throws (failing the test) when refused.
 * @example sessionFrom(WHITELISTED_SESSION, { token: { uid: 'AA' }, endedAt: undefined }).endedAt.toISOString() // '2022-11-10T08:33:43.000Z'
 */
export function sessionFrom(base: SessionInput, overrides: Partial<SessionInput> = {}): ChargingSession {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return parsed({ ...base, ...given });
}
