// Function logs are JSON lines for CloudBase; in tests only errors are worth printing.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error'

/** Jest projects mirror the source: pure rules, the local CloudBase, functions, client, browser, weapp. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } },
]
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
  testEnvironment: 'node',
}
const project = (name, extra = {}) => ({ displayName: name, rootDir: __dirname, testMatch: [`<rootDir>/test/${name}/**/*.test.ts?(x)`], ...common, ...extra })

module.exports = {
  // Two cores: the in-process servers, builds already done, leave room for two test files at once.
  maxWorkers: 2,
  projects: [
    project('unit'),
    project('emulator'),
    project('functions'),
    project('client', {
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/test/client/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/client/reset-after-each.ts'],
      // Taro's web components pull in swiper, which ships .mjs only.
      transform: { ...common.transform, '^.+\\.mjs$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|swiper|lodash-es|@nutui|@babel/runtime/helpers/esm)/)'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/components$': '@tarojs/components/lib/react/index',
        // Taro's React wrappers import an ESM-only tslib copy by relative path; use the root CommonJS build.
        'tslib/tslib\\.es6\\.js$': '<rootDir>/node_modules/tslib/tslib.js',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/client/style-stub.js',
        '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/client/file-stub.js',
      },
    }),
    project('weapp'),
    project('e2e'),
  ],
}
