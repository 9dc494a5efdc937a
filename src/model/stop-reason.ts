import * as z from 'zod/mini';
import { describe } from './messages.js';

/**
 * Why a session stopped, in one vocabulary: OCPP 1.6's `reason` (EmergencyStop,
 * EVDisconnected, HardReset, Local, Other, PowerLoss, Reboot, Remote,
 * SoftReset, UnlockCommand, DeAuthorized) together with what OCPP 2.0.1's
 * `stoppedReason` adds. The spelling is the standards' own, so a value read
 * from either version is kept as it is.
 * @example STOP_REASONS.includes('EVDisconnected'); // => true
 */
export const STOP_REASONS = [
  'DeAuthorized',
  'EmergencyStop',
  'EnergyLimitReached',
  'EVDisconnected',
  'GroundFault',
  'HardReset',
  'ImmediateReset',
  'Local',
  'LocalOutOfCredit',
  'MasterPass',
  'Other',
  'OvercurrentFault',
  'PowerLoss',
  'PowerQuality',
  'Reboot',
  'Remote',
  'SOCLimitReached',
  'SoftReset',
  'StoppedByEV',
  'TimeLimitReached',
  'Timeout',
  'UnlockCommand',
] as const;

/** One of {@link STOP_REASONS}. */
export type StopReason = (typeof STOP_REASONS)[number];

/**
 * Zod schema for a stop reason; an unknown value is refused with the list of known ones.
 *
 * @example
 * stopReasonSchema.safeParse('EVDisconnected').success; // => true
 * stopReasonSchema.safeParse('Unplugged').success; // => false
 */
export const stopReasonSchema = z.enum(STOP_REASONS, {
  error: (issue) => `unknown stop reason ${describe(issue.input)}; expected one of ${STOP_REASONS.join(', ')}`,
});
