import { defineConfig } from 'tsup';

// ESM: one file per module, so that with "sideEffects": false a bundler keeps
// only the modules an application uses. CJS (Node's require): one bundle per
// entry point. Each format gets its own declarations (.d.ts / .d.cts).
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    outDir: 'dist/esm',
  },
  {
    entry: { index: 'src/index.ts', sample: 'src/sample/index.ts', ocpi: 'src/ocpi/index.ts', ocpp: 'src/ocpp/index.ts', testing: 'src/testing/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    outDir: 'dist/cjs',
  },
  {
    // The command line: one executable ESM file (the entry's shebang is kept and the file made executable).
    entry: { 'charging-sessions': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist/bin',
  },
]);
