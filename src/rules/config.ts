import { readonlyOutput } from '../model/list.js';
import * as z from 'zod/mini';
import { decimalSchema, isDecimal } from '../model/decimal.js';
import { instantSchema } from '../model/instant.js';
import { objectError } from '../model/messages.js';
import { stopReasonSchema } from '../model/stop-reason.js';
import { authorizationStatusSchema } from '../model/token.js';

const nonNegative = (what: string) =>
  decimalSchema.check(z.refine((value) => !value.isNegative() || value.isZero(), { error: `${what} cannot be negative` }));
const positive = (what: string) =>
  decimalSchema.check(z.refine((value) => value.isPositive() && !value.isZero(), { error: `${what} must be above 0` }));

/**
 * Zod schema for the validity rules. Every field is optional and defaults to
 * the domain's rule: energy within [0, 350] kWh inclusive, at least 120 s,
 * energy required, only `Accepted` accepted; the optional rules are off
 * (`null`).
 * @example validityConfigSchema.parse({}).energyKWh; // => { min: '0', max: '350' }
 */
export const validityConfigSchema = z.strictObject(
  {
    /** Inclusive bounds on the energy in kWh. */
    energyKWh: z.prefault(
      z.strictObject(
        {
          min: z.prefault(decimalSchema, '0'),
          max: z.prefault(decimalSchema, '350'),
        },
        { error: objectError('energy bounds') },
      ),
      {},
    ),
    /** A session shorter than this (seconds) is invalid; exactly this long is valid. */
    minDurationSeconds: z.prefault(nonNegative('minDurationSeconds'), 120),
    /** A session longer than this (seconds) is invalid; `null` = no maximum. */
    maxDurationSeconds: z._default(z.nullable(positive('maxDurationSeconds')), null),
    /** Whether a session without a meter reading is invalid. */
    requireEnergy: z._default(z.boolean({ error: 'requireEnergy must be true or false' }), true),
    /** Authorisation statuses that count as accepted; every other status is a rejection. */
    acceptedAuthorizations: z._default(
      readonlyOutput(
        z.array(authorizationStatusSchema, { error: 'acceptedAuthorizations is a list of authorisation statuses' }).check(z.minLength(1, { error: 'at least one authorisation status must be accepted' })),
      ),
      ['Accepted'],
    ),
    /** Zero or very low consumption: a session with at most this energy (kWh) is invalid; `null` = off. */
    lowEnergy: z._default(
      z.nullable(z.strictObject({ atMostKWh: nonNegative('atMostKWh') }, { error: objectError('low energy rule') })),
      null,
    ),
    /**
     * Implausible average power: energy / duration above the connector's
     * `maxPowerKW` (or `kW` here when the session does not say) plus a
     * tolerance in percent; `null` = off.
     */
    maxAveragePower: z._default(
      z.nullable(
        z.strictObject(
          {
            kW: z.optional(positive('kW')),
            tolerancePercent: z.prefault(nonNegative('tolerancePercent'), '10'),
          },
          { error: objectError('average power rule') },
        ),
      ),
      null,
    ),
    /** Stop reasons that make a session invalid (e.g. EmergencyStop, GroundFault); none by default. */
    invalidStopReasons: z._default(readonlyOutput(z.array(stopReasonSchema, { error: 'invalidStopReasons is a list of stop reasons' })), []),
    /** A session that starts before this instant is invalid; `null` = off. */
    earliestStart: z._default(z.nullable(instantSchema()), null),
  },
  { error: objectError('validity rules') },
).check(
  z.superRefine(
    ({ energyKWh, minDurationSeconds, maxDurationSeconds }, ctx) => {
      // Runs even when other fields failed, so one error lists every problem; fields that failed are skipped.
      if (isDecimal(energyKWh?.min) && isDecimal(energyKWh.max) && energyKWh.min.gt(energyKWh.max)) {
        ctx.addIssue({ code: 'custom', path: ['energyKWh', 'min'], message: `min (${energyKWh.min}) is above max (${energyKWh.max})` });
      }
      if (isDecimal(minDurationSeconds) && isDecimal(maxDurationSeconds) && minDurationSeconds.gt(maxDurationSeconds)) {
        ctx.addIssue({
          code: 'custom',
          path: ['minDurationSeconds'],
          message: `minDurationSeconds (${minDurationSeconds}) is above maxDurationSeconds (${maxDurationSeconds})`,
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  ),
);

/** Validity rules as configured (JSON form); every field optional. */
export type ValidityConfigInput = z.input<typeof validityConfigSchema>;

/** Validity rules with defaults applied: exact decimals, instants. */
export type ValidityConfig = z.output<typeof validityConfigSchema>;
