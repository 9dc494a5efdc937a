/**
 * A seeded, realistic fleet for the benchmarks: 1,000 drivers, 300 home
 * licences on quarterly rate schedules (shared per Belgian region), 50
 * whitelist entries on the company's sites, and a month of sessions: 60 %
 * public with a price, 25 % at home, 10 % on a company site, 5 % invalid.
 * The same seed gives the same fleet, so runs compare.
 */
import type { ClassifierConfigInput, SessionInput } from '../src/index';

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width = 8) => n.toString(16).toUpperCase().padStart(width, '0');
const REGIONS = ['flanders', 'brussels', 'wallonia'] as const;
/** Quarterly Belgian ceilings 2025 Q1 to 2026 Q2 (EUR/kWh), used as rates. */
const QUARTERS: Record<(typeof REGIONS)[number], string[]> = {
  flanders: ['0.2822', '0.3194', '0.3456', '0.3070', '0.3132', '0.3191'],
  brussels: ['0.3294', '0.3585', '0.3787', '0.3356', '0.3426', '0.3555'],
  wallonia: ['0.3256', '0.3618', '0.3843', '0.3457', '0.3523', '0.3637'],
};
const QUARTER_STARTS = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01'];

export interface Fleet {
  readonly config: ClassifierConfigInput;
  /** Sessions as a backend sends them (JSON form). */
  readonly sessions: SessionInput[];
  /** The same sessions, one JSON text per line (NDJSON). */
  readonly lines: string[];
}

export const DRIVERS = 1_000;
export const LICENCES = 300;
export const WHITELIST_ENTRIES = 50;

/** The fleet's configuration: licences on regional schedules, site whitelist entries. */
export function fleetConfig(): ClassifierConfigInput {
  return {
    rateSchedules: Object.fromEntries(
      REGIONS.map((region) => [`be-${region}`, { timeZone: 'Europe/Brussels', rates: QUARTER_STARTS.map((from, q) => ({ from, perKWh: QUARTERS[region][q]!, currency: 'EUR' })) }]),
    ),
    licences: Array.from({ length: LICENCES }, (_, i) => ({
      id: `lic-${i}`,
      employeeId: `driver-${i}`,
      device: { chargePointId: `home-${hex(i, 4)}` },
      status: 'active' as const,
      validFrom: '2025-01-01',
      validUntil: null,
      tokens: { uids: [`04${hex(i, 6)}`] },
      rates: `be-${REGIONS[i % 3]}`,
    })),
    whitelist: Array.from({ length: WHITELIST_ENTRIES }, (_, i) => ({
      id: `wl-site-${i}`,
      tokens: { groupIds: [`fleet-${i % 5}`] },
      chargePoints: { locationIds: [`site-${i}`] },
      validFrom: '2025-01-01',
    })),
  };
}

/** `count` sessions of the fleet in 2026, seeded. */
export function fleetSessions(count: number, seed = 42): SessionInput[] {
  return [...fleetStream(count, seed)];
}

/** The same sessions one at a time, so a million pass without being held. */
export function* fleetStream(count: number, seed = 42): Generator<SessionInput> {
  const next = random(seed);
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let n = 0; n < count; n++) {
    const driver = Math.floor(next() * DRIVERS);
    const roll = next();
    const startedMs = start + Math.floor(next() * 150 * 86_400_000);
    const durationMs = 300_000 + Math.floor(next() * 4 * 3_600_000);
    const energy = (1 + next() * 60).toFixed(3);
    const token = { uid: `04${hex(driver, 6)}`, contractId: `BE-ACM-C${hex(driver, 8).slice(-8)}`, groupId: `fleet-${driver % 5}`, type: 'RFID' as const };
    const base = {
      id: `s-${n}`,
      startedAt: new Date(startedMs).toISOString(),
      endedAt: new Date(startedMs + durationMs).toISOString(),
      energyKWh: energy,
      userId: `driver-${driver}`,
    };
    if (roll < 0.6) {
      const excl = (Number(energy) * 0.45).toFixed(2);
      yield { ...base, token, chargePoint: { id: `pub-${Math.floor(next() * 5000)}`, connectorId: '1', locationId: `loc-${Math.floor(next() * 2000)}`, operatorId: 'BE*ION' }, price: { exclVat: excl, inclVat: (Number(excl) * 1.21).toFixed(2), currency: 'EUR' } };
    } else if (roll < 0.85) {
      const home = driver % LICENCES;
      yield { ...base, token: { ...token, uid: `04${hex(home, 6)}` }, chargePoint: { id: `home-${hex(home, 4)}`, connectorId: '1', locationId: `home-${home}` } };
    } else if (roll < 0.95) {
      yield { ...base, token, chargePoint: { id: `site-cp-${driver % 50}`, connectorId: '2', locationId: `site-${(driver % 5) + 5 * Math.floor(next() * 10)}`, operatorId: 'BE*ACM' } };
    } else {
      const kind = Math.floor(next() * 3);
      yield {
        ...base,
        endedAt: kind === 0 ? new Date(startedMs + 49_000).toISOString() : base.endedAt,
        energyKWh: kind === 1 ? null : kind === 2 ? '412.5' : energy,
        token: kind === 0 ? { ...token, authorization: 'Blocked' as const } : token,
        chargePoint: { id: `pub-${Math.floor(next() * 5000)}`, locationId: 'loc-1', operatorId: 'BE*ION' },
      };
    }
  }
}

/** The fleet with `count` sessions. */
export function fleet(count: number, seed = 42): Fleet {
  const sessions = fleetSessions(count, seed);
  return { config: fleetConfig(), sessions, lines: sessions.map((s) => JSON.stringify(s)) };
}
