/**
 * The conventions of runnable examples, shared by the README's and docs'
 * examples and the TSDoc `@example`s: a line `expression; // => value`
 * asserts that the expression's JSON form equals the value's; a line
 * `statement; // throws Name` asserts that it throws an error of that name.
 */

const RESULT = /^(\s*)(.+?);?\s*\/\/ => (.+)$/;
const THROWS = /^(\s*)(.+?);?\s*\/\/ throws (\w+)$/;
const DECLARATION = /^\s*(const|let|var|import|export)\b/;

/** Code with its result comments turned into assertions. */
export interface CheckedCode {
  /** The code, each `// =>` and `// throws` line an assertion. */
  readonly source: string;
  /** How many assertions the code holds. */
  readonly assertions: number;
  /** Lines with a `// =>` comment that cannot be checked (a declaration states no result). */
  readonly unchecked: readonly string[];
}

/** Turns the `// =>` and `// throws` comments of some code into calls of `__expect` and `__throws` (see {@link EXAMPLE_HELPERS}). */
export function toChecked(code: string): CheckedCode {
  let assertions = 0;
  const unchecked: string[] = [];
  const source = code
    .split('\n')
    .map((line) => {
      const throws = THROWS.exec(line);
      if (throws) {
        assertions += 1;
        return `${throws[1]}__throws(() => { ${throws[2]}; }, ${JSON.stringify(throws[3])});`;
      }
      const result = RESULT.exec(line);
      if (!result) return line;
      if (DECLARATION.test(result[2]!)) {
        unchecked.push(line.trim());
        return line;
      }
      assertions += 1;
      return `${result[1]}__expect(${result[2]}, ${result[3]}, ${JSON.stringify(result[2])});`;
    })
    .join('\n');
  return { source, assertions, unchecked };
}

/** The helpers the checked code calls: JSON forms compared, and a throw of a named error expected. */
export const EXAMPLE_HELPERS = `
const __json = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));
function __expect(actual: unknown, expected: unknown, source: string) {
  const a = JSON.stringify(__json(actual)), e = JSON.stringify(__json(expected));
  if (a !== e) throw new Error(\`\${source}\\n  gave     \${a}\\n  expected \${e}\`);
}
function __throws(run: () => unknown, name: string) {
  try { run(); } catch (error) { if ((error as Error).name === name) return; throw error; }
  throw new Error(\`expected \${name} to be thrown\`);
}
`;
