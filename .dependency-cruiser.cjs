/**
 * Imports run one way: client → shared, cloudfunctions → shared; shared imports neither, nor any
 * platform SDK. The local CloudBase (emulator/, but for emulator/app-host/) imports nothing of the
 * app; the app host beside it (function runner, dev server, demo seed, timers) may. Nothing of the
 * product imports tests, scripts or the emulator; scripts never import tests.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-stays-pure',
      comment: 'shared/ is imported by both sides: no client, no functions, no platform SDKs.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|cloudfunctions|emulator|scripts)/|node_modules/(@tarojs|@cloudbase|@nutui|react)' },
    },
    {
      name: 'client-never-imports-functions',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(cloudfunctions|emulator|scripts)/|node_modules/@cloudbase' },
    },
    {
      name: 'functions-never-import-client',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(client|emulator|scripts)/|node_modules/(@tarojs|@nutui|react)' },
    },
    {
      name: 'one-sdk-init',
      comment: 'Only cloudfunctions/_lib/db.ts and identity.ts touch @cloudbase/node-sdk.',
      severity: 'error',
      from: { path: '^cloudfunctions/', pathNot: '^cloudfunctions/_lib/(db|identity)\\.ts$' },
      to: { path: 'node_modules/@cloudbase/node-sdk' },
    },
    {
      name: 'cloudbase-stand-in-knows-no-app',
      comment: 'The local CloudBase serves any app: only its host (emulator/app-host/) may load functions, contracts or seeds.',
      severity: 'error',
      from: { path: '^emulator/', pathNot: '^emulator/app-host/' },
      to: { path: '^(shared|cloudfunctions|client|scripts|test)/|^emulator/app-host/|node_modules/(@tarojs|@nutui|react)' },
    },
    {
      name: 'app-host-serves-no-tests',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^(test|scripts|client)/' },
    },
    {
      name: 'scripts-use-no-tests',
      comment: 'Start, build and bench scripts run on a machine without jest: what they share with tests lives in shared/ or emulator/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^(test|client/src)/' },
    },
    {
      name: 'product-imports-no-tooling',
      severity: 'error',
      from: { path: '^(client|cloudfunctions|shared)/' },
      to: { path: '^(test|scripts|emulator)/' },
    },
    {
      name: 'main-package-loads-no-zod',
      comment:
        'The weapp main package has a size budget (zod/mini alone is some 30 KB): outside client/src/packages/ the client loads only the zod-free contract pieces; its forms check with the rules the schemas are built from (shared/contract/fields.ts).',
      severity: 'error',
      from: { path: '^client/src/', pathNot: '^client/src/packages/' },
      to: {
        path: '^shared/contract/|node_modules/zod',
        pathNot: '^shared/contract/(errors|envelope|fields|wording|labels|[a-z-]+[.]fields)[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'zod-free-contract-pieces',
      comment: 'What the main package may load from the contract stays free of zod and of the schemas.',
      severity: 'error',
      from: { path: '^shared/contract/(errors|envelope|fields|wording|labels|[a-z-]+[.]fields)[.]ts$' },
      to: { path: 'node_modules/zod|^shared/contract/(index|validate|schemas|define|actions|[a-z-]+[.]contract)[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)dist/' },
  },
}
