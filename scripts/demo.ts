/**
 * `npm run demo`: classifies the embedded sample sessions and prints what a
 * fleet manager sees: the sessions with their types and reasons, the two
 * views the platform shows (activity and CPO), and the month's totals.
 */
import {
  activityRow,
  assessSessions,
  cpoRow,
  createClassifier,
  formatDuration,
  formatEnergy,
  formatMoney,
  sessionTypeLabel,
  summarize,
  type AssessedSession,
  type Totals,
} from '../src/index';
import { sampleConfig, sampleSessions } from '../src/sample/index';

const TIME_ZONE = 'Europe/Brussels';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

const section = (title: string) => console.log(`\n${title}\n${'='.repeat(title.length)}\n`);

const assessments = assessSessions(sampleSessions, createClassifier(sampleConfig));
const assessed: AssessedSession[] = [];
for (const assessment of assessments) {
  if (assessment.success) assessed.push(assessment);
  else console.error(`input #${assessment.index} could not be read:\n${assessment.error.message}`);
}

section(`Charging sessions, November 2022 (times in ${TIME_ZONE})`);
console.log(
  table(
    ['Start', 'User', 'Charge point', 'Session', 'Type', 'Why'],
    assessed.map((item) => {
      const row = activityRow(item, { timeZone: TIME_ZONE });
      return [row.time, row.user, item.session.chargePoint.id, row.description, row.typeLabel, item.classification.reasons.map((r) => r.code).join(', ')];
    }),
  ),
);

section('Employer and driver view');
console.log(
  table(
    ['Time', 'User', 'Operator', 'Description', 'Session type', 'Price (incl. VAT)'],
    assessed.map((item) => {
      const row = activityRow(item, { timeZone: TIME_ZONE });
      return [row.time, row.user, row.operator, row.description, row.typeLabel, row.priceInclVat];
    }),
  ),
);

section('CPO view');
console.log(
  table(
    ['Start', 'End', 'Station', 'Connector', 'Duration', 'Energy', 'Remuneration', 'Remuneration type'],
    assessed.map((item) => {
      const row = cpoRow(item, { timeZone: TIME_ZONE });
      return [row.start, row.end, row.station, row.connector, row.duration, row.energy, row.remuneration, row.remunerationType];
    }),
  ),
);

section('Totals');
const summary = summarize(assessed, { timeZone: TIME_ZONE });
const totalsRow = (label: string, totals: Totals) => [
  label,
  String(totals.count),
  formatEnergy(totals.energyKWh),
  formatDuration(totals.durationMs),
  formatMoney(totals.operationalBudget.amount, totals.operationalBudget.currency),
  formatMoney(totals.reimbursement.amount, totals.reimbursement.currency),
];
console.log(
  table(
    ['Type', 'Sessions', 'Energy', 'Duration', 'Operational budget', 'Reimbursement'],
    [
      ...Object.entries(summary.byType).map(([type, totals]) => totalsRow(sessionTypeLabel(type as keyof typeof summary.byType), totals)),
      totalsRow('Total', summary.total),
    ],
  ),
);
const reimbursed = assessed.filter((item) => item.cost.type === 'split-billing');
console.log(
  `\nSplit billing reimbursements (monthly payment request, no VAT): ${reimbursed
    .map((item) => formatMoney(item.cost.reimbursement.amount, item.cost.reimbursement.currency))
    .join(' + ')} = ${formatMoney(summary.total.reimbursement.amount, summary.total.reimbursement.currency)}`,
);
