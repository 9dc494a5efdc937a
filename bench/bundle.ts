/**
 * `npm run bench:bundle`: what a portal ships. esbuild bundles a page that
 * classifies (createClassifier, parseSession) and one that only labels
 * session types, minified with every dependency, from the built package;
 * prints their sizes, minified and gzipped.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly name: string;
  readonly minified: number;
  readonly gzipped: number;
  readonly text: string;
}

/** Bundles `contents` as a browser page would, from the built package in dist/. */
export async function bundle(name: string, contents: string): Promise<BundleSize> {
  const result = await build({ stdin: { contents, resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  const file = result.outputFiles[0]!;
  return { name, minified: file.contents.length, gzipped: gzipSync(file.contents).length, text: file.text };
}

export const PAGES = {
  classify: "import { createClassifier, parseSession } from 'charging-sessions'; const c = createClassifier({}); const r = parseSession({}); console.log(r.success && c.classify(r.data).type);",
  label: "import { sessionTypeLabel } from 'charging-sessions'; console.log(sessionTypeLabel('normal', 'fr'));",
} as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  for (const [name, contents] of Object.entries(PAGES)) {
    const size = await bundle(name, contents);
    console.log(`${name}: ${kB(size.minified)} minified, ${kB(size.gzipped)} gzipped (${size.gzipped.toLocaleString('en')} bytes)${name === 'label' ? `; time-zone code: ${/tzOffset|timeZoneName/.test(size.text) ? 'yes' : 'no'}` : ''}`);
  }
}
