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

// The OCPI adapters' subpath loads both ways and reads a CDR.
const ocpiCdr = {
  country_code: 'BE', party_id: 'MBF', id: 'cdr-1', start_date_time: '2022-11-10T13:50:16Z', end_date_time: '2022-11-10T14:05:18Z',
  cdr_token: { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
  auth_method: 'WHITELIST', cdr_location: { id: 'home-42', evse_uid: 'cp_test2', evse_id: 'BE*MBF*E1', connector_id: '1' },
  currency: 'EUR', total_cost: { excl_vat: 2.0165, incl_vat: 2.44 }, total_energy: 3.667, total_time: 0.2506, last_updated: '2022-11-10T14:06:00Z',
};
for (const [name, ocpi] of [['import', await import('charging-sessions/ocpi')], ['require', require('charging-sessions/ocpi')]]) {
  const read = ocpi.fromOcpiCdr(ocpiCdr);
  assert.ok(read.success && read.data.chargePoint.id === 'cp_test2', `${name}: charging-sessions/ocpi reads a CDR`);
  console.log(`${name} charging-sessions/ocpi: ${Object.keys(ocpi).length} exports, a CDR read`);
}

// The OCPP adapters' subpath: one 1.6 transaction read through import and through require.
const esmOcpp = await import('charging-sessions/ocpp');
const cjsOcpp = require('charging-sessions/ocpp');
const ocppLog = [
  [2, 'a', 'StartTransaction', { connectorId: 1, idTag: '04A23B5C', meterStart: 1000, timestamp: '2022-11-10T13:50:16Z' }],
  [3, 'a', { idTagInfo: { status: 'Accepted' }, transactionId: 7 }],
  [2, 'b', 'StopTransaction', { transactionId: 7, meterStop: 4667, timestamp: '2022-11-10T14:05:18Z' }],
];
for (const [name, ocpp] of [['import', esmOcpp], ['require', cjsOcpp]]) {
  const [result] = ocpp.fromOcpp16(ocppLog, { chargePointId: 'CP-42' });
  assert.equal(result.success && result.data.energyKWh.toString(), '3.667', `${name} charging-sessions/ocpp`);
  console.log(`${name}: charging-sessions/ocpp read a transaction`);
}

// The testing kit's subpath loads both ways, and its arbitraries generate sessions the library reads.
const fc = await import('fast-check');
for (const [name, testing] of [['import', await import('charging-sessions/testing')], ['require', require('charging-sessions/testing')]]) {
  const [input] = fc.sample(testing.sessionInputArb, { numRuns: 1, seed: 42 });
  assert.ok(esm.parseSession(input).success, `${name} charging-sessions/testing: a generated session parses`);
  console.log(`${name} charging-sessions/testing: ${Object.keys(testing).length} exports, a session generated`);
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
assert.ok(!/tzOffset|timeZoneName/.test(text), 'a label-only bundle pulls in time-zone code');

// Size budget: a portal page that classifies (createClassifier, parseSession),
// bundled and minified with every dependency as bench/bundle.ts does, stays
// within CLASSIFY_PAGE_BUDGET bytes gzipped: at most 35 kB.
const CLASSIFY_PAGE_BUDGET = 35_000;
const { gzipSync } = await import('node:zlib');
const classifyPage = await build({
  stdin: {
    contents: "import { createClassifier, parseSession } from 'charging-sessions'; const c = createClassifier({}); const r = parseSession({}); console.log(r.success && c.classify(r.data).type);",
    resolveDir: process.cwd(),
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
});
const classifyGzipped = gzipSync(classifyPage.outputFiles[0].contents).length;
assert.ok(classifyGzipped <= CLASSIFY_PAGE_BUDGET, `a page that classifies is ${classifyGzipped} bytes gzipped, over its budget of ${CLASSIFY_PAGE_BUDGET}`);
console.log(`size budget: a page that classifies is ${classifyGzipped} bytes gzipped (budget ${CLASSIFY_PAGE_BUDGET})`);
