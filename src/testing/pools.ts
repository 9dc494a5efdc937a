/**
 * The small pools of identifiers that the generated sessions and
 * configurations share, so that licences and whitelist entries actually
 * match generated sessions.
 *
 * @example POOL.chargePointIds.includes('cp_test2'); // => true
 */
export const POOL = {
  /** RFID UIDs as written by different readers (some with separators or lower case). */
  uids: ['04A23B5C', '04:b7:19:e2', '04C1D2E3', 'AABBCCDD'],
  /** Contract ids with a valid EMAID check character. */
  contractIds: ['NL-TST-C12345678-S', 'BE-MBF-C12345678-S', 'BE-MBF-C87654321-Z'],
  /** A contract id whose check character is wrong (sessions only, never configuration). */
  badContractIds: ['NL-TST-C12345678-9'],
  groupIds: ['acme-company-cars', 'fleet-b'],
  chargePointIds: ['cp_test2', 'cp_site_1', 'BE-ION-HASSELT-03'],
  serialNumbers: ['NRG-0001', 'NRG-0002'],
  locationIds: ['home-42', 'hq-antwerp', 'ion-hasselt'],
  operatorIds: ['BE*MBF', 'BE*ION', 'BE*ACM'],
} as const;
