/**
 * The core in a real browser: a small page that classifies the embedded
 * sample and renders the activity view is bundled for the browser (a Node
 * built-in in the core fails the bundle) and loaded in headless Chromium
 * (Debian's `chromium` package), whose rendered rows must equal the view
 * computed here.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS, activityRow, assessSessions, createClassifier } from '../../src';
import { sampleConfig, sampleSessions } from '../../src/sample';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('in a real browser', { timeout: 120_000 }, () => {
  it('a bundled page classifies the sample and renders the activity view, row for row', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium); CI's .ci/run installs it`);
    }
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'page.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    const userDataDir = mkdtempSync(join(tmpdir(), 'charging-sessions-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({ content: script });
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      expect(errors).toEqual([]);
      const rendered = await page.$$eval('table tr', (rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)));
      const expected = assessSessions(sampleSessions, createClassifier(sampleConfig)).map((assessment) => {
        if (!assessment.success) return ['unreadable'];
        const row = activityRow(assessment, { timeZone: 'Europe/Brussels', locale: 'en' });
        return ACTIVITY_COLUMNS.map((column) => row[column]);
      });
      expect(rendered[0]).toEqual(['Session', 'Time', 'User', 'Operator', 'Description', 'Session type', 'Price (incl. VAT)']);
      expect(rendered[1]).toEqual(['rel-1', '2022-11-10 14:50:16', 'test-user', 'BE*MBF', '3.667 kWh – 0:15:02', 'Split billing', '–']);
      expect(rendered.slice(1)).toEqual(expected);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
