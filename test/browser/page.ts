// A portal's page in miniature: classifies the embedded sample in the browser and renders the activity view.
import { ACTIVITY_COLUMNS, LOCALE_DEFINITIONS, activityRow, assessSessions, createClassifier } from '../../src/index';
import { sampleConfig, sampleSessions } from '../../src/sample/index';

const table = document.createElement('table');
const header = table.createTHead().insertRow();
for (const column of ACTIVITY_COLUMNS) header.insertCell().textContent = LOCALE_DEFINITIONS.en.headers.activity[column];
const body = table.createTBody();
for (const assessment of assessSessions(sampleSessions, createClassifier(sampleConfig))) {
  const tr = body.insertRow();
  if (!assessment.success) {
    tr.insertCell().textContent = 'unreadable';
    continue;
  }
  const row = activityRow(assessment, { timeZone: 'Europe/Brussels', locale: 'en' });
  for (const column of ACTIVITY_COLUMNS) tr.insertCell().textContent = row[column];
}
document.body.append(table);
document.body.dataset.ready = 'true';
