/** One problem in a configuration: where it is, and what to fix. */
export interface ConfigIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Thrown when a configuration cannot be used (a programmer's or an
 * administrator's error, found at start-up). It lists every problem at once,
 * each with its path, e.g. `licences[0].rates: a licence needs at least one rate`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `[charging-sessions] invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`).join('\n'),
    );
  }
}

/** Renders a path as a person reads it: `licences[0].rates[1].from`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
