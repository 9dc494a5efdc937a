/**
 * `npm run bench`: every step of the pipeline on the seeded fleet
 * (bench/fleet.ts), side by side with the hand-written baseline
 * (bench/baseline.ts), medians from one run. Figures are per session.
 */
import { Bench } from 'tinybench';
import {
  activityCsv,
  activityRow,
  attributeCost,
  cpoCsv,
  cpoRow,
  createClassifier,
  parseSession,
  type AssessedSession,
  type ChargingSession,
  type ClassifierConfigInput,
} from '../src/index';
import { handClassifier, handRead } from './baseline';
import { fleet } from './fleet';

const N = 2_000;
const { config, sessions, lines } = fleet(N);
const classifier = createClassifier(config);
const hand = handClassifier(config);

const parsed: ChargingSession[] = sessions.map((input) => {
  const result = parseSession(input);
  if (!result.success) throw new Error(result.error.message);
  return result.data;
});
const classified = parsed.map((session) => classifier.classify(session));
const assessed: AssessedSession[] = parsed.map((session, i) => ({ session, classification: classified[i]!, cost: attributeCost(session, classified[i]!) }));
const handSessions = lines.map((line) => handRead(JSON.parse(line)));
const handTypes = handSessions.map((s) => hand.classify(s));
const mismatches = handTypes.filter((type, i) => type !== classified[i]!.type).length;
if (mismatches > 0) throw new Error(`the baseline disagrees with the library on ${mismatches} of ${N} sessions`);

let sink: unknown;
const bench = new Bench({ time: 1_500, warmupTime: 300 });
bench
  .add('JSON.parse of a line (the floor)', () => {
    for (const line of lines) sink = JSON.parse(line);
  })
  .add('baseline: JSON.parse + read + classify + cost', () => {
    for (const line of lines) {
      const s = handRead(JSON.parse(line));
      sink = hand.cost(s, hand.classify(s));
    }
  })
  .add('library: JSON.parse + parseSession + classify + attributeCost', () => {
    for (const line of lines) {
      const result = parseSession(JSON.parse(line));
      if (result.success) sink = attributeCost(result.data, classifier.classify(result.data));
    }
  })
  .add('baseline: read + classify (its own date parsing)', () => {
    for (const input of sessions) sink = hand.classify(handRead(input));
  })
  .add('baseline: classify alone, on what it read', () => {
    for (const s of handSessions) sink = hand.classify(s);
  })
  .add('library: classify', () => {
    for (const s of parsed) sink = classifier.classify(s);
  })
  .add('library: parseSession', () => {
    for (const input of sessions) sink = parseSession(input);
  })
  .add('library: attributeCost', () => {
    for (let i = 0; i < N; i++) sink = attributeCost(parsed[i]!, classified[i]!);
  })
  .add('library: activityRow', () => {
    for (const item of assessed) sink = activityRow(item);
  })
  .add('library: cpoRow', () => {
    for (const item of assessed) sink = cpoRow(item);
  })
  .add('library: activityCsv', () => {
    sink = activityCsv(assessed);
  })
  .add('library: cpoCsv', () => {
    sink = cpoCsv(assessed);
  });

await bench.run();
void sink;

const median = (name: string): number => {
  const result = bench.tasks.find((task) => task.name === name)?.result;
  if (!result || !('latency' in result)) throw new Error(`no result for ${name}`);
  return ((result.latency.p50 ?? Number.NaN) * 1000) / N; // µs per session
};
const us = (value: number) => `${value.toFixed(2)} µs`;
const perSecond = (value: number) => `${(1 / value).toFixed(2)} M/s`;

const floor = median('JSON.parse of a line (the floor)');
const rows = bench.tasks.map((task) => {
  const m = median(task.name);
  return { step: task.name, 'median per session': us(m), throughput: perSecond(m), 'x JSON.parse': (m / floor).toFixed(2) };
});
console.log(`\n${N} fleet sessions per iteration; Node ${process.version}\n`);
console.table(rows);
const ratio = (a: string, b: string) => (median(a) / median(b)).toFixed(2);
console.log(`classify on parsed sessions, library / baseline read + classify: ${ratio('library: classify', 'baseline: read + classify (its own date parsing)')}`);
console.log(`classify on parsed sessions, library / baseline classify alone: ${ratio('library: classify', 'baseline: classify alone, on what it read')}`);
console.log(`end to end, library / baseline: ${ratio('library: JSON.parse + parseSession + classify + attributeCost', 'baseline: JSON.parse + read + classify + cost')}`);
console.log(`end to end, library / JSON.parse: ${ratio('library: JSON.parse + parseSession + classify + attributeCost', 'JSON.parse of a line (the floor)')}`);

// Building the classifier, and classifying, over large configurations.
function largeConfig(size: number): ClassifierConfigInput {
  return {
    whitelist: Array.from({ length: size }, (_, i) => ({ id: `wl-${i}`, tokens: { uids: [`AA${i.toString(16).padStart(8, '0')}`] }, chargePoints: { ids: [`site-${i}`], locationIds: [`hq-${i % 97}`] }, validFrom: '2022-01-01' })),
    licences: Array.from({ length: size }, (_, i) => ({
      id: `lic-${i}`,
      device: { chargePointId: `home-${i}` },
      status: 'active' as const,
      validFrom: '2022-01-01',
      tokens: { uids: [`BB${i.toString(16).padStart(8, '0')}`] },
      rates: [{ from: '2022-01-01', perKWh: '0.30', currency: 'EUR' }],
    })),
  };
}
const timed = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
};
// Each size is built five times, each from a configuration generated before the clock starts (the
// figure is createClassifier's alone); the median is printed, with the range.
const built: Record<number, ReturnType<typeof createClassifier>> = {};
for (const size of [10_000, 100_000]) {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const config = largeConfig(size);
    const [c, ms] = timed(() => createClassifier(config));
    built[size] = c;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(`createClassifier over ${size.toLocaleString('en')} whitelist entries + ${size.toLocaleString('en')} licences: ${times[2]!.toFixed(0)} ms (median of 5; ${times[0]!.toFixed(0)} to ${times[4]!.toFixed(0)})`);
}
const fleetEntry = {
  whitelist: [{ id: 'fleet-on-sites', tokens: { uids: Array.from({ length: 20_000 }, (_, i) => `CC${i.toString(16).padStart(8, '0')}`) }, chargePoints: { ids: Array.from({ length: 2_000 }, (_, i) => `site-cp-${i}`) } }],
};
const [, fleetMs] = timed(() => createClassifier(fleetEntry));
console.log(`createClassifier over one entry naming 20,000 tokens x 2,000 charge points: ${fleetMs.toFixed(0)} ms`);

const probe = (size: number) =>
  Array.from({ length: 1_000 }, (_, n) => {
    const i = (n * 7919) % size;
    const kind = n % 3;
    const result = parseSession({
      id: `p-${n}`,
      startedAt: '2022-11-10T14:50:16+01:00',
      endedAt: '2022-11-10T15:05:18+01:00',
      energyKWh: '3.667',
      token: { uid: `${kind === 1 ? 'BB' : 'AA'}${i.toString(16).padStart(8, '0')}` },
      chargePoint: { id: kind === 0 ? `site-${i}` : kind === 1 ? `home-${i}` : `public-${i}`, locationId: `loc-${i}` },
    });
    if (!result.success) throw new Error(result.error.message);
    return result.data;
  });
// The two sizes are timed in turn, round after round, and the ratio of each round kept: the machine's
// noise then falls on both sides of a ratio alike. The median of the rounds is printed.
const probes = { 10_000: probe(10_000), 100_000: probe(100_000) };
const classifyAll = (size: 10_000 | 100_000): number => {
  const started = performance.now();
  for (let repeat = 0; repeat < 200; repeat++) for (const s of probes[size]) sink = built[size]!.classify(s);
  return performance.now() - started;
};
classifyAll(10_000);
classifyAll(100_000);
const lookupRatios = Array.from({ length: 15 }, () => {
  const small = classifyAll(10_000);
  return classifyAll(100_000) / small;
}).sort((a, b) => a - b);
console.log(`classify over 100,000 entries / over 10,000: ${lookupRatios[7]!.toFixed(2)} (median of 15 rounds; ${lookupRatios[0]!.toFixed(2)} to ${lookupRatios[14]!.toFixed(2)})`);
