import { readonlyOutput } from '../model/list.js';
import * as z from 'zod/mini';
import { withDescription } from '../model/schema.js';
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
export const validityConfigSchema = withDescription(
  z.strictObject(
    {
      /** Inclusive bounds on the energy in kWh. */
      energyKWh: withDescription(
        z.prefault(
          z.strictObject(
            {
              min: withDescription(z.prefault(decimalSchema, '0'), 'The least energy (kWh) a valid session has, inclusive; default 0.'),
              max: withDescription(z.prefault(decimalSchema, '350'), 'The most energy (kWh) a valid session has, inclusive; default 350.'),
            },
            { error: objectError('energy bounds') },
          ),
          {},
        ),
        'Inclusive bounds on the energy in kWh; a session outside them is invalid.',
      ),
      /** A session shorter than this (seconds) is invalid; exactly this long is valid. */
      minDurationSeconds: withDescription(z.prefault(nonNegative('minDurationSeconds'), 120), 'A session shorter than this (seconds) is invalid; exactly this long is valid; default 120.'),
      /** A session longer than this (seconds) is invalid; `null` = no maximum. */
      maxDurationSeconds: withDescription(z._default(z.nullable(positive('maxDurationSeconds')), null), 'A session longer than this (seconds) is invalid; null (the default): no maximum.'),
      /** Whether a session without a meter reading is invalid. */
      requireEnergy: withDescription(z._default(z.boolean({ error: 'requireEnergy must be true or false' }), true), 'Whether a session without a meter reading is invalid; default true.'),
      /** Authorisation statuses that count as accepted; every other status is a rejection. */
      acceptedAuthorizations: withDescription(
        z._default(
          readonlyOutput(
            z.array(authorizationStatusSchema, { error: 'acceptedAuthorizations is a list of authorisation statuses' }).check(z.minLength(1, { error: 'at least one authorisation status must be accepted' })),
          ),
          ['Accepted'],
        ),
        'Authorisation statuses that count as accepted; every other status is a rejection; default ["Accepted"].',
      ),
      /** Zero or very low consumption: a session with at most this energy (kWh) is invalid; `null` = off. */
      lowEnergy: withDescription(
        z._default(
          z.nullable(z.strictObject({ atMostKWh: withDescription(nonNegative('atMostKWh'), 'A session with at most this energy (kWh) is invalid.') }, { error: objectError('low energy rule') })),
          null,
        ),
        'Zero or very low consumption makes a session invalid; null (the default): off.',
      ),
      /**
       * Implausible average power: energy / duration above the connector's
       * `maxPowerKW` (or `kW` here when the session does not say) plus a
       * tolerance in percent; `null` = off.
       */
      maxAveragePower: withDescription(
        z._default(
          z.nullable(
            z.strictObject(
              {
                kW: withDescription(z.optional(positive('kW')), "The connector's power in kW, where the session does not say (maxPowerKW)."),
                tolerancePercent: withDescription(z.prefault(nonNegative('tolerancePercent'), '10'), 'How far above the power (percent) is still plausible; default 10.'),
              },
              { error: objectError('average power rule') },
            ),
          ),
          null,
        ),
        "An average power (energy / duration) above the connector's makes a session invalid; null (the default): off.",
      ),
      /** Stop reasons that make a session invalid (e.g. EmergencyStop, GroundFault); none by default. */
      invalidStopReasons: withDescription(
        z._default(readonlyOutput(z.array(stopReasonSchema, { error: 'invalidStopReasons is a list of stop reasons' })), []),
        'Stop reasons that make a session invalid (e.g. EmergencyStop, GroundFault); none by default.',
      ),
      /** A session that starts before this instant is invalid; `null` = off. */
      earliestStart: withDescription(z._default(z.nullable(instantSchema()), null), 'A session that starts before this date-time (with an offset) is invalid; null (the default): off.'),
    },
    { error: objectError('validity rules') },
  ),
  "The validity rules: a session failing any is invalid. Every field is optional and defaults to the domain's rule.",
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
