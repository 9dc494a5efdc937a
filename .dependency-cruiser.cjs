// The architecture as rules: src/ is a stack of layers, each folder one layer,
// and a layer imports only from the layers below it. `npm run lint:deps`
// checks them; CI fails on any violation.
const LAYERS = [
  'model', // sessions, tokens, prices, decimals, instants, periods
  'rules', // validity rules and the reasons they give
  'matchers', // identifiers, whitelist entries, licences and their rate schedules
  'classify', // the classifier and its configuration
  'cost', // money, rounding, cost attribution
  'assess', // the pipeline: read, classify, price
  'report', // summaries, views, CSV, labels
  'sample', // the embedded sample data
  'ocpi|ocpp', // adapters from the standards' data
  'testing', // fast-check arbitraries for users' tests
  'cli', // the command line
];

/** The layers above `index`, as a path pattern. */
const above = (index) => `^src/(${LAYERS.slice(index + 1).join('|')})/`;

/** The core: what runs in a browser, with no Node built-ins and no adapters. */
const CORE = '^src/(errors\\.ts|index\\.ts|(model|rules|matchers|classify|cost|assess|report|sample)/)';

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, index) => ({
      name: `layer-${layer.replace('|', '-')}`,
      comment: `src/${layer} is below ${LAYERS.slice(index + 1).join(', ')}: it must not import from them`,
      severity: 'error',
      from: { path: `^src/(${layer})/` },
      to: { path: above(index) },
    })),
    {
      name: 'no-circular',
      comment: 'modules must not import each other in a cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'the core runs in browsers: no Node built-ins',
      severity: 'error',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-adapters',
      comment: 'the core never imports the adapters, the testing kit or the command line',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^src/(ocpi|ocpp|testing|cli)/' },
    },
    {
      name: 'adapters-apart',
      comment: 'the OCPI and OCPP adapters do not import each other',
      severity: 'error',
      from: { path: '^src/ocpi/' },
      to: { path: '^src/ocpp/' },
    },
    {
      name: 'adapters-apart-ocpp',
      comment: 'the OCPI and OCPP adapters do not import each other',
      severity: 'error',
      from: { path: '^src/ocpp/' },
      to: { path: '^src/ocpi/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'every import resolves',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
