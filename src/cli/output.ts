import type { Writable } from 'node:stream';
import type { AssessedSession, Assessment } from '../assess/assess.js';
import { resolveLocale, type LocaleInput } from '../report/locale.js';
import { ACTIVITY_COLUMNS, CPO_COLUMNS, STATEMENT_COLUMNS } from '../report/columns.js';
import { toCsv } from '../report/csv.js';
import { reimbursementStatements, statementRows } from '../report/statements.js';
import { createSummary } from '../report/summarize.js';
import { activityRow, cpoRow, type ViewOptions } from '../report/views.js';
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

/** One CSV record (RFC 4180, as the views' exports write it), without the header. */
function csvRecord(header: readonly string[], cells: readonly string[]): string {
  return toCsv(header, [cells]).slice(toCsv(header, []).length);
}

/** A CSV view, written row by row as the sessions come. */
function csvSink(out: BufferedWriter, header: readonly string[], row: (item: AssessedSession) => readonly string[]): Sink {
  let started = false;
  const start = async () => {
    if (!started) await out.write(toCsv(header, []));
    started = true;
  };
  return {
    async add(outcome) {
      await start();
      if (outcome.assessment) await out.write(csvRecord(header, row(outcome.assessment)));
    },
    async end() {
      await start();
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
    case 'activity-csv': {
      const header = ACTIVITY_COLUMNS.map((column) => headers.activity[column]);
      return csvSink(out, header, (item) => {
        const row = activityRow(item, view);
        return ACTIVITY_COLUMNS.map((column) => row[column]);
      });
    }
    case 'cpo-csv': {
      const header = CPO_COLUMNS.map((column) => headers.cpo[column]);
      return csvSink(out, header, (item) => {
        const row = cpoRow(item, view);
        return CPO_COLUMNS.map((column) => row[column]);
      });
    }
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
          await out.write(toCsv(header, []));
          for (const statement of reimbursementStatements(kept, { month, timeZone: options.timeZone })) {
            for (const row of statementRows(statement, { locale: options.locale })) await out.write(csvRecord(header, STATEMENT_COLUMNS.map((column) => row[column])));
          }
          await out.flush();
        },
      };
    }
  }
}
