// Mistakes the published types must catch. Each marked line must fail to
// type-check with the error code it names, and no other line may fail. The
// check compiles this file with skipLibCheck on, so that a Decimal silently
// turned into `any` would let the mistakes with money amounts through.
import { attributeCost, createClassifier, money, parseSession, type SessionType } from 'charging-sessions';
import { sampleConfig } from 'charging-sessions/sample';
import { Decimal } from 'decimal.js';

// An amount of money is an exact Decimal, never a binary float.
const amount: number = money('2.44', 'EUR').amount; // error TS2322
// The four session types are literals.
const type: SessionType = 'home'; // error TS2322
// A session's energy is a Decimal or null.
const parsed = parseSession({});
const energy: string | null = parsed.success ? parsed.data.energyKWh : null; // error TS2322
// A classifier classifies parsed sessions, not ids.
const classifier = createClassifier(sampleConfig);
classifier.classify('s-1'); // error TS2345
// toFixed gives the exact text; it has no toFixed of its own.
if (parsed.success) attributeCost(parsed.data, classifier.classify(parsed.data)).reimbursement.amount.toFixed(2).toFixed(2); // error TS2551
// A rate is built from its text, not the text itself.
const rate: Decimal = '0.6654'; // error TS2322

export { amount, type, energy, rate };
