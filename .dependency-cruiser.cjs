/** Imports run one way: client → shared, cloudfunctions → shared; shared imports neither, nor any platform SDK. */
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
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)dist/' },
  },
}
