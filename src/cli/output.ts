import type { Writable } from 'node:stream';
import type { AssessedSession, Assessment } from '../assess/assess.js';
import { resolveLocale, type LocaleInput } from '../report/locale.js';
import { STATEMENT_COLUMNS } from '../report/columns.js';
import { toCsv } from '../report/csv.js';
import { reimbursementStatements, statementRows } from '../report/statements.js';
import { createSummary } from '../report/summarize.js';
import { activityCsv, cpoCsv, type ViewOptions } from '../report/views.js';
import type { ReadWarning } from '../model/read-result.js';

/** The output formats of `assess`. */
export const FORMATS = ['activity-csv', 'cpo-csv', 'ndjson', 'summary', 'statements'] as const;
export type Format = (typeof FORMATS)[number];

/** What the command read at one place of the input: assessed, or unreadable with every problem. */
export type Outcome =
  | { readonly where: string; readonly line: number; readonly assessment: Assessment & { success: true }; readonly warnings: readonly ReadWarning[] }
  | { readonly where: string; readonly line: number; readonly assessment?: undefined; readonly problems: readonly string[]; readonly warnings: readonly ReadWarning[] };

/** Writes to a stream in chunks of about 64 kB, waiting when the stream asks to (so memory stays flat). */
export class BufferedWriter {
  #buffer = '';
  constructor(private readonly stream: Writable) {}

  async write(text: string): Promise<void> {
    this.#buffer += text;
    if (this.#buffer.length >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#buffer === '') return;
    const text = this.#buffer;
    this.#buffer = '';
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
}

/** An output: what it does with each outcome, and what it writes at the end. */
export interface Sink {
  add(outcome: Outcome): Promise<void>;
  end(): Promise<void>;
}

export interface SinkOptions extends ViewOptions {
  readonly locale: LocaleInput;
  readonly timeZone: string;
  readonly month?: string;
}

/** CSV records (RFC 4180, as the views' exports write them) one at a time, under a header written once. */
function csvRecords(header: readonly string[]): { header: string; record: (cells: readonly string[]) => string } {
  const text = toCsv(header, []);
  return { header: text, record: (cells) => toCsv(header, [cells]).slice(text.length) };
}

/**
 * A CSV view, written as the sessions come, in batches of up to 1,000 rows
 * (the view's options are checked once a batch, memory stays flat); the
 * header once, first.
 */
function csvSink(out: BufferedWriter, csv: (items: readonly AssessedSession[]) => string): Sink {
  const header = csv([]);
  let started = false;
  let batch: AssessedSession[] = [];
  const write = async () => {
    if (!started) await out.write(header);
    started = true;
    if (batch.length > 0) await out.write(csv(batch).slice(header.length));
    batch = [];
  };
  return {
    async add(outcome) {
      if (outcome.assessment) batch.push(outcome.assessment);
      if (batch.length >= 1000) await write();
    },
    async end() {
      await write();
      await out.flush();
    },
  };
}

/** A session's result as one JSON line: its type, reasons, cost and the adapter's warnings; or its problems. */
function ndjsonLine(outcome: Outcome): string {
  const base = { source: outcome.where, line: outcome.line };
  const warnings = outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {};
  if (!outcome.assessment) return `${JSON.stringify({ ...base, success: false, problems: outcome.problems, ...warnings })}\n`;
  const { session, classification, cost } = outcome.assessment;
  const { licence, whitelistEntry, ...decided } = classification as typeof classification & { licence?: { id: string } | null; whitelistEntry?: { id: string } | null };
  return `${JSON.stringify({
    ...base,
    success: true,
    session,
    classification: { ...decided, licenceId: licence?.id ?? null, whitelistEntryId: whitelistEntry?.id ?? null },
    cost,
    ...warnings,
  })}\n`;
}

/**
 * The sink of a format. CSV views and NDJSON are written as the sessions
 * come; the summary keeps only its totals; statements keep the month's
 * split billing sessions (only them) until the end.
 */
export function createSink(format: Format, stream: Writable, options: SinkOptions): Sink {
  const out = new BufferedWriter(stream);
  const view = { locale: options.locale, timeZone: options.timeZone };
  const headers = resolveLocale(options.locale).headers;
  switch (format) {
    case 'activity-csv':
      return csvSink(out, (items) => activityCsv(items, view));
    case 'cpo-csv':
      return csvSink(out, (items) => cpoCsv(items, view));
    case 'ndjson':
      return {
        add: (outcome) => out.write(ndjsonLine(outcome)),
        end: () => out.flush(),
      };
    case 'summary': {
      const summary = createSummary({ timeZone: options.timeZone, groupBy: ['month'] });
      const unreadableLines: string[] = [];
      return {
        async add(outcome) {
          if (outcome.assessment) summary.add(outcome.assessment);
          else unreadableLines.push(`${outcome.where}:${outcome.line}`);
        },
        async end() {
          const result = summary.result();
          await out.write(`${JSON.stringify({ ...result, unreadable: result.unreadable + unreadableLines.length, unreadableLines }, null, 2)}\n`);
          await out.flush();
        },
      };
    }
    case 'statements': {
      const month = options.month!;
      const kept: AssessedSession[] = [];
      const header = STATEMENT_COLUMNS.map((column) => headers.statement[column]);
      return {
        async add(outcome) {
          if (outcome.assessment?.classification.type === 'split-billing') kept.push(outcome.assessment);
        },
        async end() {
          const csv = csvRecords(header);
          await out.write(csv.header);
          for (const statement of reimbursementStatements(kept, { month, timeZone: options.timeZone })) {
            for (const row of statementRows(statement, { locale: options.locale })) await out.write(csv.record(STATEMENT_COLUMNS.map((column) => row[column])));
          }
          await out.flush();
        },
      };
    }
  }
}
