/**
 * Runs every `@example` of the TSDoc in src/, so the reference cannot rot.
 * The TypeScript compiler finds the exported declarations and their tags.
 * Each example runs as its own module, with the conventions of the README's
 * examples (`expression; // => value`, `statement; // throws Name`), and sees:
 *
 * - the public API: every name exported by `charging-sessions` and its
 *   subpaths `/ocpi`, `/ocpp`, `/testing` and `/sample`;
 * - the name it documents, when that name is not public;
 * - the prelude: `Decimal` (decimal.js), `fc` (fast-check), `classifier` (the sample's
 *   configuration), `session` (the release's first split billing session,
 *   parsed: `sampleSessions[0]`) and `assessed` (the sample assessed:
 *   `AssessedSession[]`, in the sample's order).
 *
 * An example fails when it states no result, when a `// =>` comment cannot be
 * checked, or when a line ends in what looks like a result without `// =>`.
 * An exported function, class or constant of the public API without an
 * `@example` fails, and so does a public type without a summary.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_HELPERS, toChecked } from '../support/examples';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');
const out = join(root, 'test/.docs/tsdoc');

/** The package's entry points: the subpath a user imports, and its file. */
const ENTRY_POINTS = {
  'charging-sessions': 'index.ts',
  'charging-sessions/sample': 'sample/index.ts',
  'charging-sessions/ocpi': 'ocpi/index.ts',
  'charging-sessions/ocpp': 'ocpp/index.ts',
  'charging-sessions/testing': 'testing/index.ts',
} as const;

/** The names every example may use besides the public API, and how they are made. */
const PRELUDE = `
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
const classifier = createClassifier(sampleConfig);
const session = (() => { const read = parseSession(sampleSessions[0]); if (!read.success) throw read.error; return read.data; })();
const assessed = assessSessions(sampleSessions, classifier).map((a) => { if (!a.success) throw a.error; return a; });
`;
const PRELUDE_NAMES = ['Decimal', 'fc', 'classifier', 'session', 'assessed'];

/** A trailing comment that states a value without `=>`: a result nobody checks. */
const UNCHECKED_RESULT = /;\s*\/\/\s*(['"`{[\d-]|true\b|false\b|null\b|undefined\b|NaN\b|returns\b)/;

interface Example {
  /** The file, relative to src/. */
  readonly file: string;
  /** The exported name the example belongs to (a member's example belongs to its declaration). */
  readonly name: string;
  /** Where the documented name comes from when it is not public: its module, without extension. */
  readonly internalFrom: string | null;
  /** Whether the documented name is a type only. */
  readonly isType: boolean;
  readonly code: string;
}

interface PublicName {
  readonly subpath: string;
  /** Whether the name is a type only (imported with `type`). */
  readonly isType: boolean;
}

interface Inventory {
  readonly examples: Example[];
  /** Public functions, classes and constants without an example; public types without a summary. */
  readonly undocumented: string[];
  /** Each public name, with the subpath it comes from. */
  readonly publicNames: Map<string, PublicName>;
}

const program = ts.createProgram({
  rootNames: readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(src, file)),
  options: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, types: [] },
});
const checker = program.getTypeChecker();

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The text of an `@example` tag as code: the fenced blocks when it has any, else all of it. */
function exampleCode(tag: ts.JSDocTag): string {
  const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
  const fenced = [...text.matchAll(/```(?:ts|typescript)?\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return (fenced.length > 0 ? fenced.join('\n') : text).trim();
}

/** The JSDoc tags of a declaration and of everything declared inside it (members, methods). */
function tagsWithin(node: ts.Node): Set<ts.JSDocTag> {
  const tags = new Set<ts.JSDocTag>();
  const visit = (child: ts.Node) => {
    for (const tag of ts.getJSDocTags(child)) tags.add(tag);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return tags;
}

/** Whether a declaration has a summary: JSDoc text before its tags. */
function hasSummary(node: ts.Node): boolean {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs.some((doc) => (ts.getTextOfJSDocComment(doc.comment) ?? '').trim().length > 0);
}

function inventory(): Inventory {
  // The public API: every name each entry point exports, resolved to its declarations.
  const publicNames = new Map<string, PublicName>();
  const publicDeclarations = new Map<ts.Declaration, string>();
  for (const [subpath, file] of Object.entries(ENTRY_POINTS)) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(src, file))!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const name = exported.getName();
      const seen = publicNames.get(name);
      if (seen !== undefined && seen.subpath !== subpath) throw new Error(`${name} is exported by both ${seen} and ${subpath}: an example could not tell which`);
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      publicNames.set(name, { subpath, isType: (symbol.flags & ts.SymbolFlags.Value) === 0 });
      for (const declaration of symbol.declarations ?? []) publicDeclarations.set(declaration, name);
    }
  }
  const examples: Example[] = [];
  const undocumented: string[] = [];
  // An overloaded function is documented when one of its declarations is.
  const withExample = new Set<string>();
  const withoutExample = new Set<string>();
  for (const sourceFile of program.getSourceFiles()) {
    if (!sourceFile.fileName.startsWith(src)) continue;
    const file = relative(src, sourceFile.fileName);
    for (const statement of sourceFile.statements) {
      if (!isExported(statement)) continue;
      const declarations = ts.isVariableStatement(statement) ? [...statement.declarationList.declarations] : [statement];
      for (const declaration of declarations) {
        const nameNode = (declaration as ts.NamedDeclaration).name;
        const name = nameNode && ts.isIdentifier(nameNode) ? nameNode.text : 'default';
        const publicName = publicDeclarations.get(declaration as ts.Declaration);
        const tags = [...tagsWithin(ts.isVariableStatement(statement) ? statement : declaration)].filter((tag) => tag.tagName.text === 'example');
        for (const tag of tags) {
          const internalFrom = publicName === undefined ? join(src, file).replace(/\.ts$/, '') : null;
          const isType = ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration);
          examples.push({ file, name, internalFrom, isType, code: exampleCode(tag) });
        }
        if (publicName === undefined) continue;
        const isValue = ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isVariableDeclaration(declaration);
        if (isValue && tags.length === 0) withoutExample.add(`${file}: ${name}`);
        if (isValue && tags.length > 0) withExample.add(`${file}: ${name}`);
        if (!isValue && !hasSummary(declaration)) undocumented.push(`${file}: ${name} has no summary`);
      }
    }
  }
  for (const key of withoutExample) if (!withExample.has(key)) undocumented.push(`${key} has no @example`);
  return { examples, undocumented, publicNames };
}

/** The example as a module: the public API, the prelude, the documented name, then the code with its assertions. */
function toModule(example: Example, publicNames: Map<string, PublicName>): { source: string; problems: string[] } {
  const problems: string[] = [];
  const { source, assertions, unchecked } = toChecked(example.code);
  if (assertions === 0) problems.push('states no result: end a line with `// => value` or `// throws Name`');
  for (const line of unchecked) problems.push(`a declaration's result cannot be checked: ${line}`);
  for (const line of example.code.split('\n')) {
    if (UNCHECKED_RESULT.test(line) && !line.includes('// =>') && !/\/\/ throws \w+$/.test(line)) problems.push(`a result without \`// =>\`: ${line.trim()}`);
  }
  const bySubpath = new Map<string, string[]>();
  for (const [name, { subpath, isType }] of publicNames) bySubpath.set(subpath, [...(bySubpath.get(subpath) ?? []), isType ? `type ${name}` : name]);
  const imports = [...bySubpath].map(([subpath, names]) => {
    const file = join(src, ENTRY_POINTS[subpath as keyof typeof ENTRY_POINTS]).replace(/\.ts$/, '');
    return `import { ${names.join(', ')} } from '${file}';`;
  });
  if (example.internalFrom !== null) {
    if (publicNames.has(example.name) || PRELUDE_NAMES.includes(example.name)) problems.push(`the internal ${example.name} has the name of a public one`);
    else imports.push(`import { ${example.isType ? 'type ' : ''}${example.name} } from '${example.internalFrom}';`);
  }
  return {
    source: `${imports.join('\n')}\n${PRELUDE}\n${EXAMPLE_HELPERS}\nexport async function run() {\n${source}\n}\n`,
    problems,
  };
}

const { examples, undocumented, publicNames } = inventory();

describe('TSDoc examples', () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  it('every public function, class and constant has an example, every public type a summary', () => {
    expect(undocumented.join('\n')).toBe('');
  });

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  const counts = new Map<string, number>();
  for (const example of examples) {
    const key = `${example.file}: ${example.name}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    it(`${key} #${n}`, async () => {
      const { source, problems } = toModule(example, publicNames);
      expect(problems, example.code).toEqual([]);
      const file = join(out, `${key.replace(/[^\w]+/g, '_')}_${n}.ts`);
      writeFileSync(file, source);
      const module = (await import(file)) as { run: () => Promise<void> };
      await expect(module.run()).resolves.toBeUndefined();
    });
  }
});
