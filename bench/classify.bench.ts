/**
 * `npm run bench`: classification speed over 10 to 100,000 whitelist entries
 * and as many licences. Matching goes through indexes, so the cost of a
 * session does not grow with the configuration (beyond the memory effects of
 * larger hash maps). Each iteration classifies the same 1,000 sessions: a mix of
 * whitelisted, split billing and normal sessions.
 */
import { Bench } from 'tinybench';
import { createClassifier, parseSession, type ChargingSession, type ClassifierConfigInput } from '../src/index';

const SESSIONS_PER_ITERATION = 1_000;

function configWith(size: number): ClassifierConfigInput {
  const rates = [{ from: '2022-01-01', perKWh: '0.30', currency: 'EUR' }];
  return {
    whitelist: Array.from({ length: size }, (_, i) => ({
      id: `wl-${i}`,
      tokens: { uids: [`AA${i.toString(16).padStart(8, '0')}`] },
      chargePoints: { ids: [`site-${i}`], locationIds: [`hq-${i % 97}`] },
      validFrom: '2022-01-01',
    })),
    licences: Array.from({ length: size }, (_, i) => ({
      id: `lic-${i}`,
      device: { chargePointId: `home-${i}` },
      status: 'active' as const,
      validFrom: '2022-01-01',
      tokens: { uids: [`BB${i.toString(16).padStart(8, '0')}`] },
      rates,
    })),
  };
}

function sessionsFor(size: number): ChargingSession[] {
  return Array.from({ length: SESSIONS_PER_ITERATION }, (_, n) => {
    const i = (n * 7919) % size;
    const kind = n % 3;
    const parsed = parseSession({
      id: `s-${n}`,
      startedAt: '2022-11-10T14:50:16+01:00',
      endedAt: '2022-11-10T15:05:18+01:00',
      energyKWh: '3.667',
      token: { uid: `${kind === 1 ? 'BB' : 'AA'}${i.toString(16).padStart(8, '0')}`, groupId: 'acme' },
      chargePoint: { id: kind === 0 ? `site-${i}` : kind === 1 ? `home-${i}` : `public-${i}`, locationId: `loc-${i}`, operatorId: 'BE*MBF' },
    });
    if (!parsed.success) throw new Error(parsed.error.message);
    return parsed.data;
  });
}

const bench = new Bench({ time: 2_000, warmupTime: 500 });
const sizes = [10, 1_000, 10_000, 100_000];
for (const size of sizes) {
  const built = performance.now();
  const classifier = createClassifier(configWith(size));
  const buildMs = performance.now() - built;
  const sessions = sessionsFor(size);
  const types = new Map<string, number>();
  for (const session of sessions) {
    const type = classifier.classify(session).type;
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  console.log(`${size} entries and licences: built in ${buildMs.toFixed(0)} ms; per iteration ${[...types].map(([t, n]) => `${n} ${t}`).join(', ')}`);
  bench.add(`classify ${SESSIONS_PER_ITERATION} sessions, ${size} entries + ${size} licences`, () => {
    for (const session of sessions) classifier.classify(session);
  });
}

await bench.run();
const medians = bench.tasks.map((task) => {
  const result = task.result;
  const median = result && 'latency' in result ? result.latency.p50 : undefined;
  return { task: task.name, medianMs: median, perSessionUs: median === undefined ? undefined : (median * 1000) / SESSIONS_PER_ITERATION };
});
console.table(medians.map((m) => ({ task: m.task, 'median (ms)': m.medianMs?.toFixed(3), 'per session (µs)': m.perSessionUs?.toFixed(2) })));
const small = medians[0];
for (const [position, size] of sizes.entries()) {
  const median = medians[position]?.medianMs;
  if (position > 0 && small?.medianMs && median) console.log(`ratio of medians, ${size} / ${sizes[0]}: ${(median / small.medianMs).toFixed(2)}`);
}
