/** `npm run demo` runs and shows what domain.md says a fleet manager sees. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

describe('npm run demo', () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { cwd: root, encoding: 'utf8' });
  const line = (start: string) => output.split('\n').find((l) => l.startsWith(start)) ?? '';

  it("shows the release's sessions with their types", () => {
    expect(line('2022-11-10 14:50:16')).toMatch(/3\.667 kWh – 0:15:02\s+Split billing/);
    expect(line('2022-11-10 08:53:48')).toMatch(/11\.001 kWh – 0:39:55\s+Whitelist/);
    expect(line('2022-11-09 07:54:02')).toMatch(/3\.667 kWh – 0:12:14\s+Whitelist/);
    expect(line('2022-11-09 07:30:37')).toMatch(/7\.334 kWh – 0:20:02\s+Split billing/);
    expect(line('2022-11-08 17:39:41')).toMatch(/0:00:49\s+Invalid\s+energy-missing, duration-too-short/);
  });

  it('shows the CPO view and the reimbursements', () => {
    expect(line('2022-11-10 14:50  2022-11-10 15:05')).toMatch(/15 minutes\s+3\.667 kWh\s+€2\.44\s+Split billing/);
    expect(output).toContain('€2.44 + €4.88 = €7.32');
    expect(line('Total ')).toMatch(/^Total\s+11\s+449\.326 kWh\s+20:35:45\s+€24\.67\s+€7\.32$/);
  });
});
