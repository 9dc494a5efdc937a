/**
 * `npm run bench:memory`: a million generated fleet sessions through
 * `assessStream` into `createSummary`, in flat memory. Run with a heap of
 * 150 MB (`--max-old-space-size=150`), so that a regression that holds the
 * sessions runs out of memory and fails, and with the peak heap printed.
 */
import { assessStream, createClassifier, createSummary } from '../src/index';
import { fleetConfig, fleetStream } from './fleet';

const COUNT = Number(process.env['SESSIONS'] ?? 1_000_000);
const classifier = createClassifier(fleetConfig());
const summary = createSummary({ groupBy: ['user', 'month'], timeZone: 'Europe/Brussels' });
let peak = 0;
const started = performance.now();
let n = 0;
for (const assessment of assessStream(fleetStream(COUNT), classifier)) {
  summary.add(assessment);
  if (++n % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const result = summary.result();
peak = Math.max(peak, process.memoryUsage().heapUsed);
const seconds = (performance.now() - started) / 1000;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`${result.total.count.toLocaleString('en')} sessions assessed and summarised (${result.unreadable} unreadable) in ${seconds.toFixed(1)} s`);
console.log(`peak heap used: ${mb(peak)} (heap limit ${mb((await import('node:v8')).getHeapStatistics().heap_size_limit)})`);
console.log(`reimbursements: ${result.total.reimbursement.amount.toFixed(2)} EUR; operational budget: ${result.total.operationalBudget.amount.toFixed(2)} EUR`);
if (result.total.count + result.unreadable !== COUNT) throw new Error('sessions were lost');
