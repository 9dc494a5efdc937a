// A small application written against the published package: read a session,
// classify it, attribute its cost and work with its exact decimals. It must
// type-check with skipLibCheck off and run under every module setting.
import assert from 'node:assert/strict';
import { addMoney, attributeCost, createClassifier, money, parseSession, type ChargingSession, type Classification, type Money, type SessionType } from 'charging-sessions';
import { fromOcpiCdr } from 'charging-sessions/ocpi';
import { fromOcpp16 } from 'charging-sessions/ocpp';
import { sampleConfig, sampleSessions } from 'charging-sessions/sample';
import { Decimal } from 'decimal.js';

// Decimals are real types, not `any`: each of these lines fails to compile otherwise.
type IsAny<T> = 0 extends 1 & T ? true : false;
const amountIsTyped: IsAny<Money['amount']> = false;
const energyIsTyped: IsAny<ChargingSession['energyKWh']> = false;
assert.equal(amountIsTyped || energyIsTyped, false);

const classifier = createClassifier({
  licences: [{
    id: 'lic-1', device: { chargePointId: 'cp_test2' }, status: 'active',
    validFrom: '2022-11-01', validUntil: null, tokens: { uids: ['04A23B5C'] },
    rates: [{ from: '2022-10-01', perKWh: new Decimal('0.6654'), currency: 'EUR' }],
  }],
});

const parsed = parseSession({
  id: 's-1', startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00', energyKWh: '3.667',
  token: { uid: '04A23B5C', authorization: 'Accepted' }, chargePoint: { id: 'cp_test2', locationId: 'home-42' },
});
if (!parsed.success) throw new Error(parsed.error.message);
const session: ChargingSession = parsed.data;
const energy: Decimal | null = session.energyKWh;
assert.equal(energy?.times(1000).toString(), '3667');

const classification: Classification = classifier.classify(session);
const type: SessionType = classification.type;
assert.equal(type, 'split-billing');

const cost = attributeCost(session, classification);
const reimbursement: Money = cost.reimbursement;
const amount: Decimal = reimbursement.amount;
assert.equal(amount.toFixed(2), '2.44');
assert.equal(addMoney(reimbursement, money(new Decimal('0.56'), 'EUR')).amount.toString(), '3');

// The subpaths: the sample data, an OCPI CDR and an OCPP 1.6 transaction.
const sampleTypes: SessionType[] = sampleSessions.map((input) => {
  const read = parseSession(input);
  return read.success ? createClassifier(sampleConfig).classify(read.data).type : 'invalid';
});
assert.equal(sampleTypes.length, sampleSessions.length);

const cdr = fromOcpiCdr({
  country_code: 'BE', party_id: 'MBF', id: 'cdr-1', start_date_time: '2022-11-10T13:50:16Z', end_date_time: '2022-11-10T14:05:18Z',
  cdr_token: { country_code: 'NL', party_id: 'TST', uid: '04A23B5C', type: 'RFID', contract_id: 'NL-TST-C12345678-S' },
  auth_method: 'WHITELIST', cdr_location: { id: 'home-42', evse_uid: 'cp_test2', evse_id: 'BE*MBF*E1', connector_id: '1' },
  currency: 'EUR', total_cost: { excl_vat: 2.0165, incl_vat: 2.44 }, total_energy: 3.667, total_time: 0.2506, last_updated: '2022-11-10T14:06:00Z',
});
assert.ok(cdr.success);
const cdrEnergy: Decimal | null = cdr.data.energyKWh;
assert.equal(cdrEnergy?.toString(), '3.667');

const [transaction] = fromOcpp16([
  [2, 'a', 'StartTransaction', { connectorId: 1, idTag: '04A23B5C', meterStart: 1000, timestamp: '2022-11-10T13:50:16Z' }],
  [3, 'a', { idTagInfo: { status: 'Accepted' }, transactionId: 7 }],
  [2, 'b', 'StopTransaction', { transactionId: 7, meterStop: 4667, timestamp: '2022-11-10T14:05:18Z' }],
], { chargePointId: 'CP-42' });
assert.ok(transaction?.success);
const meterEnergy: Decimal | null = transaction.data.energyKWh;
assert.equal(meterEnergy?.toString(), '3.667');

console.log(`program: ${type}, reimbursement ${amount.toString()} ${reimbursement.currency}`);
