/**
 * fast-check arbitraries for property tests against charging-sessions:
 * session inputs (valid, invalid in every way the rules know, malformed),
 * parsed sessions, classifier configurations (validity rules, licences with
 * rate schedules, whitelist entries), OCPI CDRs, OCPP logs, and edge cases
 * (exact bounds, daylight-saving instants in several zones, UIDs and
 * contract ids in every formatting). Import as `charging-sessions/testing`;
 * fast-check is an optional peer dependency, needed only here.
 * @packageDocumentation
 */
export { scaledText, decimalTextArb } from './decimals.js';
export { POOL } from './pools.js';
export {
  ENERGY_EDGES,
  DURATION_EDGES_MS,
  DST_ZONES,
  dstTransitions,
  dstTransitionArb,
  dstInstantArb,
  dstDateArb,
  formattedUidArb,
  formattedContractIdArb,
  type DstTransition,
  type Formatted,
} from './edges.js';
export {
  energyInputArb,
  durationMsArb,
  authorizationArb,
  tokenInputArb,
  chargePointInputArb,
  startMsArb,
  sessionInputArb,
  parsed,
  sessionArb,
  nowArb,
  invalidSessionInputArb,
  malformedSessionInputArb,
  type InvalidSessionCase,
  type MalformedSessionCase,
} from './sessions.js';
export {
  validityConfigInputArb,
  tokenSelectorArb,
  chargePointSelectorArb,
  rateScheduleInputArb,
  licenceInputArb,
  whitelistEntryInputArb,
  matchersConfigInputArb,
  precedenceArb,
  classifierConfigInputArb,
  type LicenceParts,
} from './config.js';
export { ocpiCdrArb, type OcpiCdrCase } from './ocpi.js';
export { ocpp16LogArb, ocpp201LogArb, type OcppLogCase, type OcppTransactionCase } from './ocpp.js';
