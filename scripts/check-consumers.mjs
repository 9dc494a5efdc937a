// Checks the package as its users compile it. Packs it (the "prepack" script
// builds it), checks the tarball with attw for every resolution profile, then
// installs the tarball into a temporary directory and, for each project under
// test/consumers, type-checks with skipLibCheck off and runs a small program
// against the public API, and asserts that a wrong program fails to type-check
// (skipLibCheck on) with exactly the errors its comments name. Exits non-zero
// on any failure.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const consumersDir = join(root, 'test', 'consumers');
const work = mkdtempSync(join(tmpdir(), 'charging-sessions-consumers-'));
/** The packages a consumer installs besides this one, at the versions the lock file gives this project. */
const TOOLS = ['typescript', 'zod', 'decimal.js', '@types/node'];
/** A line of the wrong program that must fail: `// error TS2322`. */
const EXPECTED_ERROR = /\/\/ error (TS\d+)\s*$/;
const DIAGNOSTIC = /^([^\s(]+)\((\d+),\d+\): error (TS\d+):/;

const results = [];

/** Runs a command; returns its exit code and its whole output. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Records one check; prints its output when it failed. */
function check(name, ok, output = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) console.log(output.trimEnd().replace(/^/gm, '     '));
}

function versionOf(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The (line, code) pairs a file's comments expect, as sorted strings. */
function expectedErrors(file) {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, index) => {
    const match = EXPECTED_ERROR.exec(line);
    return match ? [`${basename(file)}:${index + 1} ${match[1]}`] : [];
  });
}

/** The (file:line, code) pairs of tsc's output, as sorted strings; other lines are kept whole. */
function reportedErrors(output) {
  return output.split('\n').filter((line) => / error TS\d+:/.test(line)).map((line) => {
    const match = DIAGNOSTIC.exec(line);
    return match ? `${match[1]}:${match[2]} ${match[3]}` : line;
  });
}

const consumers = readdirSync(consumersDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(consumersDir, entry.name, 'tsconfig.json')))
  .map((entry) => entry.name)
  .sort();
if (consumers.length === 0) throw new Error(`no consumer projects found under ${consumersDir}`);

try {
  // 1. Pack as `npm publish` would; "prepack" builds dist first.
  const pack = run('npm', ['pack', '--pack-destination', work], root);
  const tarballs = readdirSync(work).filter((file) => file.endsWith('.tgz'));
  check('npm pack builds and packs the package', pack.status === 0 && tarballs.length === 1, pack.output);
  if (tarballs.length !== 1) throw new Error('npm pack failed');
  const tarball = join(work, tarballs[0]);

  // 2. attw: every resolution profile (node10, node16 from CommonJS and from ESM, bundler).
  const attw = run(join(root, 'node_modules', '.bin', 'attw'), [tarball], root);
  check('attw finds no problem in any profile', attw.status === 0, attw.output);

  // 3. Install the tarball as a user would, with the tools its consumers compile with.
  writeFileSync(join(work, 'package.json'), `${JSON.stringify({ name: 'consumers', private: true })}\n`);
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline', tarball, ...TOOLS.map((name) => `${name}@${versionOf(name)}`)], work);
  check(`npm install ${basename(tarball)}`, install.status === 0, install.output);
  if (install.status !== 0) throw new Error('npm install failed');
  const tsc = join(work, 'node_modules', 'typescript', 'bin', 'tsc');

  for (const name of consumers) {
    const dir = join(work, name);
    cpSync(join(consumersDir, name), dir, { recursive: true });
    const { files } = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
    for (const file of [...files, 'fail.ts']) copyFileSync(join(consumersDir, file), join(dir, file));

    // The program compiles, with no error in it nor in any declaration file, and runs.
    const compiled = run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
    check(`${name}: ${files.join(', ')} type-check`, compiled.status === 0, compiled.output);
    for (const file of files) {
      const ran = compiled.status === 0 ? run(process.execPath, [join('out', file.replace(/\.ts$/, '.js'))], dir) : { status: 1, output: 'not compiled' };
      check(`${name}: ${file} runs`, ran.status === 0, ran.output);
    }

    // The wrong program fails, with exactly the errors it names, even with
    // skipLibCheck on (where a broken declaration would make a Decimal `any`).
    const failConfig = { extends: './tsconfig.json', compilerOptions: { noEmit: true, skipLibCheck: true }, files: ['fail.ts'] };
    writeFileSync(join(dir, 'tsconfig.fail.json'), `${JSON.stringify(failConfig)}\n`);
    const failed = run(process.execPath, [tsc, '-p', 'tsconfig.fail.json'], dir);
    const expected = expectedErrors(join(dir, 'fail.ts')).sort();
    const reported = reportedErrors(failed.output).sort();
    const same = failed.status !== 0 && expected.length > 0 && JSON.stringify(expected) === JSON.stringify(reported);
    check(`${name}: fail.ts fails to type-check with its ${expected.length} marked errors`, same, `expected:\n${expected.join('\n')}\nreported:\n${failed.output}`);
  }
} finally {
  const failures = results.filter((result) => !result.ok).length;
  if (failures === 0) rmSync(work, { recursive: true, force: true });
  else console.log(`the packed package and the consumer projects are kept in ${work}`);
  console.log(`consumers: ${results.length - failures} passed, ${failures} failed`);
  if (failures > 0 || results.length === 0) process.exitCode = 1;
}
