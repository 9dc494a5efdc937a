/**
 * Runs the TypeScript examples of README.md and docs/*.md, so they cannot
 * rot. Each file's ```ts blocks run in order as one module, importing the
 * package from src/. A line `expression; // => value` asserts that the
 * expression's JSON form equals the value's; `statement; // throws Name`
 * asserts that it throws an error of that name.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'test/.docs');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

const RESULT = /^(\s*)(.+?);?\s*\/\/ => (.+)$/;
const THROWS = /^(\s*)(.+?);?\s*\/\/ throws (\w+)$/;

/** The document's examples as one module, with assertions for the `// =>` and `// throws` comments. */
function toModule(markdown: string): { source: string; assertions: number } {
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  let assertions = 0;
  const body = blocks
    .join('\n')
    .replace(/from 'charging-sessions\/(\w+)'/g, (_, subpath: string) => `from '${join(root, 'src', subpath, 'index')}'`)
    .replaceAll("from 'charging-sessions'", `from '${join(root, 'src/index')}'`)
    .split('\n')
    .map((line) => {
      const throws = THROWS.exec(line);
      if (throws) {
        assertions += 1;
        return `${throws[1]}__throws(() => { ${throws[2]}; }, ${JSON.stringify(throws[3])});`;
      }
      const result = RESULT.exec(line);
      if (!result || /^\s*(const|let|import|export)\b/.test(result[2]!)) return line;
      assertions += 1;
      return `${result[1]}__expect(${result[2]}, ${result[3]}, ${JSON.stringify(result[2])});`;
    })
    .join('\n');
  const helpers = `
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
  const imports = body.split('\n').filter((line) => line.startsWith('import '));
  const rest = body.split('\n').filter((line) => !line.startsWith('import '));
  return { source: `${imports.join('\n')}\n${helpers}\nexport async function run() {\n${rest.join('\n')}\n}\n`, assertions };
}

describe('documentation examples', () => {
  mkdirSync(out, { recursive: true });
  for (const document of documents) {
    const { source, assertions } = toModule(readFileSync(join(root, document), 'utf8'));
    if (assertions === 0) continue;
    it(`${document}: ${assertions} results hold`, async () => {
      const file = join(out, `${document.replace(/[/.]/g, '_')}.ts`);
      writeFileSync(file, source);
      const module = (await import(file)) as { run: () => Promise<void> };
      await expect(module.run()).resolves.toBeUndefined();
    });
  }
});
