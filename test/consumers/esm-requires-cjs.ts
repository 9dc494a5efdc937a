// An ES module that also loads the package's CommonJS build (as a dependency
// that still uses require() would). decimal.js then loads as two classes, one
// per build: a Decimal of either must be accepted by the other, in the types
// and at run time.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'charging-sessions';
import { Decimal } from 'decimal.js';

const require = createRequire(import.meta.url);
const cjs: typeof import('charging-sessions', { with: { 'resolution-mode': 'require' } }) = require('charging-sessions');
const RequiredDecimal: typeof import('decimal.js', { with: { 'resolution-mode': 'require' } }).Decimal = require('decimal.js').Decimal;

// Two builds, two decimal.js classes: otherwise this check proves nothing.
assert.notEqual(cjs.money, esm.money);
assert.equal(esm.money('1', 'EUR').amount instanceof RequiredDecimal, false);
assert.equal(cjs.money('1', 'EUR').amount instanceof Decimal, false);

const config = {
  licences: [{
    id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active' as const,
    validFrom: '2022-11-01', validUntil: null, rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }],
  }],
};
const input = {
  id: 's-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00',
  token: { uid: '04A23B5C', authorization: 'Accepted' }, chargePoint: { id: 'cp_test2' },
};

/** Reads, classifies and prices a session with one build, from the other build's values. */
function reimbursement(build: typeof esm, energyKWh: Decimal, rate: esm.Money): string {
  const read = build.parseSession({ ...input, energyKWh });
  if (!read.success) throw new Error(read.error.message);
  const classifier = build.createClassifier({ licences: [{ ...config.licences[0]!, rates: [{ from: '2022-10-01', perKWh: rate.amount, currency: rate.currency }] }] });
  return build.attributeCost(read.data, classifier.classify(read.data)).reimbursement.amount.toString();
}

// ESM-made decimals, money and sessions given to the CommonJS build.
const esmSession = esm.parseSession({ ...input, energyKWh: '3.667' });
assert.ok(esmSession.success);
const esmEnergy: Decimal | null = esmSession.data.energyKWh;
assert.ok(esmEnergy !== null && !(esmEnergy instanceof RequiredDecimal));
assert.equal(reimbursement(cjs, esmEnergy, esm.money(new Decimal('0.6654'), 'EUR')), '2.44');
const cjsClassification = cjs.createClassifier(config).classify(esmSession.data);
assert.equal(cjs.attributeCost(esmSession.data, cjsClassification).reimbursement.amount.toString(), '2.44');
assert.equal(cjs.addMoney(cjs.money('1', 'EUR'), esm.money('1.5', 'EUR')).amount.toString(), '2.5');

// And CommonJS-made ones given to the ES module build.
const cjsSession = cjs.parseSession({ ...input, energyKWh: new RequiredDecimal('3.667') });
assert.ok(cjsSession.success);
const cjsEnergy: Decimal | null = cjsSession.data.energyKWh;
assert.ok(cjsEnergy !== null && !(cjsEnergy instanceof Decimal));
assert.equal(reimbursement(esm, cjsEnergy, cjs.money(new RequiredDecimal('0.6654'), 'EUR')), '2.44');
const esmClassification = esm.createClassifier(config).classify(cjsSession.data);
assert.equal(esm.attributeCost(cjsSession.data, esmClassification).reimbursement.amount.toString(), '2.44');
assert.equal(esm.addMoney(esm.money('1', 'EUR'), cjs.money('1.5', 'EUR')).amount.toString(), '2.5');

console.log('esm-requires-cjs: a Decimal of either build is accepted by the other');
