/** `npm run demo` runs and shows what domain.md says a fleet manager sees. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

const demo = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], { cwd: root, encoding: 'utf8' });
const lineOf = (output: string) => (start: string) => output.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('npm run demo', () => {
  const output = demo();
  const line = lineOf(output);

  it("shows the release's sessions with their types", () => {
    expect(line('2022-11-10 14:50:16')).toMatch(/3\.667 kWh – 0:15:02\s+Split billing/);
    expect(line('2022-11-10 08:53:48')).toMatch(/11\.001 kWh – 0:39:55\s+Whitelist/);
    expect(line('2022-11-09 07:54:02')).toMatch(/3\.667 kWh – 0:12:14\s+Whitelist/);
    expect(line('2022-11-09 07:30:37')).toMatch(/7\.334 kWh – 0:20:02\s+Split billing/);
    expect(line('2022-11-08 17:39:41')).toMatch(
      /0:00:49\s+Invalid\s+no energy was recorded: there is no meter reading; lasted 0:00:49, less than the minimum of 0:02:00$/,
    );
    expect(line('2022-11-18 19:30:00')).toMatch(/Normal\s+public charging, paid from the operational budget; licence lic-home-42 does not cover this card$/);
  });

  it('shows the CPO view and the reimbursements', () => {
    expect(line('2022-11-10 14:50  2022-11-10 15:05')).toMatch(/15 minutes\s+3\.667 kWh\s+€2\.44\s+Split billing/);
    expect(output).toContain('€2.44 + €4.88 = €7.32');
    expect(line('Total ')).toMatch(/^Total\s+11\s+449\.326 kWh\s+20:35:45\s+€24\.67\s+€7\.32$/);
  });
  it("shows the test user's statement for November 2022", () => {
    expect(output).toContain('Employee: test-user');
    expect(line('rel-1 ')).toMatch(/2022-11-10 14:50\s+2022-11-10 15:05\s+lic-home-42\s+3\.667 kWh\s+€0\.6654\/kWh\s+€2\.44$/);
    expect(line('Total: ')).toBe('Total: €2.44 + €4.88 = €7.32');
  });
});

describe('npm run demo -- --locale fr', () => {
  const output = demo('--locale', 'fr');
  const line = lineOf(output);

  it('speaks French: headers, labels, explanations and amounts', () => {
    expect(output).toMatch(/^Date et heure\s+Utilisateur\s+Borne\s+Description\s+Type de session/m);
    expect(line('2022-11-08 17:39:41')).toMatch(/0:00:49\s+Non valable\s+aucune énergie enregistrée\u00a0: il n’y a pas de relevé du compteur; a duré 0:00:49, moins que le minimum de 0:02:00$/);
    expect(line('2022-11-10 14:50  2022-11-10 15:05')).toMatch(/15 minutes\s+3,667 kWh\s+2,44\u00a0€\s+Split billing/);
    expect(line('Total: ')).toBe('Total: 2,44\u00a0€ + 4,88\u00a0€ = 7,32\u00a0€');
  });
  it('refuses a language it does not have, saying which it has', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--locale', 'es'], { cwd: root, encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /unknown locale "es"; use one of en, fr, nl, de/,
    );
  });
});
