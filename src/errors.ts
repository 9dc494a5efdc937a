/** One problem in a configuration or an option: where it is, and what to fix. */
export interface ConfigIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The prefix of every error message the library throws. */
export const ERROR_PREFIX = '[charging-sessions]';

/**
 * The one error the library throws: a programmer's or an administrator's
 * error (a bad configuration, a bad option or argument), found before any
 * work starts. Data never throws: a session's problems come back as issues
 * and flags. It lists every problem at once, each with its path, e.g.
 * `licences[0].rates: a licence needs at least one rate`.
 *
 * @example
 * createClassifier({ validity: { minDurationSeconds: -1 } }); // throws ConfigError
 * let issues: readonly ConfigIssue[] = [];
 * try { createClassifier({ validity: { minDurationSeconds: -1 } }); } catch (error) { issues = (error as ConfigError).issues; }
 * issues; // => [{ path: ['validity', 'minDurationSeconds'], message: 'minDurationSeconds cannot be negative' }]
 */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';

  /**
   * @param issues - every problem, each with its path
   * @param what - what was being checked, for the message: "configuration", "options", "arguments"
   */
  constructor(
    readonly issues: readonly ConfigIssue[],
    what = 'configuration',
  ) {
    super(
      `${ERROR_PREFIX} invalid ${what} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`).join('\n'),
    );
  }
}

/**
 * A single bad argument or option, as a {@link ConfigError}.
 *
 * @example
 * const error = usageError(['options', 'rounding'], 'unknown rounding mode "up-ish"');
 * error.message; // => '[charging-sessions] invalid arguments (1 problem):\n  - options.rounding: unknown rounding mode "up-ish"'
 */
export function usageError(path: readonly PropertyKey[], message: string): ConfigError {
  return new ConfigError([{ path, message }], 'arguments');
}

/**
 * Collects the problems of a set of options, then throws them all at once.
 *
 * @example
 * const problems = new IssueList();
 * problems.add(['rounding'], 'unknown rounding mode');
 * problems.throwIfAny('options'); // throws ConfigError
 */
export class IssueList {
  readonly #issues: ConfigIssue[] = [];

  /** Notes a problem at `path`. */
  add(path: readonly PropertyKey[], message: string): void {
    this.#issues.push({ path, message });
  }

  /** Throws one {@link ConfigError} listing every problem noted, if any. */
  throwIfAny(what = 'options'): void {
    if (this.#issues.length > 0) throw new ConfigError(this.#issues, what);
  }
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Renders a path as a person reads it: `licences[0].rates[1].from`.
 *
 * @example formatPath(['licences', 0, 'rates']); // => 'licences[0].rates'
 * @example formatPath(['rateSchedules', ' be-fl ']); // => 'rateSchedules[" be-fl "]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : typeof key === 'string' && !PLAIN_KEY.test(key) ? `[${JSON.stringify(key)}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}
