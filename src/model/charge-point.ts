import * as z from 'zod/mini';
import { decimalSchema } from './decimal.js';
import { identifierSchema, optionalIdentifierSchema } from './identifier.js';
import { objectError } from './messages.js';

/**
 * Zod schema for where a session ran: the charge point (OCPP charge box /
 * OCPI location's charging station), its connector and EVSE, the location
 * (site) and the operator.
 */
export const chargePointSchema = z.object({
  /** The charge point's id (OCPP chargeBoxId / charging station id). */
  id: identifierSchema('charge point id'),
  connectorId: optionalIdentifierSchema('connector id'),
  /** The EVSE id, e.g. "BE*MBF*E123" (OCPI `evse_id`). */
  evseId: optionalIdentifierSchema('EVSE id'),
  /** The location (site), e.g. a home or the company's headquarters. */
  locationId: optionalIdentifierSchema('location id'),
  /** The operator (CPO), e.g. "BE*MBF". */
  operatorId: optionalIdentifierSchema('operator id'),
  /** The device's serial number, e.g. a portable charging cable's. */
  serialNumber: optionalIdentifierSchema('serial number'),
  /** The connector's maximum power in kW, for the average-power rule. */
  maxPowerKW: z.optional(decimalSchema.check(z.refine((kW) => kW.isPositive() && !kW.isZero(), { error: 'the maximum power must be above 0 kW' }))),
}, { error: objectError('charge point') });

/** The charge point as written in JSON. */
export type ChargePointInput = z.input<typeof chargePointSchema>;
/** The parsed charge point. */
export type ChargePoint = z.output<typeof chargePointSchema>;
