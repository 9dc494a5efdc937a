import { Decimal } from 'decimal.js';
import * as z from 'zod';

/**
 * Zod schema for a sampled value (OCPP 1.6 `SampledValue`, 2.0.1
 * `SampledValueType`). The value is kept as sent (1.6: a string, 2.0.1: a
 * number, or an exact decimal when read from text); the fields the adapters
 * interpret are read, the others kept unchecked.
 *
 * @example sampledValueSchema.parse({ value: 4.667, unitOfMeasure: { unit: 'kWh' } }).value; // => 4.667
 */
export const sampledValueSchema = z.object({
  value: z.union([z.string(), z.number(), z.instanceof(Decimal)], {
    error: 'a sampled value needs its value, a number (2.0.1) or a decimal string (1.6)',
  }),
  context: z.string().optional(),
  /** 1.6: Raw or SignedData. */
  format: z.string().optional(),
  /** Default Energy.Active.Import.Register. */
  measurand: z.string().optional(),
  phase: z.string().optional(),
  /** Default Outlet. */
  location: z.string().optional(),
  /** 1.6: the unit, default Wh. */
  unit: z.string().optional(),
  /** 2.0.1: the unit (default Wh) and a power-of-ten multiplier (default 0). */
  unitOfMeasure: z
    .object({ unit: z.string().optional(), multiplier: z.number().int().optional() })
    .optional(),
});

/**
 * Zod schema for a meter value: the sampled values taken at one moment.
 *
 * @example meterValueSchema.safeParse({ timestamp: '2022-11-10T14:00:00Z', sampledValue: [{ value: '4667' }] }).success; // => true
 */
export const meterValueSchema = z.object({
  timestamp: z.string({ error: 'a meter value needs its timestamp' }),
  sampledValue: z.array(sampledValueSchema, { error: 'a meter value needs its sampledValue list' }),
});

/** A sampled value as read. */
export type SampledValue = z.output<typeof sampledValueSchema>;
/** A meter value as read. */
export type MeterValue = z.output<typeof meterValueSchema>;
