import { defineConfig } from 'tsup';

// ESM: one file per module, so that with "sideEffects": false a bundler keeps
// only the modules an application uses. CJS (Node's require): one bundle per
// entry point. Each format gets its own declarations (.d.ts / .d.cts).
export default defineConfig([
  {
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    outDir: 'dist/esm',
  },
  {
    entry: { index: 'src/index.ts', sample: 'src/sample/index.ts', ocpi: 'src/ocpi/index.ts', ocpp: 'src/ocpp/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    outDir: 'dist/cjs',
  },
]);
