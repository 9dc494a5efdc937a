// A CommonJS module that also loads the package's ES module build through
// import(). decimal.js then loads as two classes, one per build: a Decimal of
// either must be accepted by the other, in the types and at run time.
import assert from 'node:assert/strict';
import * as cjs from 'charging-sessions';
import { Decimal } from 'decimal.js';

async function main(): Promise<void> {
  const esm = await import('charging-sessions');
  const { Decimal: ImportedDecimal } = await import('decimal.js');

  // Two builds, two decimal.js classes: otherwise this check proves nothing.
  assert.notEqual(esm.money, cjs.money);
  assert.equal(cjs.money('1', 'EUR').amount instanceof ImportedDecimal, false);
  assert.equal(esm.money('1', 'EUR').amount instanceof Decimal, false);

  const input = {
    id: 's-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00',
    token: { uid: '04A23B5C', authorization: 'Accepted' }, chargePoint: { id: 'cp_test2' },
  };
  const licence = (perKWh: Decimal) => ({
    id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active' as const,
    validFrom: '2022-11-01', validUntil: null, rates: [{ from: '2022-10-01', perKWh, currency: 'EUR' }],
  });

  // CommonJS-made decimals and sessions given to the ES module build.
  const cjsSession = cjs.parseSession({ ...input, energyKWh: new Decimal('3.667') });
  assert.ok(cjsSession.success);
  const esmClassifier = esm.createClassifier({ licences: [licence(cjs.money('0.6654', 'EUR').amount)] });
  const fromCjs: cjs.Money = esm.attributeCost(cjsSession.data, esmClassifier.classify(cjsSession.data)).reimbursement;
  assert.equal(fromCjs.amount.toString(), '2.44');
  assert.equal(esm.addMoney(esm.money('1', 'EUR'), cjs.money('1.5', 'EUR')).amount.toString(), '2.5');

  // And ES-module-made ones given to the CommonJS build.
  const esmSession = esm.parseSession({ ...input, energyKWh: new ImportedDecimal('3.667') });
  assert.ok(esmSession.success);
  const cjsClassifier = cjs.createClassifier({ licences: [licence(esm.money('0.6654', 'EUR').amount)] });
  const fromEsm: typeof fromCjs = cjs.attributeCost(esmSession.data, cjsClassifier.classify(esmSession.data)).reimbursement;
  assert.equal(fromEsm.amount.toString(), '2.44');
  assert.equal(cjs.addMoney(cjs.money('1', 'EUR'), esm.money('1.5', 'EUR')).amount.toString(), '2.5');

  console.log('cjs-imports-esm: a Decimal of either build is accepted by the other');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
