import { accessSync, constants, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { assessStream, type Assessment } from '../assess/assess.js';
import { createClassifier, type Classifier } from '../classify/classifier.js';
import { ConfigError, formatPath } from '../errors.js';
import type { ReadWarning } from '../model/read-result.js';
import { isValidTimeZone, unknownTimeZoneMessage, DEFAULT_TIME_ZONE } from '../model/time.js';
import { fromOcpiCdr } from '../ocpi/index.js';
import { fromOcpp16, fromOcpp201, parseJsonExact } from '../ocpp/index.js';
import { resolveLocale } from '../report/locale.js';
import { openInput, readRecords, type InputRecord } from './input.js';
import { createSink, FORMATS, type Format, type Outcome } from './output.js';

/** Exit codes: everything read; some input unreadable (reported); bad usage or configuration. */
export const EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;

/** What the command reads from and writes to. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

const SOURCES = ['sessions', 'ocpi-cdr', 'ocpp16', 'ocpp201'] as const;

export const USAGE = `Usage:
  charging-sessions assess [options] [file ...]   classify sessions and write a view ("-" or no file: standard input)
  charging-sessions check-config <file>           validate a classifier configuration, listing every problem

Options of assess:
  --config <file>          classifier configuration (JSON); default: the default rules, no licence, no whitelist
  --from <source>          sessions (default), ocpi-cdr, ocpp16 or ocpp201
  --charge-point <id>      the charge point an OCPP log is from (required with --from ocpp16|ocpp201)
  --format <format>        activity-csv (default), cpo-csv, ndjson, summary or statements
  --month <YYYY-MM>        the month of --format statements (required with it)
  --locale <tag>           language of labels and figures: en (default), fr, nl, de, or a tag such as fr-BE
  --time-zone <zone>       IANA zone of the times shown and of the months (default Europe/Brussels)

Input: NDJSON (one JSON value a line) or a JSON array, detected from the first character.
Exit codes: 0 all read, 1 some input unreadable (each reported on standard error with its line), 2 bad usage or configuration.
`;

/** A usage or configuration problem: reported with every detail, exit code 2. */
class UsageProblem extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Runs the command line with `args` (without node and the script), returning the exit code. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const say = (text: string) => void io.stderr.write(`${text}\n`);
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout).write(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === 'check-config') return checkConfig(rest, io);
    if (command === 'assess') return await assess(rest, io);
    throw new UsageProblem([`unknown command ${JSON.stringify(command)}; expected assess or check-config`]);
  } catch (error) {
    if (!(error instanceof UsageProblem)) throw error;
    for (const problem of error.problems) say(`charging-sessions: ${problem}`);
    say('Run "charging-sessions --help" for the usage.');
    return EXIT.usage;
  }
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageProblem([(error as Error).message]);
  }
}

/** Reads a configuration file and builds its classifier, or lists every problem. */
function loadClassifier(path: string): Classifier {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageProblem([`cannot read the configuration ${path}: ${(error as Error).message}`]);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new UsageProblem([`the configuration ${path} is not JSON: ${(error as Error).message}`]);
  }
  try {
    return createClassifier(config as Parameters<typeof createClassifier>[0]);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new UsageProblem([
      `the configuration ${path} has ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}:`,
      ...error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`),
    ]);
  }
}

function checkConfig(args: readonly string[], io: Io): number {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageProblem([`check-config takes one configuration file, received ${positionals.length}`]);
  const path = positionals[0]!;
  loadClassifier(path);
  io.stdout.write(`${path}: the configuration is valid\n`);
  return EXIT.ok;
}

/** A session input (or a session an adapter read) with its warnings, or the problems that make it unreadable. */
type Read = { readonly input: unknown; readonly warnings: readonly ReadWarning[]; readonly line: number } | { readonly problems: readonly string[]; readonly warnings: readonly ReadWarning[]; readonly line: number };

const issueText = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((issue) => (issue.path.length === 0 ? issue.message : `${formatPath(issue.path)}: ${issue.message}`));

/** What one input gives, record by record: sessions as they are, OCPI CDRs through the adapter. */
async function* readOne(records: AsyncIterable<InputRecord>, from: 'sessions' | 'ocpi-cdr'): AsyncGenerator<Read> {
  for await (const record of records) {
    if (record.problem !== undefined) yield { line: record.line, problems: [record.problem], warnings: [] };
    else if (from === 'sessions') yield { line: record.line, input: record.value, warnings: [] };
    else {
      const read = fromOcpiCdr(record.value);
      yield read.success ? { line: record.line, input: read.data, warnings: read.warnings } : { line: record.line, problems: issueText(read.error.issues), warnings: read.warnings };
    }
  }
}

/**
 * An OCPP log is read whole (its messages pair up across the log), then one
 * result per transaction, at the line of its first message. A log is per
 * charge point; its size is the limit.
 */
async function* readLog(records: AsyncIterable<InputRecord>, from: 'ocpp16' | 'ocpp201', chargePointId: string): AsyncGenerator<Read> {
  const messages: unknown[] = [];
  const lines: number[] = [];
  for await (const record of records) {
    if (record.problem !== undefined) yield { line: record.line, problems: [record.problem], warnings: [] };
    else {
      messages.push(record.value);
      lines.push(record.line);
    }
  }
  const results = (from === 'ocpp16' ? fromOcpp16 : fromOcpp201)(messages, { chargePointId });
  const lineOf = (index: unknown) => (typeof index === 'number' ? (lines[index] ?? 0) : 0);
  // Paths in the log start with the message's index: show its line instead.
  const onLines = (path: readonly PropertyKey[] | undefined) => (path && path.length > 0 ? [`line ${lineOf(path[0])}`, ...path.slice(1)] : []);
  for (const result of results) {
    const line = lineOf(result.messages[0] ?? result.error?.issues[0]?.path[0]);
    const warnings = result.warnings.map((warning) => ({ ...warning, path: onLines(warning.path) }));
    const what = result.transactionId === null ? '' : `transaction ${result.transactionId}: `;
    if (result.success) yield { line, input: result.data, warnings };
    else yield { line, problems: result.error.issues.map((issue) => `${what}${issue.path.length > 0 ? `${formatPath(onLines(issue.path))}: ` : ''}${issue.message}`), warnings };
  }
}

const isFrameLine = (line: string) => /^\s*\[\s*[234]\s*,/.test(line);

/** Writes a progress line on a terminal every second, for long inputs only. */
function progress(stderr: Io['stderr']) {
  let last = Date.now();
  let shown = false;
  return {
    tick(count: number, unreadable: number) {
      if (!stderr.isTTY || count % 1000 !== 0) return;
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      shown = true;
      stderr.write(`\r${count} sessions read, ${unreadable} unreadable`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}

async function assess(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    config: { type: 'string' },
    from: { type: 'string', default: 'sessions' },
    'charge-point': { type: 'string' },
    format: { type: 'string', default: 'activity-csv' },
    month: { type: 'string' },
    locale: { type: 'string', default: 'en' },
    'time-zone': { type: 'string', default: DEFAULT_TIME_ZONE },
  });
  const from = values.from as string;
  const format = values.format as string;
  const chargePoint = values['charge-point'] as string | undefined;
  const month = values.month as string | undefined;
  const timeZone = values['time-zone'] as string;
  const locale = values.locale as string;
  const problems: string[] = [];
  if (!(SOURCES as readonly string[]).includes(from)) problems.push(`--from ${JSON.stringify(from)} is not one of ${SOURCES.join(', ')}`);
  if (!(FORMATS as readonly string[]).includes(format)) problems.push(`--format ${JSON.stringify(format)} is not one of ${FORMATS.join(', ')}`);
  if ((from === 'ocpp16' || from === 'ocpp201') && !chargePoint) problems.push(`--from ${from} needs --charge-point <id>: an OCPP log does not name its charge point`);
  if (format === 'statements' && month === undefined) problems.push('--format statements needs --month YYYY-MM');
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) problems.push(`--month ${JSON.stringify(month)} is not a month such as 2022-11`);
  if (!isValidTimeZone(timeZone)) problems.push(`--time-zone: ${unknownTimeZoneMessage(timeZone)}`);
  try {
    resolveLocale(locale);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.issues.map((issue) => `--locale: ${issue.message}`));
  }
  if (problems.length > 0) throw new UsageProblem(problems);
  const classifier = values.config === undefined ? createClassifier({}) : loadClassifier(values.config as string);
  const files = positionals.length === 0 ? ['-'] : positionals;
  // Every file must be readable before anything is written.
  const unreadableFiles = files.flatMap((file) => {
    if (file === '-') return [];
    try {
      accessSync(file, constants.R_OK);
      return [];
    } catch (error) {
      return [`cannot read ${file}: ${(error as Error).message}`];
    }
  });
  if (unreadableFiles.length > 0) throw new UsageProblem(unreadableFiles);

  const sink = createSink(format as Format, io.stdout, { locale, timeZone, ...(month === undefined ? {} : { month }) });
  // One assessment at a time from one assessStream (options checked once): it pulls the input set just before.
  let next: unknown;
  const assessments = assessStream(
    (function* () {
      for (;;) yield next;
    })(),
    classifier,
  );
  const assessOne = (input: unknown): Assessment => {
    next = input;
    return assessments.next().value as Assessment;
  };

  let count = 0;
  let unreadable = 0;
  const shown = progress(io.stderr);
  for (const file of files) {
    const where = file === '-' ? '<stdin>' : file;
    let source: Readable;
    try {
      source = openInput(file, io.stdin);
      // Fail now, with a usage error, for a file that cannot be opened.
      if (file !== '-') await new Promise<void>((resolve, reject) => source.once('open', () => resolve()).once('error', reject));
    } catch (error) {
      throw new UsageProblem([`cannot read ${where}: ${(error as Error).message}`]);
    }
    const parseJson = from === 'ocpp16' || from === 'ocpp201' ? parseJsonExact : JSON.parse;
    const records = readRecords(source, parseJson, from === 'ocpp16' || from === 'ocpp201' ? isFrameLine : undefined);
    const reads = from === 'ocpp16' || from === 'ocpp201' ? readLog(records, from, chargePoint!) : readOne(records, from as 'sessions' | 'ocpi-cdr');
    for await (const read of reads) {
      count += 1;
      for (const warning of read.warnings) io.stderr.write(`${where}:${read.line}: warning ${warning.code}: ${warning.message}\n`);
      let outcome: Outcome;
      if ('problems' in read) outcome = { where, line: read.line, problems: read.problems, warnings: read.warnings };
      else {
        const assessment = assessOne(read.input);
        outcome = assessment.success
          ? { where, line: read.line, assessment, warnings: read.warnings }
          : { where, line: read.line, problems: issueText(assessment.error.issues), warnings: read.warnings };
      }
      if (!outcome.assessment) {
        unreadable += 1;
        for (const problem of outcome.problems) io.stderr.write(`${where}:${outcome.line}: unreadable: ${problem}\n`);
      }
      await sink.add(outcome);
      shown.tick(count, unreadable);
    }
  }
  shown.done();
  await sink.end();
  if (unreadable > 0) io.stderr.write(`charging-sessions: ${unreadable} of ${count} input${count === 1 ? '' : 's'} unreadable\n`);
  return unreadable > 0 ? EXIT.unreadable : EXIT.ok;
}
