/**
 * `npm run demo`: classifies the embedded sample sessions and prints what a
 * fleet manager sees: the sessions with their types and why, the two views
 * the platform shows (activity and CPO), the month's totals and each
 * employee's reimbursement statement.
 *
 * `npm run demo -- --locale fr` shows it in French (any BCP 47 tag that falls
 * back to en, fr, nl or de, such as nl-BE).
 */
import { parseArgs } from 'node:util';
import {
  activityRow,
  assessSessions,
  cpoRow,
  createClassifier,
  explainReason,
  formatDuration,
  formatEnergy,
  formatMoney,
  reimbursementStatements,
  statementRows,
  resolveLocale,
  sessionTypeLabel,
  SESSION_TYPES,
  summarize,
  type AssessedSession,
  type LocaleDefinition,
  type Totals,
} from '../src/index';
import { sampleConfig, sampleSessions } from '../src/sample/index';

const TIME_ZONE = 'Europe/Brussels';
const MONTH = '2022-11';

const { values } = parseArgs({ options: { locale: { type: 'string', default: 'en' } } });
let locale: LocaleDefinition;
try {
  locale = resolveLocale(values.locale);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const { activity, cpo, summary: labels, statement: statementLabels } = locale.headers;

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
const view = { timeZone: TIME_ZONE, locale };

section(`Charging sessions, November 2022 (times in ${TIME_ZONE})`);
console.log(
  table(
    [activity.time, activity.user, cpo.station, activity.description, activity.typeLabel, 'Why'],
    assessed.map((item) => {
      const row = activityRow(item, view);
      const why = item.classification.reasons.map((reason) => explainReason(reason, locale, { timeZone: TIME_ZONE })).join('; ');
      return [row.time, row.user, item.session.chargePoint.id, row.description, row.typeLabel, why];
    }),
  ),
);

section('Employer and driver view');
console.log(
  table(
    [activity.time, activity.user, activity.operator, activity.description, activity.typeLabel, activity.priceInclVat],
    assessed.map((item) => {
      const row = activityRow(item, view);
      return [row.time, row.user, row.operator, row.description, row.typeLabel, row.priceInclVat];
    }),
  ),
);

section('CPO view');
console.log(
  table(
    [cpo.start, cpo.end, cpo.station, cpo.connector, cpo.duration, cpo.energy, cpo.remuneration, cpo.remunerationType],
    assessed.map((item) => {
      const row = cpoRow(item, view);
      return [row.start, row.end, row.station, row.connector, row.duration, row.energy, row.remuneration, row.remunerationType];
    }),
  ),
);

section('Totals');
const summary = summarize(assessed, { timeZone: TIME_ZONE });
const totalsRow = (label: string, totals: Totals) => [
  label,
  String(totals.count),
  formatEnergy(totals.energyKWh, locale),
  formatDuration(totals.durationMs),
  formatMoney(totals.operationalBudget.amount, totals.operationalBudget.currency, locale),
  formatMoney(totals.reimbursement.amount, totals.reimbursement.currency, locale),
];
console.log(
  table(
    [labels.type, labels.count, labels.energyKWh, labels.durationMs, labels.operationalBudget, labels.reimbursement],
    [...SESSION_TYPES.map((type) => totalsRow(sessionTypeLabel(type, locale), summary.byType[type])), totalsRow(labels.total, summary.total)],
  ),
);

section(`Reimbursement statements, ${MONTH} (monthly payment request, no VAT)`);
for (const statement of reimbursementStatements(assessed, { month: MONTH, timeZone: TIME_ZONE })) {
  const rows = statementRows(statement, { locale });
  const total = rows.pop()!;
  console.log(`${statementLabels.employeeId}: ${statement.employeeId ?? `(${statement.licenceIds.join(', ')})`}\n`);
  const columns = ['sessionId', 'start', 'end', 'licenceId', 'energy', 'rate', 'amount'] as const;
  console.log(table(columns.map((column) => statementLabels[column]), [...rows, total].map((row) => columns.map((column) => row[column]))));
  console.log(`\n${statementLabels.total}: ${rows.map((row) => row.amount).join(' + ')} = ${total.amount}`);
}
