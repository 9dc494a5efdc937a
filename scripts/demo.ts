/**
 * `npm run demo`: classifies the embedded sample sessions and prints what a
 * fleet manager sees.
 */
import { assessSessions, createClassifier, formatDuration, formatEnergy, formatLocalDateTime, sessionTypeLabel } from '../src/index';
import { sampleConfig, sampleSessions } from '../src/sample/index';

const TIME_ZONE = 'Europe/Brussels';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

const classifier = createClassifier(sampleConfig);
const assessments = assessSessions(sampleSessions, classifier);

console.log(`Charging sessions, November 2022 (times in ${TIME_ZONE})\n`);
console.log(
  table(
    ['Start', 'User', 'Charge point', 'Session', 'Type', 'Why'],
    assessments.map((assessment) => {
      if (!assessment.success) return [`input #${assessment.index}`, '', '', '', 'unreadable', assessment.error.issues.map((issue) => issue.message).join('; ')];
      const { session, classification } = assessment;
      const duration = formatDuration(session.endedAt.getTime() - session.startedAt.getTime());
      return [
        formatLocalDateTime(session.startedAt, TIME_ZONE),
        session.userId ?? '',
        session.chargePoint.id,
        session.energyKWh === null ? duration : `${formatEnergy(session.energyKWh)} – ${duration}`,
        sessionTypeLabel(classification.type),
        classification.reasons.map((reason) => reason.code).join(', '),
      ];
    }),
  ),
);
