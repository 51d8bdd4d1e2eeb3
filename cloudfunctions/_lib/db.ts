import * as cloudbase from '@cloudbase/node-sdk'

type App = ReturnType<typeof cloudbase.init>
export type Database = ReturnType<App['database']>

let app: App | undefined

/**
 * The only place the SDK is initialised. On CloudBase the current environment is used; locally the
 * platform's TCB_CONTEXT_CNFG points the same code at the local CloudBase.
 */
export function getApp(): App {
  app ??= cloudbase.init({ env: cloudbase.SYMBOL_CURRENT_ENV })
  return app
}

export const getDatabase = (): Database => getApp().database()
