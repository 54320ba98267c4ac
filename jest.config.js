// Jest runs in ESM mode because the NestJS 12 packages are ESM-only.
// Start it through `node --experimental-vm-modules` (see scripts/test.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@lookout/(contracts|messaging|storage|runtime|testing|subscriber)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Shares the main context's typed arrays with tests, so onnxruntime-node output tensors pass its instanceof checks.
  testEnvironment: '<rootDir>/libs/testing/src/jest/node-environment.cjs',
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/services/web/.next/'],
};

const roots = ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/tools', '<rootDir>/examples', '<rootDir>/bench', '<rootDir>/test', '<rootDir>/deploy'];

export default {
  // One set of throwaway NATS, PostgreSQL and S3 servers for the whole run.
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '/node_modules/'] },
    { ...shared, displayName: 'integration', roots, testMatch: ['**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', roots, testMatch: ['**/*.e2e.spec.ts'] },
  ],
};
