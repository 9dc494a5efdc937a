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
import { EXAMPLE_HELPERS, toChecked } from '../support/examples';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'test/.docs');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The document's examples as one module, with assertions for the `// =>` and `// throws` comments. */
function toModule(markdown: string): { source: string; assertions: number } {
  const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const { source: body, assertions } = toChecked(
    blocks
      .join('\n')
      .replace(/from 'charging-sessions\/(\w+)'/g, (_, subpath: string) => `from '${join(root, 'src', subpath, 'index')}'`)
      .replaceAll("from 'charging-sessions'", `from '${join(root, 'src/index')}'`),
  );
  const imports = body.split('\n').filter((line) => line.startsWith('import '));
  const rest = body.split('\n').filter((line) => !line.startsWith('import '));
  return { source: `${imports.join('\n')}\n${EXAMPLE_HELPERS}\nexport async function run() {\n${rest.join('\n')}\n}\n`, assertions };
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
