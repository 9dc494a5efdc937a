/**
 * The classifier a user would write by hand instead of using the library:
 * floats for energy and money, `Date.parse` for timestamps, a Map of
 * licences by charge point and a Set of whitelisted (group, location) pairs,
 * the default validity rules, energy x rate rounded with Math.round. It knows
 * only the fleet's shape (no operators, no periods, no contract ids, no
 * precedence), so it is a floor for speed, not a rival in correctness.
 */
import type { ClassifierConfigInput } from '../src/index';

/** A session as the hand-written code reads it. */
export interface HandSession {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly energy: number | null;
  readonly uid: string;
  readonly groupId: string | undefined;
  readonly authorization: string;
  readonly chargePointId: string;
  readonly locationId: string | undefined;
  readonly priceInclVat: number | undefined;
}

/** Reads a session object the way hand-written code does. */
export function handRead(input: Record<string, any>): HandSession {
  return {
    id: input.id,
    start: Date.parse(input.startedAt),
    end: Date.parse(input.endedAt),
    energy: input.energyKWh === null ? null : parseFloat(input.energyKWh),
    uid: String(input.token.uid).toUpperCase(),
    groupId: input.token.groupId,
    authorization: input.token.authorization ?? 'Accepted',
    chargePointId: input.chargePoint.id,
    locationId: input.chargePoint.locationId,
    priceInclVat: input.price ? parseFloat(input.price.inclVat) : undefined,
  };
}

interface HandLicence {
  readonly uids: Set<string>;
  readonly from: number;
  readonly rates: { from: number; perKWh: number }[];
}

/** Builds the hand-written classifier and pricer from the fleet's configuration. */
export function handClassifier(config: ClassifierConfigInput) {
  const schedules = new Map<string, { from: number; perKWh: number }[]>();
  for (const [id, schedule] of Object.entries(config.rateSchedules ?? {})) {
    schedules.set(id, schedule.rates.map((rate) => ({ from: Date.parse(`${String(rate.from)}T00:00:00+01:00`), perKWh: parseFloat(String(rate.perKWh)) })));
  }
  const licences = new Map<string, HandLicence>();
  for (const licence of config.licences ?? []) {
    licences.set(licence.device.chargePointId!.toUpperCase(), {
      uids: new Set((licence.tokens?.uids ?? []).map((uid) => uid.toUpperCase())),
      from: Date.parse(`${String(licence.validFrom)}T00:00:00+01:00`),
      rates: schedules.get(licence.rates as string) ?? [],
    });
  }
  const whitelisted = new Set<string>();
  for (const entry of config.whitelist ?? []) {
    for (const group of entry.tokens.groupIds ?? []) for (const location of entry.chargePoints.locationIds ?? []) whitelisted.add(`${group}|${location}`);
  }
  return {
    classify(s: HandSession): 'normal' | 'split-billing' | 'whitelist' | 'invalid' {
      if (s.authorization !== 'Accepted' || s.energy === null || s.energy < 0 || s.energy > 350 || s.end - s.start < 120_000) return 'invalid';
      const licence = licences.get(s.chargePointId.toUpperCase());
      if (licence && s.start >= licence.from && licence.uids.has(s.uid)) return 'split-billing';
      if (s.groupId !== undefined && s.locationId !== undefined && whitelisted.has(`${s.groupId}|${s.locationId}`)) return 'whitelist';
      return 'normal';
    },
    cost(s: HandSession, type: string): number {
      if (type === 'normal') return s.priceInclVat ?? 0;
      if (type !== 'split-billing') return 0;
      const rates = licences.get(s.chargePointId.toUpperCase())!.rates;
      let rate = 0;
      for (const r of rates) if (r.from <= s.start) rate = r.perKWh;
      return Math.round((s.energy ?? 0) * rate * 100) / 100;
    },
  };
}
