import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { decimalSchema, isDecimal } from '../model/decimal.js';
import { stopReasonSchema } from '../model/stop-reason.js';
import { authorizationStatusSchema } from '../model/token.js';
import { meterValueSchema } from './sampled-value.js';

/**
 * Zod schema for an OCPP 1.6 `transactionId` (an integer), read as a string
 * so that 0, -1 and 9223372036854775807 stay distinct and exact. Accepts a
 * number, a bigint, or an exact decimal (as the adapters read it from text).
 *
 * @example transactionId16Schema.parse(-1); // => '-1'
 */
export const transactionId16Schema = z
  // Not z.number().int(), which refuses integers beyond the safe ones: they are read, with a warning.
  .union([z.number().refine(Number.isInteger), z.bigint(), z.instanceof(Decimal).refine((value) => value.isInteger())], {
    error: 'expected the transactionId as an integer',
  })
  .transform((value) => (value instanceof Decimal ? value.toFixed() : typeof value === 'number' ? value.toFixed() : value.toString()));

/**
 * Zod schema for a 1.6 register reading in Wh (`meterStart`, `meterStop`): an integer, read as an exact decimal.
 *
 * @example wattHoursSchema.parse(4667).toString(); // => '4667'
 * @example wattHoursSchema.safeParse(4667.5).success; // => false
 */
export const wattHoursSchema = z
  .union([z.bigint().transform((value) => value.toString()), z.number(), z.custom<Decimal>(isDecimal)])
  .pipe(decimalSchema)
  .refine((wattHours) => wattHours.isInteger(), { error: 'a 1.6 meter register is a whole number of Wh (OCPP 1.6 defines it as an integer)' });

/**
 * Zod schema for 1.6 `IdTagInfo`: the backend's answer about an idTag.
 *
 * @example idTagInfoSchema.parse({ status: 'Blocked' }).status; // => 'Blocked'
 */
export const idTagInfoSchema = z.object({
  status: authorizationStatusSchema,
  expiryDate: z.string().optional(),
  parentIdTag: z.string().optional(),
});

/**
 * Zod schema for 1.6 `StartTransaction.req`.
 *
 * @example
 * const start = startTransactionRequestSchema.parse({ connectorId: 1, idTag: '04A23B5C', meterStart: 1000, timestamp: '2022-11-10T13:50:16Z' });
 * start.meterStart.toString(); // => '1000'
 */
export const startTransactionRequestSchema = z.object({
  connectorId: z.number({ error: 'expected the connectorId as an integer' }).int(),
  idTag: z.string({ error: 'expected the idTag as a string' }),
  meterStart: wattHoursSchema,
  reservationId: z.number().int().optional(),
  timestamp: z.string({ error: 'expected the timestamp as an ISO 8601 date-time' }),
});

/**
 * Zod schema for 1.6 `StartTransaction.conf`: the transaction's id and the idTag's authorisation.
 *
 * @example startTransactionResponseSchema.parse({ idTagInfo: { status: 'Accepted' }, transactionId: 7 }).transactionId; // => '7'
 */
export const startTransactionResponseSchema = z.object({
  idTagInfo: idTagInfoSchema,
  transactionId: transactionId16Schema,
});

/**
 * Zod schema for 1.6 `MeterValues.req`.
 *
 * @example
 * const sample = { timestamp: '2022-11-10T14:00:00Z', sampledValue: [{ value: '2500' }] };
 * meterValuesRequestSchema.safeParse({ connectorId: 1, transactionId: 7, meterValue: [sample] }).success; // => true
 */
export const meterValuesRequestSchema = z.object({
  connectorId: z.number({ error: 'expected the connectorId as an integer' }).int(),
  transactionId: transactionId16Schema.optional(),
  meterValue: z.array(meterValueSchema, { error: 'expected meterValue as a list' }),
});

/**
 * Zod schema for 1.6 `StopTransaction.req`. `reason` absent means Local (the specification's rule).
 *
 * @example
 * const stop = stopTransactionRequestSchema.parse({ transactionId: 7, meterStop: 4667, timestamp: '2022-11-10T14:05:18Z', reason: 'EVDisconnected' });
 * stop.meterStop.toString(); // => '4667'
 */
export const stopTransactionRequestSchema = z.object({
  idTag: z.string().optional(),
  meterStop: wattHoursSchema,
  timestamp: z.string({ error: 'expected the timestamp as an ISO 8601 date-time' }),
  transactionId: transactionId16Schema,
  reason: z.optional(stopReasonSchema),
  transactionData: z.array(meterValueSchema).optional(),
});

/**
 * Zod schema for 1.6 `StopTransaction.conf`.
 *
 * @example stopTransactionResponseSchema.parse({ idTagInfo: { status: 'Accepted' } }).idTagInfo?.status; // => 'Accepted'
 */
export const stopTransactionResponseSchema = z.object({ idTagInfo: idTagInfoSchema.optional() });

/** A 1.6 StartTransaction.req as read. */
export type StartTransactionRequest = z.output<typeof startTransactionRequestSchema>;
/** A 1.6 StopTransaction.req as read. */
export type StopTransactionRequest = z.output<typeof stopTransactionRequestSchema>;
/** A 1.6 MeterValues.req as read. */
export type MeterValuesRequest = z.output<typeof meterValuesRequestSchema>;
