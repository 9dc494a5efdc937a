/**
 * The package's metadata, as every consumer resolves it. The slow end-to-end
 * proof (pack, install, compile consumer projects) is `npm run
 * check:consumers`; these checks catch the same mistakes early.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Conditions {
  readonly types: string;
  readonly default: string;
}
interface PackageJson {
  readonly main: string;
  readonly types: string;
  readonly files: readonly string[];
  readonly license: string;
  readonly homepage: string;
  readonly repository: { readonly url: string };
  readonly bugs: { readonly url: string };
  readonly scripts: Readonly<Record<string, string>>;
  readonly typesVersions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly exports: Readonly<Record<string, string | { readonly import: Conditions; readonly require: Conditions }>>;
}

const pkg = JSON.parse(read('package.json')) as PackageJson;
const entryPoints = Object.entries(pkg.exports).flatMap(([subpath, target]) => (typeof target === 'string' ? [] : [{ subpath, ...target }]));

/** Every .ts file under a folder of the repository. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => join(dir, file));
}

describe('package.json', () => {
  it('has an import and a require entry, each with its own declarations, for every entry point', () => {
    expect(entryPoints.map((entry) => entry.subpath)).toEqual(['.', './sample', './ocpi', './ocpp', './testing']);
    for (const entry of entryPoints) {
      expect(entry.import.types).toMatch(/^\.\/dist\/esm\/.+\.d\.ts$/);
      expect(entry.require.types).toMatch(/^\.\/dist\/cjs\/[^/]+\.d\.cts$/);
    }
  });

  it('gives resolvers that ignore "exports" (node10) the require declarations of every entry point', () => {
    const rootEntry = entryPoints.find((entry) => entry.subpath === '.')!;
    expect(pkg.types).toBe(rootEntry.require.types);
    expect(pkg.main).toBe(rootEntry.require.default);
    const subpaths = Object.fromEntries(entryPoints.filter((entry) => entry.subpath !== '.').map((entry) => [entry.subpath.slice(2), [entry.require.types]]));
    expect(pkg.typesVersions).toEqual({ '*': subpaths });
  });

  it('builds before packing, ships dist, and says where the project lives', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.files).toContain('dist');
    expect(pkg.repository.url).toBe('git+https://github.com/charging-sessions/charging-sessions.git');
    expect(pkg.homepage).toBe('https://github.com/charging-sessions/charging-sessions#readme');
    expect(pkg.bugs.url).toBe('https://github.com/charging-sessions/charging-sessions/issues');
  });

  it('has the license it names', () => {
    expect(pkg.license).toBe('MIT');
    expect(existsSync(join(root, 'LICENSE'))).toBe(true);
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the charging-sessions authors\n/);
  });
});

describe('declarations', () => {
  // decimal.js declares its two builds in one CommonJS-style file: in an ES
  // module under NodeNext its default import is the module object, so a
  // declaration written from a default import makes every Decimal an error
  // (or `any` under skipLibCheck). Only the named import works everywhere.
  it('import decimal.js by its named export only', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(0);
    const importLines = files.flatMap((file) =>
      read(file).split('\n').filter((line) => /^import\b.*\bfrom 'decimal\.js';$/.test(line)).map((line) => `${file}: ${line}`),
    );
    expect(importLines.length).toBeGreaterThan(0);
    expect(importLines.filter((line) => !/: import (type )?\{ Decimal \} from 'decimal\.js';$/.test(line))).toEqual([]);
  });
});
