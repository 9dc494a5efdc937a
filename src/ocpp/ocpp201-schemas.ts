import * as z from 'zod';
import { stopReasonSchema } from '../model/stop-reason.js';
import { authorizationStatusSchema } from '../model/token.js';
import { meterValueSchema } from './sampled-value.js';

/**
 * The 2.0.1 TransactionEvent types.
 *
 * @example TRANSACTION_EVENT_TYPES; // => ['Started', 'Updated', 'Ended']
 */
export const TRANSACTION_EVENT_TYPES = ['Started', 'Updated', 'Ended'] as const;

/**
 * Zod schema for 2.0.1 `IdTokenType`.
 *
 * @example idTokenSchema.parse({ idToken: '04A23B5C', type: 'ISO14443' }).idToken; // => '04A23B5C'
 */
export const idTokenSchema = z.object({
  idToken: z.string({ error: 'expected the idToken as a string' }),
  /** Central, eMAID, ISO14443, ISO15693, KeyCode, Local, MacAddress, NoAuthorization. */
  type: z.string({ error: 'expected the idToken type as a string' }),
});

/**
 * Zod schema for 2.0.1 `IdTokenInfoType`: the backend's answer about an idToken.
 *
 * @example idTokenInfoSchema.parse({ status: 'Accepted' }).status; // => 'Accepted'
 */
export const idTokenInfoSchema = z.object({
  status: authorizationStatusSchema,
  cacheExpiryDateTime: z.string().optional(),
  groupIdToken: idTokenSchema.optional(),
});

/**
 * Zod schema for 2.0.1 `TransactionEventRequest`. `stoppedReason` absent means Local (the specification's rule).
 *
 * @example
 * const read = transactionEventRequestSchema.safeParse({ eventType: 'Started', seqNo: 0 });
 * read.error?.issues.map((issue) => issue.path.join('.')); // => ['timestamp', 'triggerReason', 'transactionInfo']
 */
export const transactionEventRequestSchema = z.object({
  eventType: z.enum(TRANSACTION_EVENT_TYPES, { error: 'expected the eventType Started, Updated or Ended' }),
  timestamp: z.string({ error: 'expected the timestamp as an ISO 8601 date-time' }),
  triggerReason: z.string({ error: 'expected the triggerReason as a string' }),
  seqNo: z.number({ error: 'expected the seqNo as an integer' }).int(),
  transactionInfo: z.object(
    {
      transactionId: z.string({ error: 'expected the transactionId as a string' }).min(1, { error: 'the transactionId is empty' }),
      chargingState: z.string().optional(),
      timeSpentCharging: z.number().int().optional(),
      stoppedReason: z.optional(stopReasonSchema),
      remoteStartId: z.number().int().optional(),
    },
    { error: 'the transactionInfo is missing' },
  ),
  offline: z.boolean().optional(),
  meterValue: z.array(meterValueSchema).optional(),
  evse: z.object({ id: z.number().int(), connectorId: z.number().int().optional() }).optional(),
  idToken: idTokenSchema.optional(),
});

/**
 * Zod schema for 2.0.1 `TransactionEventResponse`.
 *
 * @example transactionEventResponseSchema.parse({ idTokenInfo: { status: 'Invalid' } }).idTokenInfo?.status; // => 'Invalid'
 */
export const transactionEventResponseSchema = z.object({
  totalCost: z.number().optional(),
  chargingPriority: z.number().int().optional(),
  idTokenInfo: idTokenInfoSchema.optional(),
});

/** A 2.0.1 TransactionEventRequest as read. */
export type TransactionEventRequest = z.output<typeof transactionEventRequestSchema>;
/** A 2.0.1 TransactionEventResponse as read. */
export type TransactionEventResponse = z.output<typeof transactionEventResponseSchema>;
