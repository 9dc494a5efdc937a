// Checks the built package as its users load it: ESM import and CommonJS
// require of every entry point, through the package's own "exports" map.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esm = await import('charging-sessions');
const esmSample = await import('charging-sessions/sample');
const cjs = require('charging-sessions');
const cjsSample = require('charging-sessions/sample');

for (const [name, api, sample] of [['import', esm, esmSample], ['require', cjs, cjsSample]]) {
  const classifier = api.createClassifier(sample.sampleConfig);
  const types = api.assessSessions(sample.sampleSessions, classifier).map((a) => a.success && a.classification.type);
  assert.deepEqual(types.slice(0, 5), ['split-billing', 'whitelist', 'whitelist', 'split-billing', 'invalid'], name);
  console.log(`${name}: ${Object.keys(api).length} exports, sample classified`);
}

// Tree-shaking: a portal that only labels session types must not carry the
// schemas, zod or decimal.js.
const { build } = await import('esbuild');
const bundled = await build({
  stdin: { contents: "import { sessionTypeLabel } from 'charging-sessions'; console.log(sessionTypeLabel('normal', 'fr'));", resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
});
const size = bundled.outputFiles[0].contents.length;
const text = bundled.outputFiles[0].text;
assert.ok(!text.includes('ZodError') && !text.includes('DecimalError'), 'a label-only bundle pulls in zod or decimal.js');
assert.ok(size < 20_000, `a label-only bundle is ${size} bytes`);
console.log(`tree-shaking: a bundle that only uses sessionTypeLabel is ${size} bytes`);
