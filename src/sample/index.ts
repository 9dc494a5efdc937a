/**
 * A small fleet's sessions from November 2022 and the configuration that
 * types them: the five sessions of the split billing release's worked example
 * (one test user at one test charge point, with their own card on a split
 * billing licence and a second, whitelisted badge), plus one session for each
 * rule. Used by `npm run demo` and the docs; import it as
 * `charging-sessions/sample` to try the library.
 * @packageDocumentation
 */
import type { ClassifierConfigInput } from '../classify/config.js';
import type { SessionInput } from '../model/session.js';

const OWN_CARD = { uid: '04A23B5C', contractId: 'BE-MBF-C12345678-S', type: 'RFID', authorization: 'Accepted' } as const;
const SITE_BADGE = { uid: '04:b7:19:e2', groupId: 'acme-company-cars', type: 'RFID', authorization: 'Accepted' } as const;
const TEST_CHARGE_POINT = { id: 'cp_test2', connectorId: '1', locationId: 'home-42', operatorId: 'BE*MBF' } as const;

/**
 * The configuration the sample is typed with: the default rules, one licence, two whitelist entries.
 *
 * @example
 * sampleConfig.licences.map((licence) => licence.id); // => ['lic-home-42']
 * sampleConfig.whitelist.map((entry) => entry.id); // => ['wl-test-badge', 'wl-company-site']
 */
export const sampleConfig = {
  licences: [
    {
      id: 'lic-home-42',
      employeeId: 'test-user',
      device: { chargePointId: 'cp_test2' },
      status: 'active',
      validFrom: '2022-11-01',
      validUntil: null,
      tokens: { uids: ['04A23B5C'] },
      timeZone: 'Europe/Brussels',
      rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }],
    },
  ],
  whitelist: [
    {
      id: 'wl-test-badge',
      tokens: { uids: ['04B719E2'] },
      chargePoints: { ids: ['cp_test2'] },
      validFrom: '2022-11-01',
    },
    {
      id: 'wl-company-site',
      tokens: { groupIds: ['acme-company-cars'] },
      chargePoints: { locationIds: ['hq-antwerp'] },
    },
  ],
} satisfies ClassifierConfigInput;

/**
 * The sample sessions, as a backend would send them (JSON form).
 *
 * @example
 * sampleSessions.length; // => 11
 * parseSessions(sampleSessions).every((read) => read.success); // => true
 */
export const sampleSessions = [
  // The release's worked example (Europe/Brussels, UTC+1 in November 2022).
  { id: 'rel-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00', energyKWh: '3.667', token: OWN_CARD, chargePoint: TEST_CHARGE_POINT, userId: 'test-user' },
  { id: 'rel-2', startedAt: '2022-11-10T08:53:48+01:00', endedAt: '2022-11-10T09:33:43+01:00', energyKWh: '11.001', token: SITE_BADGE, chargePoint: TEST_CHARGE_POINT, userId: 'test-user' },
  { id: 'rel-3', startedAt: '2022-11-09T07:54:02+01:00', endedAt: '2022-11-09T08:06:16+01:00', energyKWh: '3.667', token: SITE_BADGE, chargePoint: TEST_CHARGE_POINT, userId: 'test-user' },
  { id: 'rel-4', startedAt: '2022-11-09T07:30:37+01:00', endedAt: '2022-11-09T07:50:39+01:00', energyKWh: '7.334', token: OWN_CARD, chargePoint: TEST_CHARGE_POINT, userId: 'test-user' },
  { id: 'rel-5', startedAt: '2022-11-08T17:39:41+01:00', endedAt: '2022-11-08T17:40:30+01:00', energyKWh: null, token: OWN_CARD, chargePoint: TEST_CHARGE_POINT, userId: 'test-user' },
  // One session per rule.
  {
    id: 'pub-1',
    startedAt: '2022-11-14T12:02:10+01:00',
    endedAt: '2022-11-14T12:48:55+01:00',
    energyKWh: '28.412',
    token: { uid: '04C1D2E3', contractId: 'BE-MBF-C87654321-Z', authorization: 'Accepted' },
    chargePoint: { id: 'BE-ION-HASSELT-03', connectorId: '2', evseId: 'BE*ION*E3002', locationId: 'ion-hasselt', operatorId: 'BE*ION' },
    userId: 'an.claes',
    authMethod: 'AUTH_REQUEST',
    price: { exclVat: '16.1521', inclVat: '19.54', currency: 'EUR' },
  },
  {
    id: 'rej-1',
    startedAt: '2022-11-15T18:20:00+01:00',
    endedAt: '2022-11-15T18:45:00+01:00',
    energyKWh: '9.210',
    token: { uid: '04C1D2E3', authorization: 'Blocked' },
    chargePoint: { id: 'BE-ALL-GENT-11', locationId: 'gent-dok', operatorId: 'BE*ALL' },
    userId: 'an.claes',
  },
  {
    id: 'big-1',
    startedAt: '2022-11-16T09:00:00+01:00',
    endedAt: '2022-11-16T21:00:00+01:00',
    energyKWh: '350.001',
    token: { uid: '04D9A8B7', authorization: 'Accepted' },
    chargePoint: { id: 'BE-FAST-E40-01', locationId: 'e40-aire', operatorId: 'BE*FST' },
    userId: 'pieter.wouters',
    price: { inclVat: '241.50', currency: 'EUR' },
  },
  {
    id: 'nom-1',
    startedAt: '2022-11-17T07:10:00+01:00',
    endedAt: '2022-11-17T08:05:00+01:00',
    energyKWh: null,
    token: { uid: '04D9A8B7', authorization: 'Accepted' },
    chargePoint: { id: 'BE-ALL-GENT-11', locationId: 'gent-dok', operatorId: 'BE*ALL' },
    userId: 'pieter.wouters',
  },
  {
    id: 'guest-1',
    startedAt: '2022-11-18T19:30:00+01:00',
    endedAt: '2022-11-18T21:02:30+01:00',
    energyKWh: '14.250',
    token: { uid: '04E0F1A2', authorization: 'Accepted' },
    chargePoint: TEST_CHARGE_POINT,
    userId: 'guest',
    price: { inclVat: '5.13', currency: 'EUR' },
  },
  {
    id: 'site-1',
    startedAt: '2022-11-21T08:47:12+01:00',
    endedAt: '2022-11-21T12:15:40+01:00',
    energyKWh: '21.784',
    token: SITE_BADGE,
    chargePoint: { id: 'cp_site_1', connectorId: '1', locationId: 'hq-antwerp', operatorId: 'BE*ACM' },
    userId: 'test-user',
  },
] satisfies SessionInput[];
