import { Approximate, compareDecimals, Exact } from '../model/decimal.js';
import type { ChargingSession } from '../model/session.js';
import type { InvalidReasonCode, Reason } from './reason.js';
import type { ValidityConfig } from './config.js';

/**
 * A validity rule: a pure function of the session, the rules' configuration
 * and the caller's `now` (when given), returning the reason the session fails
 * it, or `null` when it passes or the rule does not apply.
 */
export type ValidityRule = (session: ChargingSession, config: ValidityConfig, now: Date | undefined) => Reason<InvalidReasonCode> | null;

const durationMs = (session: ChargingSession) => session.endedAt.getTime() - session.startedAt.getTime();
const SECONDS_PER_MS = new Exact('0.001');
const seconds = (ms: number) => new Exact(ms).times(SECONDS_PER_MS);

/**
 * The token's authorisation status must be one of the accepted ones (default:
 * only Accepted). A session stopped `DeAuthorized` was refused by the backend
 * after it started: its token is rejected too.
 */
export const tokenAccepted: ValidityRule = ({ token, stopReason }, config) => {
  if (stopReason === 'DeAuthorized') {
    return {
      code: 'token-rejected',
      message: 'the backend refused the token after the session started (stop reason DeAuthorized)',
      actual: 'DeAuthorized',
      limit: config.acceptedAuthorizations.join(', '),
    };
  }
  return config.acceptedAuthorizations.includes(token.authorization)
    ? null
    : {
        code: 'token-rejected',
        message: `the token was not accepted (authorisation status ${token.authorization})`,
        actual: token.authorization,
        limit: config.acceptedAuthorizations.join(', '),
      };
};

/** Energy must be known, unless the configuration allows sessions without a reading. */
export const energyPresent: ValidityRule = ({ energyKWh }, config) =>
  energyKWh === null && config.requireEnergy ? { code: 'energy-missing', message: 'no energy was recorded (no meter reading)' } : null;

/** Energy must lie within the inclusive bounds (default [0, 350] kWh). */
export const energyInRange: ValidityRule = ({ energyKWh }, { energyKWh: { min, max } }) =>
  energyKWh === null || (compareDecimals(energyKWh, min) >= 0 && compareDecimals(energyKWh, max) <= 0)
    ? null
    : {
        code: 'energy-out-of-range',
        message: `${energyKWh} kWh is outside the allowed range of ${min} to ${max} kWh`,
        actual: energyKWh.toString(),
        limit: `${min}..${max}`,
      };

/** Optional: a session with zero or very low consumption (at most the configured kWh) is invalid. */
export const energyNotTooLow: ValidityRule = ({ energyKWh }, { lowEnergy }) =>
  lowEnergy === null || energyKWh === null || compareDecimals(energyKWh, lowEnergy.atMostKWh) > 0
    ? null
    : {
        code: 'energy-too-low',
        message: `${energyKWh} kWh is at most ${lowEnergy.atMostKWh} kWh: too little was charged`,
        actual: energyKWh.toString(),
        limit: lowEnergy.atMostKWh.toString(),
      };

/** The end must not come before the start; a negative duration is never passed on. */
export const endNotBeforeStart: ValidityRule = (session) =>
  durationMs(session) >= 0
    ? null
    : {
        code: 'end-before-start',
        message: `the session ends (${session.endedAt.toISOString()}) before it starts (${session.startedAt.toISOString()})`,
        actual: seconds(durationMs(session)).toString(),
      };

/** The session must last at least the minimum duration (default 120 s; exactly 120 s is valid). */
export const durationLongEnough: ValidityRule = (session, { minDurationSeconds }) => {
  const ms = durationMs(session);
  if (ms < 0) return null;
  const lasted = seconds(ms);
  if (compareDecimals(minDurationSeconds, lasted) <= 0) return null;
  return {
    code: 'duration-too-short',
    message: `the session lasted ${lasted} s, less than the minimum of ${minDurationSeconds} s`,
    actual: lasted.toString(),
    limit: minDurationSeconds.toString(),
  };
};

/** Optional: the session must not last longer than the maximum duration. */
export const durationNotTooLong: ValidityRule = (session, { maxDurationSeconds }) => {
  if (maxDurationSeconds === null) return null;
  const lasted = seconds(durationMs(session));
  if (compareDecimals(maxDurationSeconds, lasted) >= 0) return null;
  return {
    code: 'duration-too-long',
    message: `the session lasted ${lasted} s, more than the maximum of ${maxDurationSeconds} s`,
    actual: lasted.toString(),
    limit: maxDurationSeconds.toString(),
  };
};

/**
 * Optional: the average power (energy / duration) must not exceed the
 * connector's maximum power (or the configured kW) plus the tolerance.
 */
export const averagePowerPlausible: ValidityRule = (session, { maxAveragePower }) => {
  const ms = durationMs(session);
  const limitKW = session.chargePoint.maxPowerKW ?? maxAveragePower?.kW;
  if (maxAveragePower === null || limitKW === undefined || session.energyKWh === null || ms < 0) return null;
  const allowedKW = limitKW.times(maxAveragePower.tolerancePercent.div(100).plus(1));
  // energy / hours <= allowed, compared without dividing: energy x 3,600,000 <= allowed x ms.
  const energyKWh = session.energyKWh;
  if (energyKWh.times(3_600_000).lte(allowedKW.times(ms))) return null;
  const averageKW = ms === 0 ? 'unbounded' : new Approximate(energyKWh).times(3_600_000).div(ms).toDecimalPlaces(3).toString();
  return {
    code: 'power-implausible',
    message: `an average of ${averageKW} kW is more than the ${limitKW} kW connector allows (with ${maxAveragePower.tolerancePercent} % tolerance)`,
    actual: averageKW,
    limit: allowedKW.toString(),
  };
};

/** Optional: the session must not start before the configured earliest start. */
export const startNotTooEarly: ValidityRule = ({ startedAt }, { earliestStart }) =>
  earliestStart === null || startedAt.getTime() >= earliestStart.getTime()
    ? null
    : {
        code: 'start-too-early',
        message: `the session starts ${startedAt.toISOString()}, before the earliest plausible start ${earliestStart.toISOString()}`,
        actual: startedAt.toISOString(),
        limit: earliestStart.toISOString(),
      };

/** When the caller passes `now`: the session must not start after it. */
export const startNotInFuture: ValidityRule = ({ startedAt }, _config, now) =>
  now === undefined || startedAt.getTime() <= now.getTime()
    ? null
    : {
        code: 'start-in-future',
        message: `the session starts ${startedAt.toISOString()}, after now (${now.toISOString()})`,
        actual: startedAt.toISOString(),
        limit: now.toISOString(),
      };

/** Optional: a session whose stop reason is one of the configured ones is invalid (off by default). */
export const stopReasonAccepted: ValidityRule = ({ stopReason }, { invalidStopReasons }) =>
  stopReason === undefined || !invalidStopReasons.includes(stopReason)
    ? null
    : {
        code: 'stop-reason-invalid',
        message: `the session stopped for a reason that makes it invalid (${stopReason})`,
        actual: stopReason,
        limit: invalidStopReasons.join(', '),
      };

/**
 * Every validity rule, in the order their reasons are reported.
 *
 * @example
 * VALIDITY_RULES.length === INVALID_REASON_CODES.length; // => true
 * VALIDITY_RULES.map((rule) => rule(session, defaultConfig.validity, undefined)); // => Array(VALIDITY_RULES.length).fill(null)
 */
export const VALIDITY_RULES: readonly ValidityRule[] = [
  tokenAccepted,
  energyPresent,
  energyInRange,
  energyNotTooLow,
  endNotBeforeStart,
  durationLongEnough,
  durationNotTooLong,
  averagePowerPlausible,
  startNotTooEarly,
  startNotInFuture,
  stopReasonAccepted,
];

/**
 * Checks a session against every rule and returns **every** reason it fails
 * (an empty list: valid).
 *
 * @example
 * checkValidity(session, defaultConfig.validity); // => []
 * const rel5 = parseSession(sampleSessions[4]); // lasted 49 s, no energy
 * rel5.success && checkValidity(rel5.data, defaultConfig.validity).map((r) => r.code); // => ['energy-missing', 'duration-too-short']
 */
export function checkValidity(session: ChargingSession, config: ValidityConfig, now?: Date): Reason<InvalidReasonCode>[] {
  const reasons: Reason<InvalidReasonCode>[] = [];
  for (const rule of VALIDITY_RULES) {
    const reason = rule(session, config, now);
    if (reason !== null) reasons.push(reason);
  }
  return reasons;
}

/** A validity check prepared for one configuration: `null` for a valid session, else every reason it fails. */
export type ValidityCheck = (session: ChargingSession, now: Date | undefined) => Reason<InvalidReasonCode>[] | null;

/**
 * Prepares {@link checkValidity} for one configuration: thresholds become
 * numbers and sets once, so a valid session is recognised with a few
 * comparisons and nothing allocated; any session that fails a comparison is
 * handed to {@link checkValidity} for its reasons, so the answers are the
 * same.
 *
 * @example compileValidity(defaultConfig.validity)(session, undefined); // => null
 */
export function compileValidity(config: ValidityConfig): ValidityCheck {
  const accepted = new Set<string>(config.acceptedAuthorizations);
  const invalidStops = new Set<string>(config.invalidStopReasons);
  const { min, max } = config.energyKWh;
  const { requireEnergy, lowEnergy, maxAveragePower } = config;
  // exactly `minDurationSeconds` is valid: ms / 1000 >= min, ms whole, so ms >= ceil(min x 1000).
  const minMs = config.minDurationSeconds.times(1000).ceil().toNumber();
  const maxMs = config.maxDurationSeconds === null ? Infinity : config.maxDurationSeconds.times(1000).floor().toNumber();
  const earliestMs = config.earliestStart === null ? -Infinity : config.earliestStart.getTime();
  return (session, now) => {
    const { token, energyKWh, stopReason } = session;
    const startMs = session.startedAt.getTime();
    const ms = session.endedAt.getTime() - startMs;
    const plainlyValid =
      accepted.has(token.authorization) &&
      (stopReason === undefined || (stopReason !== 'DeAuthorized' && !invalidStops.has(stopReason))) &&
      (energyKWh === null ? !requireEnergy : compareDecimals(energyKWh, min) >= 0 && compareDecimals(energyKWh, max) <= 0 && (lowEnergy === null || compareDecimals(energyKWh, lowEnergy.atMostKWh) > 0)) &&
      ms >= 0 &&
      ms >= minMs &&
      ms <= maxMs &&
      startMs >= earliestMs &&
      (now === undefined || startMs <= now.getTime()) &&
      (maxAveragePower === null || averagePowerPlausible(session, config, now) === null);
    if (plainlyValid) return null;
    const reasons = checkValidity(session, config, now);
    return reasons.length === 0 ? null : reasons;
  };
}
