/** One Jest run for the whole repository: libs, API and cross-app tests. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@ogh/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@ogh/nlp-id$': '<rootDir>/libs/nlp-id/src/index.ts',
  },
  // content-disposition (via @fastify/static, for the API docs UI) ships ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  testMatch: ['<rootDir>/{apps,libs,tests}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.next/', '<rootDir>/tests/e2e-browser/'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
