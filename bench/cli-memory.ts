// The command line in flat memory: writes an NDJSON file of a million
// sessions, then runs the built command on it with a V8 heap capped at 64 MB
// (far below what holding the input would take) for each streaming format.
// Run by hand after `npm run build`: npx tsx bench/cli-memory.ts [lines]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { sampleSessions } from '../src/sample/index';

const lines = Number(process.argv[2] ?? 1_000_000);
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'dist/bin/charging-sessions.js');
if (!existsSync(bin)) throw new Error('build first: npm run build');

const dir = mkdtempSync(join(tmpdir(), 'charging-sessions-bench-'));
const input = join(dir, 'sessions.ndjson');
const out = createWriteStream(input);
for (let n = 0; n < lines; n++) {
  const session = sampleSessions[n % sampleSessions.length]!;
  if (!out.write(`${JSON.stringify({ ...session, id: `${session.id}-${n}` })}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
console.log(`${lines} sessions written to ${input}`);

try {
  for (const format of ['activity-csv', 'ndjson', 'summary']) {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--max-old-space-size=64', bin, 'assess', '--config', join(root, 'examples/sample-config.json'), '--format', format, input], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (run.status !== 0) throw new Error(`--format ${format}: exit ${run.status} (signal ${run.signal}) after ${seconds} s\n${run.stderr.slice(-2000)}`);
    console.log(`--format ${format}: ${lines} sessions in ${seconds} s with a 64 MB heap`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
