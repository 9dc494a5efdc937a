/**
 * The OCPI versions the adapters read.
 *
 * @example OCPI_VERSIONS; // => ['2.1.1', '2.2.1', '2.3.0']
 */
export const OCPI_VERSIONS = ['2.1.1', '2.2.1', '2.3.0'] as const;

/** One of {@link OCPI_VERSIONS}. */
export type OcpiVersion = (typeof OCPI_VERSIONS)[number];

/** The kinds of OCPI object the adapters read. */
export type OcpiObjectKind = 'cdr' | 'session' | 'token';

/** A version read from an object's shape; `certain` is false when the shape named none, or several. */
export interface DetectedVersion {
  readonly version: OcpiVersion;
  readonly certain: boolean;
}

/** Fields that only OCPI 2.1.1 has, per kind of object. */
const ONLY_211: Record<OcpiObjectKind, readonly string[]> = {
  cdr: ['stop_date_time', 'auth_id', 'location'],
  session: ['start_datetime', 'end_datetime', 'auth_id', 'location'],
  token: ['auth_id'],
};

/** Fields that only OCPI 2.2.1 and later have, per kind of object. */
const SINCE_221: Record<OcpiObjectKind, readonly string[]> = {
  cdr: ['end_date_time', 'cdr_token', 'cdr_location', 'country_code', 'party_id', 'home_charging_compensation'],
  session: ['start_date_time', 'end_date_time', 'cdr_token', 'country_code', 'party_id', 'location_id', 'evse_uid', 'connector_id'],
  token: ['contract_id', 'country_code', 'party_id', 'group_id'],
};

/**
 * The OCPI version an object is written in, read from its shape: 2.1.1's own
 * field names (`stop_date_time`, `auth_id`, `location`, a bare number as
 * `total_cost`), 2.2.1's (`cdr_token`, `end_date_time`...), and 2.3.0's price
 * (`before_taxes`). Tokens of 2.2.1 and 2.3.0 are the same object: `2.2.1`.
 *
 * @example
 * detectOcpiVersion({ id: '1', stop_date_time: '2015-06-29T23:37:32Z', auth_id: 'DE8ACC12E46L89' }, 'cdr'); // => { version: '2.1.1', certain: true }
 */
export function detectOcpiVersion(object: Readonly<Record<string, unknown>>, kind: OcpiObjectKind): DetectedVersion {
  const has = (field: string) => object[field] !== undefined;
  const cost = object['total_cost'];
  const costIsNumber = typeof cost === 'number' || typeof cost === 'string';
  const old = ONLY_211[kind].some(has) || (kind !== 'token' && costIsNumber);
  const recent = SINCE_221[kind].some(has) || (kind !== 'token' && isRecord(cost));
  if (old && !recent) return { version: '2.1.1', certain: true };
  if (recent && !old) return { version: priceVersion(cost), certain: true };
  // Neither family's fields, or both: the token decides, else the newer reading.
  const tokenField = kind === 'token' ? 'contract_id' : 'cdr_token';
  const version = old && !has(tokenField) ? '2.1.1' : priceVersion(cost);
  return { version, certain: false };
}

function priceVersion(cost: unknown): OcpiVersion {
  return isRecord(cost) && cost['before_taxes'] !== undefined && cost['excl_vat'] === undefined ? '2.3.0' : '2.2.1';
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when an object's shape shows a version other than `given`: 2.1.1
 * against 2.2.1 or 2.3.0, or a 2.2.1 price (`excl_vat`) against a 2.3.0 one
 * (`before_taxes`). Tokens of 2.2.1 and 2.3.0 never conflict.
 */
export function versionConflicts(given: OcpiVersion, object: Readonly<Record<string, unknown>>, kind: OcpiObjectKind): boolean {
  const detected = detectOcpiVersion(object, kind);
  if (!detected.certain || detected.version === given) return false;
  if (detected.version === '2.1.1' || given === '2.1.1') return true;
  const cost = object['total_cost'];
  return kind !== 'token' && isRecord(cost) && (cost['before_taxes'] !== undefined || cost['excl_vat'] !== undefined);
}
