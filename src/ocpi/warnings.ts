import type { ReadResult, ReadWarning } from '../model/read-result.js';

/**
 * What the OCPI adapters report when something was read but looks wrong.
 * Stable strings, part of the contract:
 *
 * - `version-assumed`: the object's shape names no OCPI version, or fields of
 *   several; it was read as the version the warning names.
 * - `version-mismatch`: the version given in the options is not the one the
 *   shape shows; the object was read as the version given.
 * - `number-as-string`: a number written as a string ("4.40"); read as the
 *   number it writes.
 * - `timestamp-not-utc`: a timestamp with an offset other than UTC (OCPI's
 *   are in UTC); read as the instant it names.
 * - `total-time-mismatch`: `total_time` differs from the time between the
 *   start and end by more than 0.001 h (3.6 s); the timestamps are used.
 * - `charging-periods-mismatch`: a charging period starts outside the
 *   session, out of order, or its TIME and PARKING_TIME volumes differ from
 *   its length by more than 0.001 h.
 * - `zero-duration-with-energy`: the start equals the end, yet energy was
 *   delivered.
 * - `cdr-token-incomplete`: the `cdr_token` lacks mandatory fields
 *   (`country_code`, `party_id`, `type`, `contract_id`).
 * - `operator-unknown`: the object lacks the CPO's `country_code` or
 *   `party_id`, so the charge point has no operator.
 * - `location-ambiguous`: an OCPI 2.1.1 location lists several EVSEs or
 *   connectors; the first was used.
 * - `token-incomplete`: an OCPI Token lacks mandatory fields.
 * - `token-not-valid`: a Token whose `valid` is false was left out of a
 *   token selector.
 * @example OCPI_WARNING_CODES.includes('timestamp-not-utc'); // => true
 */
export const OCPI_WARNING_CODES = [
  'version-assumed',
  'version-mismatch',
  'number-as-string',
  'timestamp-not-utc',
  'total-time-mismatch',
  'charging-periods-mismatch',
  'zero-duration-with-energy',
  'cdr-token-incomplete',
  'operator-unknown',
  'location-ambiguous',
  'token-incomplete',
  'token-not-valid',
] as const;

/** One of {@link OCPI_WARNING_CODES}. */
export type OcpiWarningCode = (typeof OCPI_WARNING_CODES)[number];

/** A warning of the OCPI adapters. */
export type OcpiWarning = ReadWarning<OcpiWarningCode>;

/** What an OCPI adapter gives for one object: the value or every issue, and the warnings. */
export type OcpiReadResult<T> = ReadResult<T, OcpiWarningCode>;
