/**
 * zod schemas of the OCPI objects the adapters read, as the specifications
 * (2.1.1, 2.2.1, 2.3.0) define them, for users who validate OCPI traffic
 * themselves. Unknown fields are kept (OCPI objects carry extensions). The
 * adapters read more leniently than these schemas: a defect the schemas
 * refuse (a `cdr_token` without `party_id`, a price as a string) the
 * adapters read and report as a warning.
 */
import * as z from 'zod';

/** OCPI DateTime: RFC 3339 in UTC, the zone designator `Z` optional (absent means UTC). */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/, 'expected an OCPI DateTime such as "2015-06-29T20:39:09Z"');
const countryCode = z.string().length(2);
const partyId = z.string().length(3);
const currency = z.string().length(3);
const chargingPeriods = z.array(
  z.looseObject({
    start_date_time: dateTime,
    dimensions: z.array(z.looseObject({ type: z.string(), volume: z.number() })).min(1),
    tariff_id: z.string().optional(),
  }),
);

const TOKEN_TYPES_211 = ['OTHER', 'RFID'] as const;
const TOKEN_TYPES_221 = ['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID'] as const;
const WHITELIST_TYPES = ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'] as const;
const SESSION_STATUSES_211 = ['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING'] as const;
const SESSION_STATUSES_221 = [...SESSION_STATUSES_211, 'RESERVATION'] as const;

/** OCPI 2.2.1 Price. */
const price221 = z.looseObject({ excl_vat: z.number(), incl_vat: z.number().optional() });
/** OCPI 2.3.0 Price: before taxes, and the taxes levied. */
const price230 = z.looseObject({
  before_taxes: z.number(),
  taxes: z.array(z.looseObject({ name: z.string(), account_number: z.string().optional(), percentage: z.number().optional(), amount: z.number() })).optional(),
});

/** OCPI 2.1.1 Location, as far as a CDR or Session uses it: the EVSE and connector. */
const location211 = z.looseObject({
  id: z.string(),
  evses: z.array(z.looseObject({ uid: z.string(), evse_id: z.string().optional(), connectors: z.array(z.looseObject({ id: z.string() })).min(1) })).min(1),
});

/** OCPI 2.2.1 / 2.3.0 CdrToken. */
const cdrToken = z.looseObject({ country_code: countryCode, party_id: partyId, uid: z.string(), type: z.enum(TOKEN_TYPES_221), contract_id: z.string() });

const cdr211 = z.looseObject({
  id: z.string(),
  start_date_time: dateTime,
  stop_date_time: dateTime,
  auth_id: z.string(),
  auth_method: z.enum(['AUTH_REQUEST', 'WHITELIST']),
  location: location211,
  meter_id: z.string().optional(),
  currency,
  charging_periods: chargingPeriods.min(1),
  total_cost: z.number(),
  total_energy: z.number(),
  total_time: z.number(),
  total_parking_time: z.number().optional(),
  remark: z.string().optional(),
  last_updated: dateTime,
});

function cdr22x<P extends z.ZodType>(price: P) {
  return z.looseObject({
    country_code: countryCode,
    party_id: partyId,
    id: z.string(),
    start_date_time: dateTime,
    end_date_time: dateTime,
    session_id: z.string().optional(),
    cdr_token: cdrToken,
    auth_method: z.enum(['AUTH_REQUEST', 'COMMAND', 'WHITELIST']),
    authorization_reference: z.string().optional(),
    cdr_location: z.looseObject({
      id: z.string(),
      address: z.string(),
      city: z.string(),
      country: z.string(),
      evse_uid: z.string(),
      evse_id: z.string(),
      connector_id: z.string(),
    }),
    meter_id: z.string().optional(),
    currency,
    charging_periods: chargingPeriods.min(1),
    total_cost: price,
    total_energy: z.number(),
    total_time: z.number(),
    total_parking_time: z.number().optional(),
    home_charging_compensation: z.boolean().optional(),
    last_updated: dateTime,
  });
}

const session211 = z.looseObject({
  id: z.string(),
  start_datetime: dateTime,
  end_datetime: dateTime.optional(),
  kwh: z.number(),
  auth_id: z.string(),
  auth_method: z.enum(['AUTH_REQUEST', 'WHITELIST']),
  location: location211,
  meter_id: z.string().optional(),
  currency,
  charging_periods: chargingPeriods.optional(),
  total_cost: z.number().optional(),
  status: z.enum(SESSION_STATUSES_211),
  last_updated: dateTime,
});

function session22x<P extends z.ZodType>(price: P) {
  return z.looseObject({
    country_code: countryCode,
    party_id: partyId,
    id: z.string(),
    start_date_time: dateTime,
    end_date_time: dateTime.optional(),
    kwh: z.number(),
    cdr_token: cdrToken,
    auth_method: z.enum(['AUTH_REQUEST', 'COMMAND', 'WHITELIST']),
    authorization_reference: z.string().optional(),
    location_id: z.string(),
    evse_uid: z.string(),
    connector_id: z.string(),
    meter_id: z.string().optional(),
    currency,
    charging_periods: chargingPeriods.optional(),
    total_cost: price.optional(),
    status: z.enum(SESSION_STATUSES_221),
    last_updated: dateTime,
  });
}

const token211 = z.looseObject({
  uid: z.string(),
  type: z.enum(TOKEN_TYPES_211),
  auth_id: z.string(),
  visual_number: z.string().optional(),
  issuer: z.string(),
  valid: z.boolean(),
  whitelist: z.enum(WHITELIST_TYPES),
  language: z.string().optional(),
  last_updated: dateTime,
});

const token22x = z.looseObject({
  country_code: countryCode,
  party_id: partyId,
  uid: z.string(),
  type: z.enum(TOKEN_TYPES_221),
  contract_id: z.string(),
  visual_number: z.string().optional(),
  issuer: z.string(),
  group_id: z.string().optional(),
  valid: z.boolean(),
  whitelist: z.enum(WHITELIST_TYPES),
  language: z.string().optional(),
  last_updated: dateTime,
});

/**
 * The OCPI CDR of each version.
 *
 * @example
 * Object.keys(ocpiCdrSchemas); // => ['2.1.1', '2.2.1', '2.3.0']
 * ocpiCdrSchemas['2.3.0'].safeParse({ id: 'cdr-1' }).success; // => false
 */
export const ocpiCdrSchemas = { '2.1.1': cdr211, '2.2.1': cdr22x(price221), '2.3.0': cdr22x(price230) } as const;

/**
 * The OCPI Session of each version.
 *
 * @example
 * const read = ocpiSessionSchemas['2.2.1'].safeParse({ id: 's-1', kwh: '1.2' });
 * read.error?.issues.find((issue) => issue.path[0] === 'kwh')?.message; // => 'Invalid input: expected number, received string'
 */
export const ocpiSessionSchemas = { '2.1.1': session211, '2.2.1': session22x(price221), '2.3.0': session22x(price230) } as const;

/**
 * The OCPI Token of each version (2.2.1 and 2.3.0 define the same Token).
 *
 * @example
 * const read = ocpiTokenSchemas['2.1.1'].safeParse({ uid: '04A23B5C' });
 * read.error?.issues.map((issue) => issue.path.join('.')); // => ['type', 'auth_id', 'issuer', 'valid', 'whitelist', 'last_updated']
 */
export const ocpiTokenSchemas = { '2.1.1': token211, '2.2.1': token22x, '2.3.0': token22x } as const;

/** An OCPI 2.1.1 CDR as the specification defines it. */
export type OcpiCdr211 = z.infer<(typeof ocpiCdrSchemas)['2.1.1']>;
/** An OCPI 2.2.1 CDR. */
export type OcpiCdr221 = z.infer<(typeof ocpiCdrSchemas)['2.2.1']>;
/** An OCPI 2.3.0 CDR. */
export type OcpiCdr230 = z.infer<(typeof ocpiCdrSchemas)['2.3.0']>;
/** An OCPI 2.1.1 Session. */
export type OcpiSession211 = z.infer<(typeof ocpiSessionSchemas)['2.1.1']>;
/** An OCPI 2.2.1 Session. */
export type OcpiSession221 = z.infer<(typeof ocpiSessionSchemas)['2.2.1']>;
/** An OCPI 2.3.0 Session. */
export type OcpiSession230 = z.infer<(typeof ocpiSessionSchemas)['2.3.0']>;
/** An OCPI 2.1.1 Token. */
export type OcpiToken211 = z.infer<(typeof ocpiTokenSchemas)['2.1.1']>;
/** An OCPI 2.2.1 or 2.3.0 Token. */
export type OcpiToken221 = z.infer<(typeof ocpiTokenSchemas)['2.2.1']>;
