// Mistakes the published types must catch. Each marked line must fail to
// type-check with the error code it names, and no other line may fail.
import { attributeCost, createClassifier, money, parseSession, type SessionType } from 'charging-sessions';
import { sampleConfig } from 'charging-sessions/sample';
import { Decimal } from 'decimal.js';

const amount: number = money('2.44', 'EUR').amount; // error TS2322
const type: SessionType = 'home'; // error TS2322
const parsed = parseSession({});
const energy: string | null = parsed.success ? parsed.data.energyKWh : null; // error TS2322
const classifier = createClassifier(sampleConfig);
classifier.classify('s-1'); // error TS2345
if (parsed.success) attributeCost(parsed.data, classifier.classify(parsed.data)).reimbursement.amount.toFixed(2).toFixed(2); // error TS2551
const rate: Decimal = '0.6654'; // error TS2322

export { amount, type, energy, rate };
