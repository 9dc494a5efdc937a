/**
 * The command line end to end: built once with the package's own tsup
 * configuration for the `bin` (into test/.cli), then run as a process on
 * files and standard input, checking outputs, exit codes and line-numbered
 * errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Options } from 'tsup';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '../../scripts/sample-files';
import tsupConfig from '../../tsup.config';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'test/.cli');
const bin = join(out, 'charging-sessions.js');
const SAMPLE_CONFIG = join(root, 'examples/sample-config.json');
const SAMPLE_SESSIONS = join(root, 'examples/sample-sessions.ndjson');

beforeAll(async () => {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const cli = configs.find((config) => config.outDir === 'dist/bin');
  if (!cli) throw new Error('tsup.config.ts has no build of the command line (outDir dist/bin)');
  await build({ ...cli, outDir: out, sourcemap: false, silent: true, config: false });
}, 60_000);

/** Runs the built command; `input` goes to standard input. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: input ?? '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a file for one test under test/.cli and returns its path. */
function file(name: string, text: string): string {
  mkdirSync(join(out, 'inputs'), { recursive: true });
  const path = join(out, 'inputs', name);
  writeFileSync(path, text);
  return path;
}

const sessions = () => readFileSync(SAMPLE_SESSIONS, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the command line', { timeout: 30_000 }, () => {
  it('ships the embedded sample as files, equal to src/sample (regenerate: npx tsx scripts/write-examples.ts)', () => {
    for (const [name, text] of Object.entries(sampleFiles())) expect(readFileSync(join(root, 'examples', name), 'utf8'), name).toBe(text);
  });

  it('assess prints the activity view of the sample, exit 0', () => {
    const { code, stdout, stderr } = cli(['assess', '--config', SAMPLE_CONFIG, SAMPLE_SESSIONS]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'Session,Time,User,Operator,Description,Session type,Price (incl. VAT)',
      'rel-1,2022-11-10 14:50:16,test-user,BE*MBF,3.667 kWh – 0:15:02,Split billing,–',
      'rel-2,2022-11-10 08:53:48,test-user,BE*MBF,11.001 kWh – 0:39:55,Whitelist,–',
    ]);
    expect(lines).toContain('pub-1,2022-11-14 12:02:10,an.claes,BE*ION,28.412 kWh – 0:46:45,Normal,€19.54');
    expect(lines).toHaveLength(sessions().length + 2); // header, one row a session, the final CRLF
  });

  it('reads standard input, a JSON array spread over lines, the CPO view in French and another time zone', () => {
    const array = `[\n${sessions().slice(0, 2).map((session) => JSON.stringify(session, null, 2)).join(',\n')}\n]\n`;
    const { code, stdout } = cli(['assess', '--config', SAMPLE_CONFIG, '--format', 'cpo-csv', '--locale', 'fr-BE', '--time-zone', 'UTC'], array);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[1]).toBe('rel-1,2022-11-10 13:50,2022-11-10 14:05,cp_test2,1,15 minutes,"3,667 kWh","2,44\u00a0€",Split billing');
    expect(stdout.split('\r\n')).toHaveLength(4);
  });

  it('reports every unreadable input with its line, on standard error and in NDJSON, none dropped, exit 1', () => {
    const [first, second] = sessions();
    const text = [JSON.stringify(first), '', 'not json', JSON.stringify({ ...second, energyKWh: '3,7' }), JSON.stringify(second)].join('\n');
    const { code, stdout, stderr } = cli(['assess', '--config', SAMPLE_CONFIG, '--format', 'ndjson', file('mixed.ndjson', text)]);
    expect(code).toBe(1);
    const results = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(results.map((result) => [result.line, result.success])).toEqual([[1, true], [3, false], [4, false], [5, true]]);
    expect(results[0].classification).toMatchObject({ type: 'split-billing', licenceId: 'lic-home-42' });
    expect(results[0].cost.reimbursement).toEqual({ amount: '2.44', currency: 'EUR' });
    expect(results[2].problems).toEqual([expect.stringMatching(/^energyKWh: /)]);
    expect(stderr).toMatch(/mixed\.ndjson:3: unreadable: not JSON/);
    expect(stderr).toMatch(/mixed\.ndjson:4: unreadable: energyKWh: /);
    expect(stderr).toMatch(/2 of 4 inputs unreadable/);
  });

  it('in a JSON array, a bad element is reported at the line it starts on, and a cut-off array too', () => {
    const [first, second] = sessions();
    const text = `[\n${JSON.stringify(first)},\n{\n  "id": "broken",\n  "startedAt": oops\n},\n${JSON.stringify(second)}\n]`;
    const read = cli(['assess', '--config', SAMPLE_CONFIG, '--format', 'ndjson', file('array.json', text)]);
    expect(read.code).toBe(1);
    expect(read.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).line)).toEqual([2, 3, 7]);
    expect(read.stderr).toMatch(/array\.json:3: unreadable: not JSON/);
    const cut = cli(['assess', '--format', 'ndjson', file('cut.json', `[\n${JSON.stringify(first)},\n{ "id": "half`)]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/cut\.json:3: unreadable: the JSON array is cut off/);
  });

  it('writes the summary and the monthly statements', () => {
    const summary = cli(['assess', '--config', SAMPLE_CONFIG, '--format', 'summary', SAMPLE_SESSIONS]);
    expect(summary.code).toBe(0);
    const totals = JSON.parse(summary.stdout);
    expect(totals.total.count).toBe(sessions().length);
    expect(totals.byType['split-billing'].reimbursement).toEqual({ amount: '7.32', currency: 'EUR' });
    expect(totals.unreadable).toBe(0);
    const statements = cli(['assess', '--config', SAMPLE_CONFIG, '--format', 'statements', '--month', '2022-11', SAMPLE_SESSIONS]);
    expect(statements.code).toBe(0);
    expect(statements.stdout.split('\r\n')).toEqual([
      'Employee,Session,Start,End,Licence,Energy,Rate,Amount',
      'test-user,rel-1,2022-11-10 14:50,2022-11-10 15:05,lic-home-42,3.667 kWh,€0.6654/kWh,€2.44',
      'test-user,rel-4,2022-11-09 07:30,2022-11-09 07:50,lic-home-42,7.334 kWh,€0.6654/kWh,€4.88',
      'test-user,Total,,,,11.001 kWh,,€7.32',
      '',
    ]);
  });

  it('reads OCPI CDRs and OCPP logs', () => {
    const cdr = {
      country_code: 'BE', party_id: 'MBF', id: 'cdr-1', start_date_time: '2022-11-10T13:50:16Z', end_date_time: '2022-11-10T14:05:18Z',
      cdr_token: { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
      auth_method: 'WHITELIST', cdr_location: { id: 'home-42', address: 'Kerkstraat 1', city: 'Gent', country: 'BEL', evse_uid: 'cp_test2', evse_id: 'BE*MBF*E1', connector_id: '1' },
      currency: 'EUR', charging_periods: [{ start_date_time: '2022-11-10T13:50:16Z', dimensions: [{ type: 'ENERGY', volume: 3.667 }] }],
      total_cost: { excl_vat: 2.0165, incl_vat: 2.44 }, total_energy: 3.667, total_time: 0.2506, last_updated: '2022-11-10T14:06:00Z',
    };
    const ocpi = cli(['assess', '--config', SAMPLE_CONFIG, '--from', 'ocpi-cdr', '--format', 'cpo-csv', file('cdrs.ndjson', `${JSON.stringify(cdr)}\n{"id":"no-cdr"}\n`)]);
    expect(ocpi.code).toBe(1);
    expect(ocpi.stdout.split('\r\n')[1]).toBe('cdr-1,2022-11-10 14:50,2022-11-10 15:05,cp_test2,1,15 minutes,3.667 kWh,€2.44,Split billing');
    expect(ocpi.stderr).toMatch(/cdrs\.ndjson:2: unreadable: /);

    const log = [
      [2, 'a', 'StartTransaction', { connectorId: 1, idTag: '04A23B5C', meterStart: 1000, timestamp: '2022-11-10T13:50:16Z' }],
      [3, 'a', { idTagInfo: { status: 'Accepted' }, transactionId: 7 }],
      [2, 'b', 'StopTransaction', { transactionId: 7, meterStop: 4667, timestamp: '2022-11-10T14:05:18Z' }],
      [3, 'b', { idTagInfo: { status: 'Accepted' } }],
      [2, 'c', 'StopTransaction', { transactionId: 9, meterStop: 10, timestamp: '2022-11-10T15:00:00Z' }],
    ];
    const logFile = file('cp.log', log.map((frame) => JSON.stringify(frame)).join('\n'));
    const ocpp = cli(['assess', '--config', SAMPLE_CONFIG, '--from', 'ocpp16', '--charge-point', 'cp_test2', '--format', 'ndjson', logFile]);
    expect(ocpp.code).toBe(1);
    const results = ocpp.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(results.map((result) => [result.line, result.success])).toEqual([[1, true], [5, false]]);
    expect(results[0].session.energyKWh).toBe('3.667');
    expect(ocpp.stderr).toMatch(/cp\.log:5: unreadable: transaction 9: /);
    expect(cli(['assess', '--from', 'ocpp16', logFile]).code).toBe(2);
  });

  it('bad usage and bad configurations exit 2, listing every problem', () => {
    const usage = cli(['assess', '--format', 'pdf', '--from', 'csv', '--locale', 'xx', SAMPLE_SESSIONS]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--format "pdf" is not one of/);
    expect(usage.stderr).toMatch(/--from "csv" is not one of/);
    expect(usage.stderr).toMatch(/--locale: /);
    expect(usage.stdout).toBe('');
    expect(cli(['assess', '--format', 'statements', SAMPLE_SESSIONS]).stderr).toMatch(/--format statements needs --month/);
    expect(cli(['assess', '--colour']).code).toBe(2);
    expect(cli(['assess', join(out, 'missing.ndjson')]).stderr).toMatch(/cannot read .*missing\.ndjson/);
    expect(cli(['frobnicate']).code).toBe(2);

    const bad = file('bad-config.json', JSON.stringify({ validity: { minDurationSeconds: -1 }, licences: [{ id: 'lic-1' }] }));
    for (const args of [['check-config', bad], ['assess', '--config', bad, SAMPLE_SESSIONS]]) {
      const checked = cli(args);
      expect(checked.code).toBe(2);
      expect(checked.stderr).toMatch(/validity\.minDurationSeconds: /);
      expect(checked.stderr).toMatch(/licences\[0\]\.device: /);
      expect(checked.stderr).toMatch(/licences\[0\]\.rates: /);
    }
    const good = cli(['check-config', SAMPLE_CONFIG]);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toMatch(/the configuration is valid/);
  });
});
