import * as cloudbase from '@cloudbase/node-sdk'

export type LocalDatabase = ReturnType<ReturnType<typeof cloudbase.init>['database']>

/** The database the running app server uses, reached as the functions reach it (the platform variables it set). */
export const localDb = (): LocalDatabase => cloudbase.init({ env: 'local' }).database()
