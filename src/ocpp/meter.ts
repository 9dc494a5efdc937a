import type { Decimal } from 'decimal.js';
import { decimalSchema, Exact } from '../model/decimal.js';
import type { LogPath, OcppWarning } from './result.js';
import type { MeterValue } from './sampled-value.js';

/** The measurand energy is read from. */
export const REGISTER = 'Energy.Active.Import.Register';

/** A register reading of the outlet's active import energy, in Wh. */
export interface Reading {
  /** The reading in Wh; `null` when its unit is unknown or its value unreadable. */
  readonly wh: Decimal | null;
  /** A reading of -1: the charger's "unknown". */
  readonly sentinel: boolean;
  readonly context: string | undefined;
  /** The meter value's timestamp, as sent. */
  readonly timestamp: string;
  readonly offline: boolean;
  readonly path: LogPath;
}

/** Meter values with where they are in the log and whether they were sent offline. */
export interface MeterValues {
  readonly meterValue: readonly MeterValue[];
  readonly path: LogPath;
  readonly offline: boolean;
}

const UNIT_WH: Record<string, Decimal> = { Wh: new Exact(1), kWh: new Exact(1000) };

/**
 * The register readings at the outlet (or without location, whose default is
 * the outlet), in order: measurand Energy.Active.Import.Register (the
 * default), no phase, not signed data. Other measurands, the inlet and
 * per-phase values are ignored. Units: Wh (the default) or kWh, times
 * 10^multiplier (2.0.1).
 */
export function registerReadings(sources: readonly MeterValues[]): Reading[] {
  const readings: Reading[] = [];
  for (const { meterValue, path, offline } of sources) {
    meterValue.forEach(({ sampledValue, timestamp }, m) => {
      sampledValue.forEach((sample, s) => {
        if ((sample.measurand ?? REGISTER) !== REGISTER || (sample.location ?? 'Outlet') !== 'Outlet') return;
        if (sample.phase !== undefined || sample.format === 'SignedData') return;
        const value = decimalSchema.safeParse(sample.value);
        const unit = UNIT_WH[sample.unitOfMeasure?.unit ?? sample.unit ?? 'Wh'];
        const multiplier = sample.unitOfMeasure?.multiplier ?? 0;
        const wh = value.success && unit !== undefined ? value.data.times(unit).times(new Exact(10).pow(multiplier)) : null;
        readings.push({
          wh,
          sentinel: value.success && value.data.eq(-1),
          context: sample.context,
          timestamp,
          offline,
          path: [...path, m, 'sampledValue', s],
        });
      });
    });
  }
  return readings;
}

/** A warning for each register reading whose unit or value cannot be read. */
export function unreadableReadings(readings: readonly Reading[], consequence: string): OcppWarning[] {
  return readings
    .filter((reading) => reading.wh === null)
    .map((reading) => ({
      code: 'meter-unit-unknown',
      message: `a register reading whose value or unit (Wh or kWh) cannot be read; ${consequence}`,
      path: reading.path,
    }));
}

/** The first place where the register goes down, as a warning. */
export function decreaseWarning(sequence: readonly { wh: Decimal; path: LogPath }[]): OcppWarning[] {
  for (let i = 1; i < sequence.length; i += 1) {
    const before = sequence[i - 1]!;
    const after = sequence[i]!;
    if (after.wh.lt(before.wh)) {
      return [{
        code: 'meter-decreased',
        message: `the energy register decreases from ${before.wh} Wh to ${after.wh} Wh; a register only rises, so a reading is wrong`,
        path: after.path,
      }];
    }
  }
  return [];
}

/** Energy in kWh from two register readings in Wh. */
export const kWhBetween = (first: Decimal, last: Decimal) => last.minus(first).div(1000);
